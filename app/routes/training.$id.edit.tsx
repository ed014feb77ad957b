import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeading } from "~/components/nhs/PageHeading";
import { ScheduledSessionForm } from "~/components/training/session-form";
import { scheduledSessionSchema, SESSION_DATE_FIELDS } from "~/forms/training-session.server";
import { pageTitle } from "~/content/titles";
import { formatDate } from "~/domain/dates";
import { sessionChangeProblem } from "~/domain/training";
import { listTasks } from "~/models/tasks.server";
import { changeScheduledSession } from "~/models/training.server";
import { found } from "~/web/not-found.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";
import { SessionChangeRefused } from "~/components/training/Refused";
import { loadSessionToManage } from "~/web/training-session-page.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Change a training session", matches);

export async function loader(args: LoaderFunctionArgs) {
  const { training } = await loadSessionToManage(args);
  const { session } = training;
  const [year, month, day] = session.heldOn.split("-");
  return {
    id: session.id,
    caption: `${training.taskName} training, ${formatDate(session.heldOn)}`,
    // docs/domain.md rules 8 and 14: only a session that has not happened yet may change.
    refused: sessionChangeProblem(training.facts, args.context.clock.today()),
    tasks: (await listTasks(args.context.db, { activeOnly: true })).map((t) => ({ id: t.id, name: t.name })),
    values: { taskId: String(session.taskId), "heldOn-day": String(Number(day)), "heldOn-month": String(Number(month)), "heldOn-year": year!, mode: session.mode, location: session.location, notes: session.notes },
    submissionToken: newSubmissionToken(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, training } = await loadSessionToManage(args);
  const { context, request } = args;
  const values = formValues(await request.formData());
  const today = context.clock.today();
  const form = scheduledSessionSchema(today);
  const parsed = form.safeParse(withDates(values, SESSION_DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, SESSION_DATE_FIELDS, form), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    found(await oncePerSubmission(context.db, { actor, token, form: "training.change" }, async (tx) =>
      await changeScheduledSession(tx, { actor, id: training.session.id, input: parsed.data, today, at: context.clock.now() }),
    ));
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "taskId", dateFields: SESSION_DATE_FIELDS });
  }
  return redirect(`/training/${training.session.id}?done=session_changed`);
}

export default function ChangeSession() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={actionData?.errors} title="Change a training session" caption={d.caption} back={{ to: `/training/${d.id}` }} />
        {d.refused ? (
          <SessionChangeRefused reason={d.refused} sessionId={d.id} />
        ) : (
          <ScheduledSessionForm tasks={d.tasks} values={actionData?.values ?? d.values} errors={actionData?.errors} token={d.submissionToken} button="Save changes" />
        )}
      </div>
    </div>
  );
}
