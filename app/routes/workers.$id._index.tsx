import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { PassportTable } from "~/components/Passport";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { StatusTag } from "~/components/nhs/StatusTag";
import { Summary } from "~/components/nhs/Summary";
import { WORKER_STATUS_LABELS } from "~/content/labels";
import { ATTENDANCE_OUTCOME_LABELS, TRAINING_MODE_LABELS } from "~/content/training";
import { RecordHistory } from "~/components/RecordHistory";
import { WorkerAgreements } from "~/components/WorkerAgreements";
import { workerLabel } from "~/domain/worker-labels";
import { listWorkerAgreements } from "~/models/agreements.server";
import { WorkerSignIn } from "~/components/WorkerSignIn";
import { getWorkerSignIn } from "~/models/invitations.server";
import { pageTitle } from "~/content/titles";
import { listRecordHistory } from "~/models/audit.server";
import { formatDate } from "~/domain/dates";
import { can, ROLE_ORGANISATION_KIND } from "~/domain/roles";
import { listWorkerCompetencies } from "~/models/competencies.server";
import { listWorkerPrerequisites } from "~/models/prerequisites.server";
import { getSettings } from "~/models/settings.server";
import { listWorkerTraining } from "~/models/training.server";
import { getWorker } from "~/models/workers.server";
import { ConcernsSection } from "~/components/ConcernsSection";
import { mayRaiseConcern } from "~/domain/concerns";
import { listConcerns } from "~/models/concerns.server";
import { found, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.worker.name ?? "Care worker", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "worker");
  const shown = found(await getWorker(context.db, { actor, id: requireId(params.id) }));
  const { db, clock } = context;
  const workerId = shown.worker.id;
  const settings = await getSettings(db);
  return {
    label: workerLabel({ name: shown.worker.name, staffNumber: shown.worker.staffNumber, namesakes: shown.namesakes }),
    agreements: await listWorkerAgreements(db, { actor, workerId, today: clock.today(), reviewDueDays: settings.reviewDueDays }),
    // docs/domain.md rule 15: an NHS user sees only their own teams' agreements naming the worker.
    agreementsNote: ROLE_ORGANISATION_KIND[actor.role] === "nhs_team" ? "Only your NHS teams' agreements are listed." : undefined,
    history: await listRecordHistory(db, { entityType: "worker", entityId: workerId }),
    ...shown,
    passport: await listWorkerCompetencies(db, { actor, workerId, today: clock.today(), warningDays: settings.competencyWarningDays }),
    training: await listWorkerTraining(db, { actor, workerId }),
    prerequisites: await listWorkerPrerequisites(db, workerId),
    canManage: can(actor.role, "manage", "worker"),
    canAssess: can(actor.role, "sign_off", "competency") && shown.worker.status === "active",
    concerns: await listConcerns(db, { actor, workerId }),
    reportConcern: mayRaiseConcern(actor.role) ? `/concerns/new?worker=${workerId}` : null,
    // Only for those who manage the worker's sign-in (their provider's managers, administrators).
    signIn: await getWorkerSignIn(db, { actor, workerId, now: clock.now() }),
  };
}

export default function WorkerPage() {
  const { worker, label, providerName, userEmail, passport, training, prerequisites, canManage, canAssess, history, concerns, reportConcern, agreements, agreementsNote, signIn } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner subject={label} />
      <PageHeading title={label} caption={`${worker.jobTitle}, ${providerName}`} back={{ to: "/workers", label: "All care workers" }} />
      <Summary
        rows={[
          ["Status", <StatusTag key="s" text={WORKER_STATUS_LABELS[worker.status]} tone={worker.status === "active" ? "green" : "grey"} />],
          ["Provider", providerName],
          ["Staff number", worker.staffNumber ?? "Not recorded"],
          ["Joined the provider", worker.joinedOn ? formatDate(worker.joinedOn) : "Not recorded"],
          ["Care Certificate", worker.careCertificateOn ? `Awarded ${formatDate(worker.careCertificateOn)}` : "Not recorded"],
          ...(worker.status === "left" ? ([["Left on", formatDate(worker.leftOn)]] as [string, string][]) : []),
          ["Sign-in", userEmail ? `Signs in as ${userEmail}` : worker.status === "active" ? "Cannot sign in yet: their signatures on agreements are recorded on paper" : "Cannot sign in"],
        ]}
      />
      <div className="dc-actions">
        {canAssess ? (
          <>
            <Link to={`/workers/${worker.id}/observe`} className="nhsuk-button">Record a supervised observation</Link>
            <Link to={`/workers/${worker.id}/prerequisite`} className="nhsuk-button nhsuk-button--secondary">Record a prerequisite</Link>
          </>
        ) : null}
        {canManage ? <Link to={`/workers/${worker.id}/edit`} className="nhsuk-button nhsuk-button--secondary">Change details</Link> : null}
      </div>
      {signIn ? <WorkerSignIn workerId={worker.id} workerName={worker.name} data={signIn} /> : null}

      <ConcernsSection concerns={concerns} reportHref={reportConcern} show="worker" />

      <h2>Skills passport</h2>
      <p>
        <a href={`/workers/${worker.id}/passport.pdf`}>Print the skills passport (PDF)</a>
      </p>
      <PassportTable entries={passport} caption={`Competencies of ${worker.name}`} />

      <WorkerAgreements agreements={agreements} heading="Agreements naming this care worker" caption={`Agreements naming ${label}`} note={agreementsNote} />

      <h2>Prerequisites</h2>
      {prerequisites.length ? (
        <ul className="nhsuk-list">
          {prerequisites.map((p) => (
            <li key={p.id}>
              {p.achievedOn ? <StatusTag text="Met" tone="green" /> : <StatusTag text="Not met" tone="grey" />} {p.name}{" "}
              <span className="dc-muted">
                (for {p.taskName}){p.achievedOn ? `, ${formatDate(p.achievedOn)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>No task in the catalogue has a prerequisite.</p>
      )}

      <h2>Training</h2>
      {training.length ? (
        <Table caption={`Training sessions ${worker.name} attended`} responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Date</Table.Cell>
              <Table.Cell>Task</Table.Cell>
              <Table.Cell>How</Table.Cell>
              <Table.Cell>Outcome</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {training.map((t) => (
              <Table.Row key={t.sessionId}>
                <Table.Cell className="dc-nowrap">
                  <Link to={`/training/${t.sessionId}`}>{formatDate(t.heldOn)}</Link>
                </Table.Cell>
                <Table.Cell>{t.taskName}</Table.Cell>
                <Table.Cell>{TRAINING_MODE_LABELS[t.mode]}</Table.Cell>
                <Table.Cell>{ATTENDANCE_OUTCOME_LABELS[t.outcome]}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <p>No training recorded.</p>
      )}
      <RecordHistory events={history} />
    </>
  );
}
