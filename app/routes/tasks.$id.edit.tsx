import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TaskForm } from "~/components/forms/task-form";
import { TaskSchema } from "~/forms/task.server";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { DuplicateTaskCodeError, getTask, updateTask } from "~/models/tasks.server";
import { found, requireId } from "~/web/not-found.server";
import { formError, formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(`Change ${data?.task.name ?? "task"}`, matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage", "task");
  return found(await getTask(context.db, requireId(params.id)));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "task");
  const id = requireId(params.id);
  const values = formValues(await request.formData());
  const form = TaskSchema;
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  const { newPrerequisites, ...input } = parsed.data;
  try {
    found(await updateTask(context.db, { actor, id, input, newPrerequisites, at: context.clock.now() }));
  } catch (error) {
    if (error instanceof DuplicateTaskCodeError) return rejectForm(context, formError("code", "Another task already has this code"), values);
    throw error;
  }
  return redirect(`/tasks/${id}?done=updated`);
}

export default function EditTask() {
  const { task, prerequisites } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Change task" caption={task.name} back={{ to: `/tasks/${task.id}` }} errors={actionData?.errors} />
        <TaskForm errors={actionData?.errors} values={actionData?.values ?? task} existingPrerequisites={prerequisites} submitLabel="Save changes" />
      </div>
    </div>
  );
}
