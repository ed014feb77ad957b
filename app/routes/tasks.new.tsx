import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TaskForm } from "~/components/forms/task-form";
import { TaskSchema } from "~/forms/task.server";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { createTask, DuplicateTaskCodeError } from "~/models/tasks.server";
import { formError, formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Add a task", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage", "task");
  return { submissionToken: newSubmissionToken() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "task");
  const values = formValues(await request.formData());
  const form = TaskSchema;
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  const { newPrerequisites, ...input } = parsed.data;
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    const id = await oncePerSubmission(context.db, { actor, token, form: "task" }, async (tx) => await createTask(tx, { actor, input, prerequisites: newPrerequisites, at: context.clock.now() }));
    return redirect(`/tasks/${id}?done=created`);
  } catch (error) {
    if (error instanceof DuplicateTaskCodeError) return rejectForm(context, formError("code", "A task with this code already exists"), values);
    throw error;
  }
}

export default function NewTask() {
  const actionData = useActionData<typeof action>();
  const { submissionToken: token } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Add a task to the catalogue" back={{ to: "/tasks" }} errors={actionData?.errors} />
        <TaskForm
          errors={actionData?.errors}
          values={actionData?.values ?? { requiredObservations: "3", validityMonths: "12", reviewIntervalMonths: "6", active: "yes" }}
          submitLabel="Add task"
          submissionToken={token}
        />
      </div>
    </div>
  );
}
