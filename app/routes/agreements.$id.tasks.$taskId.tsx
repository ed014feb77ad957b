import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, InsetText } from "nhsuk-react-components";
import { TextareaField, TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { parametersHint } from "~/content/forms";
import { agreementPageTitle } from "~/content/titles";
import { updateTaskSpecifics } from "~/models/agreement-draft.server";
import { loadAgreementPage, requireNurseOf } from "~/web/agreement-page.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";
import { notFound, requireId } from "~/web/not-found.server";
import { TaskSpecificsSchema } from "~/forms/agreements.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => agreementPageTitle(data?.reference, `Care-plan details: ${data?.task.name ?? "task"}`, matches);

async function load(args: LoaderFunctionArgs) {
  const { actor, view } = await loadAgreementPage(args);
  requireNurseOf(actor);
  const taskId = requireId(args.params.taskId);
  const row = view.tasks.find((t) => t.task.id === taskId);
  if (!row) throw notFound();
  return { actor, view, row };
}

export async function loader(args: LoaderFunctionArgs) {
  const { view, row } = await load(args);
  return { id: view.agreement.id, reference: view.agreement.reference, task: row.task, specifics: row.specifics };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, view, row } = await load(args);
  const { context } = args;
  const values = formValues(await args.request.formData());
  const form = TaskSpecificsSchema;
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  try {
    await updateTaskSpecifics(context.db, { actor, agreementId: view.agreement.id, taskId: row.task.id, specifics: parsed.data, at: context.clock.now() });
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "instructions" });
  }
  // Back to the task list of the guided agreement, with the section's new status.
  return redirect(`/agreements/${view.agreement.id}/draft?done=draft_updated`);
}

export default function TaskSpecifics() {
  const { id, reference, task, specifics } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values ?? specifics;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={errors} title={`Care-plan details: ${task.name}`} caption={reference} back={{ to: `/agreements/${id}/draft`, label: "Back to the task list" }} />
        <InsetText>
          <p>
            <strong>In scope:</strong> {task.inScope}
          </p>
          <p>
            <strong>Excluded:</strong> {task.excluded}
          </p>
        </InsetText>
        <Form method="post" noValidate>
          <TextareaField name="instructions" label="Instructions" hint="What the care worker does, step by step, for this person" errors={errors} values={values} />
          <TextField name="carePlanReference" label="Care-plan reference" errors={errors} values={values} />
          <TextField name="deviceOrProduct" label="Device or product" errors={errors} values={values} />
          <TextareaField name="parameters" label="Parameters" hint={parametersHint(task.category)} errors={errors} values={values} rows={3} />
          <TextareaField name="mustNotDo" label="What the care worker must not do" errors={errors} values={values} rows={3} />
          <TextareaField name="escalationPlan" label="Escalation plan" hint="When to call the district nurse, the GP, 111 or 999, with numbers" errors={errors} values={values} />
          <Button type="submit">Save details</Button>
        </Form>
      </div>
    </div>
  );
}
