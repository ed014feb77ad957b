import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { CheckboxesField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { agreementPageTitle } from "~/content/titles";
import { setAgreementTasks } from "~/models/agreement-draft.server";
import { listTasks } from "~/models/tasks.server";
import { loadAgreementPage, requireNurseOf } from "~/web/agreement-page.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => agreementPageTitle(data?.reference, "Change the tasks", matches);

export async function loader(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  return {
    reference: view.agreement.reference,
    id: view.agreement.id,
    tasks: (await listTasks(args.context.db, { activeOnly: true })).map((t) => ({ value: String(t.id), label: t.name })),
    chosen: view.tasks.map((t) => String(t.task.id)),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const { context } = args;
  const values = formValues(await args.request.formData(), ["taskIds"]);
  const form = z.object({ taskIds: z.array(z.coerce.number().int().positive()).min(1, "Select at least one task") });
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  try {
    await setAgreementTasks(context.db, { actor, agreementId: view.agreement.id, taskIds: parsed.data.taskIds, at: context.clock.now() });
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "taskIds" });
  }
  // Back to the task list of the guided agreement, with the section's new status.
  return redirect(`/agreements/${view.agreement.id}/draft?done=draft_updated`);
}

export default function ChangeTasks() {
  const { reference, id, tasks, chosen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title="Change the tasks" caption={reference} back={{ to: `/agreements/${id}/draft`, label: "Back to the task list" }} />
        <Form method="post" noValidate>
          <CheckboxesField name="taskIds" label="Tasks to delegate" options={tasks} errors={actionData?.errors} values={actionData?.values ?? { taskIds: chosen }} />
          <Button type="submit">Save tasks</Button>
        </Form>
      </div>
    </div>
  );
}
