import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { StatusTag } from "~/components/nhs/StatusTag";
import { SESSION_STATUS_LABELS, TRAINING_MODE_LABELS } from "~/content/training";
import { pageTitle } from "~/content/titles";
import { formatDate } from "~/domain/dates";
import { can } from "~/domain/roles";
import { listTrainingSessions } from "~/models/training.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Training", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "training");
  return { ...await listTrainingSessions(context.db, { actor, today: context.clock.today() }), canRecord: can(actor.role, "manage", "training") };
}

type Session = ReturnType<typeof useLoaderData<typeof loader>>["past"][number];

function Sessions({ sessions, caption }: { sessions: Session[]; caption: string }) {
  return (
    <Table caption={caption} responsive>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Date</Table.Cell>
          <Table.Cell>Task</Table.Cell>
          <Table.Cell>How</Table.Cell>
          <Table.Cell>Facilitator</Table.Cell>
          <Table.Cell>Status</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {sessions.map((s) => (
          <Table.Row key={s.id}>
            <Table.Cell className="dc-nowrap">
              <Link to={`/training/${s.id}`}>{formatDate(s.heldOn)}</Link>
            </Table.Cell>
            <Table.Cell>{s.taskName}</Table.Cell>
            <Table.Cell>{TRAINING_MODE_LABELS[s.mode]}</Table.Cell>
            <Table.Cell>{s.facilitatorName}</Table.Cell>
            <Table.Cell>
              <StatusTag {...SESSION_STATUS_LABELS[s.status]} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

export default function Training() {
  const { upcoming, past, canRecord } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner />
      <PageHeading title="Training">
        <p>Training sessions, and the matrix of every care worker's competencies.</p>
      </PageHeading>
      <div className="dc-actions">
        {canRecord ? (
          <>
            <Link to="/training/schedule" className="nhsuk-button">Schedule a training session</Link>
            <Link to="/training/new" className="nhsuk-button nhsuk-button--secondary">Record a training session</Link>
          </>
        ) : null}
        <Link to="/training/matrix" className="nhsuk-button nhsuk-button--secondary">Training matrix</Link>
      </div>
      <h2>Upcoming sessions</h2>
      {upcoming.length ? <Sessions sessions={upcoming} caption="Sessions from today, soonest first" /> : <p>No sessions are scheduled.</p>}
      <h2>Past and cancelled sessions</h2>
      {past.length ? <Sessions sessions={past} caption="Earlier sessions, newest first" /> : <p>No training sessions recorded.</p>}
    </>
  );
}
