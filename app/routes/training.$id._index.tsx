import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { StatusTag } from "~/components/nhs/StatusTag";
import { ATTENDANCE_OUTCOME_LABELS, SESSION_STATUS_LABELS, TRAINING_MODE_LABELS } from "~/content/training";
import { pageTitle } from "~/content/titles";
import { formatDate, formatDateTime } from "~/domain/dates";
import { registerProblem, sessionChangeProblem, sessionStatus } from "~/domain/training";
import { can } from "~/domain/roles";
import { getTrainingSession } from "~/models/training.server";
import { found, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data ? `${data.taskName} training, ${formatDate(data.session.heldOn)}` : "Training session", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "training");
  const training = found(await getTrainingSession(context.db, { actor, id: requireId(params.id) }));
  const today = context.clock.today();
  const { session } = training;
  const canRecord = can(actor.role, "manage", "training");
  return {
    session: { id: session.id, heldOn: session.heldOn, mode: session.mode, location: session.location, notes: session.notes, cancelledAt: session.cancelledAt, cancelReason: session.cancelReason },
    taskName: training.taskName,
    facilitatorName: training.facilitatorName,
    cancelledByName: training.cancelledByName,
    attendees: training.attendees,
    status: sessionStatus(training.facts, today),
    canSeeWorkers: can(actor.role, "read", "worker"),
    canRecord,
    // docs/domain.md rules 8 and 14: what happened at a session is known only from its day; until then it may change.
    registerRefused: registerProblem(training.facts, today),
    mayChange: canRecord && !sessionChangeProblem(training.facts, today),
  };
}

export default function TrainingSession() {
  const { session, taskName, facilitatorName, cancelledByName, attendees, status, canSeeWorkers, canRecord, registerRefused, mayChange } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner />
      <PageHeading title={`${taskName} training`} caption={formatDate(session.heldOn)} back={{ to: "/training", label: "All training" }} />
      <Summary
        rows={[
          ["Status", <StatusTag key="s" {...SESSION_STATUS_LABELS[status]} />],
          ...(session.cancelledAt
            ? ([["Cancelled", `${formatDateTime(session.cancelledAt)} by ${cancelledByName ?? ""}: ${session.cancelReason}`]] as [string, string][])
            : []),
          ["Task", taskName],
          ["Date", formatDate(session.heldOn)],
          ["How", TRAINING_MODE_LABELS[session.mode]],
          ["Where", session.location],
          ["Facilitator", facilitatorName],
          ["Notes", session.notes],
        ]}
      />
      {mayChange ? (
        <div className="dc-actions">
          <Link to={`/training/${session.id}/edit`} className="nhsuk-button nhsuk-button--secondary">Change session details</Link>
          <Link to={`/training/${session.id}/cancel`} className="nhsuk-button nhsuk-button--secondary">Cancel session</Link>
        </div>
      ) : null}
      <h2>Who attended</h2>
      {status === "scheduled" ? <p>Scheduled. {registerRefused}.</p> : null}
      {status === "cancelled" ? <p>This session was cancelled, so no attendance is recorded.</p> : null}
      {status === "register_open" ? (
        canRecord ? (
          <p>
            <Link to={`/training/${session.id}/attendance`}>Record attendance</Link>
          </p>
        ) : (
          <p>Attendance has not been recorded yet.</p>
        )
      ) : null}
      {attendees.length ? (
        <Table caption="Attendees and their outcome" responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Care worker</Table.Cell>
              <Table.Cell>Provider</Table.Cell>
              <Table.Cell>Outcome</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {attendees.map((a) => (
              <Table.Row key={a.workerId}>
                <Table.Cell>{canSeeWorkers ? <Link to={`/workers/${a.workerId}`}>{a.name}</Link> : a.name}</Table.Cell>
                <Table.Cell>{a.providerName}</Table.Cell>
                <Table.Cell>{ATTENDANCE_OUTCOME_LABELS[a.outcome]}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
    </>
  );
}
