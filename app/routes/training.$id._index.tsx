import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { ATTENDANCE_OUTCOME_LABELS, TRAINING_MODE_LABELS } from "~/content/training";
import { pageTitle } from "~/content/titles";
import { formatDate } from "~/domain/dates";
import { attendanceProblem } from "~/domain/training";
import { can } from "~/domain/roles";
import { getTrainingSession } from "~/models/training.server";
import { notFound, requireId } from "~/services/params.server";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data ? `${data.taskName} training, ${formatDate(data.session.heldOn)}` : "Training session", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "training");
  const found = getTrainingSession(context.db, { actor, id: requireId(params.id) });
  if (!found) throw notFound();
  return {
    ...found,
    canSeeWorkers: can(actor.role, "read", "worker"),
    canRecord: can(actor.role, "manage", "training"),
    // docs/domain.md rule 8: what happened at a session is known only from its day.
    notYet: attendanceProblem(found.session.heldOn, context.clock.today(), 1),
  };
}

export default function TrainingSession() {
  const { session, taskName, facilitatorName, attendees, canSeeWorkers, canRecord, notYet } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner />
      <PageHeading title={`${taskName} training`} caption={formatDate(session.heldOn)} back={{ to: "/training", label: "All training" }} />
      <Summary
        rows={[
          ["Task", taskName],
          ["Date", formatDate(session.heldOn)],
          ["How", TRAINING_MODE_LABELS[session.mode]],
          ["Where", session.location],
          ["Facilitator", facilitatorName],
          ["Notes", session.notes],
        ]}
      />
      <h2>Who attended</h2>
      {!attendees.length ? (
        notYet ? (
          <p>Scheduled. {notYet}.</p>
        ) : canRecord ? (
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
