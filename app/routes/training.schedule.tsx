import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeading } from "~/components/nhs/PageHeading";
import { ScheduledSessionForm } from "~/components/training/session-form";
import { scheduledSessionSchema, SESSION_DATE_FIELDS } from "~/forms/training-session.server";
import { pageTitle } from "~/content/titles";
import { addDays } from "~/domain/dates";
import { listTasks } from "~/models/tasks.server";
import { scheduleTrainingSession } from "~/models/training.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Schedule a training session", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage", "training");
  const [year, month, day] = addDays(context.clock.today(), 7).split("-");
  return {
    tasks: (await listTasks(context.db, { activeOnly: true })).map((t) => ({ id: t.id, name: t.name })),
    // A week ahead as a starting point: the usual notice for a session.
    suggested: { "heldOn-day": String(Number(day)), "heldOn-month": String(Number(month)), "heldOn-year": year! },
    submissionToken: newSubmissionToken(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "training");
  const values = formValues(await request.formData());
  const today = context.clock.today();
  const form = scheduledSessionSchema(today);
  const parsed = form.safeParse(withDates(values, SESSION_DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, SESSION_DATE_FIELDS, form), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    const id = await oncePerSubmission(context.db, { actor, token, form: "training.schedule" }, async (tx) => await scheduleTrainingSession(tx, { actor, input: parsed.data, today, at: context.clock.now() }));
    return redirect(`/training/${id}?done=scheduled`);
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "taskId", dateFields: SESSION_DATE_FIELDS });
  }
}

export default function ScheduleTraining() {
  const { tasks, suggested, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title="Schedule a training session" back={{ to: "/training", label: "Training" }}>
          <p>The session is listed as upcoming. On the day of the session you record who attended and how they did.</p>
        </PageHeading>
        <ScheduledSessionForm tasks={tasks} values={actionData?.values ?? suggested} errors={actionData?.errors} token={token} button="Schedule session" />
      </div>
    </div>
  );
}
