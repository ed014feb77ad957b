import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { CompetencyTag } from "~/components/CompetencyTag";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { OBSERVATION_OUTCOME_LABELS } from "~/content/training";
import { pageTitle } from "~/content/titles";
import { COMPETENCY_ACTION_LABELS, COMPETENCY_STATUS_LABELS } from "~/domain/competency";
import { formatDate, formatDateTime } from "~/domain/dates";
import { can } from "~/domain/roles";
import { mayRaiseConcern, subjectProblems } from "~/domain/concerns";
import { getCompetency } from "~/models/competencies.server";
import { getSettings } from "~/models/settings.server";
import { notFound, requireId } from "~/services/params.server";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data ? `${data.task.name}: ${data.worker.name}` : "Competency", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "competency");
  const found = getCompetency(context.db, { actor, id: requireId(params.id), today: context.clock.today(), warningDays: getSettings(context.db).competencyWarningDays });
  if (!found) throw notFound();
  const assessor = can(actor.role, "sign_off", "competency");
  return {
    ...found,
    canSignOff: assessor && found.worker.status === "active" && (found.competency.state === "in_training" || found.competency.state === "competent"),
    canSeeWorker: can(actor.role, "read", "worker"),
    // "Report a concern" about this worker's practice (a care worker: about their own).
    reportConcern: mayRaiseConcern(actor.role) && !subjectProblems({ role: actor.role, actorWorkerId: actor.workerId, workerId: found.worker.id }).length ? `/concerns/new?worker=${found.worker.id}` : null,
  };
}

export default function CompetencyPage() {
  const d = useLoaderData<typeof loader>();
  const { competency, worker, task } = d;
  const renewal = competency.state === "competent";
  return (
    <>
      <DoneBanner />
      <PageHeading
        title={d.personName ? `${task.name} for ${d.personName}` : task.name}
        caption={`${worker.name}, ${d.providerName}`}
        back={d.canSeeWorker ? { to: `/workers/${worker.id}`, label: `Back to ${worker.name}` } : { to: "/", label: "Back to your passport" }}
      />
      <Summary
        rows={[
          ["Status", <CompetencyTag key="s" status={d.status} />],
          ...(competency.stateReason && competency.state !== "competent" && competency.state !== "in_training"
            ? ([["Reason", competency.stateReason]] as [string, string][])
            : []),
          ...((d.current
            ? [
                ["Signed off", d.current.signedOffOn ? `${formatDate(d.current.signedOffOn)} by ${d.signOffs[0]?.byName ?? ""}` : "Not yet"],
                ["Expires", formatDate(d.current.expiresOn) || "Not applicable"],
              ]
            : [["Signed off", `No current sign-off: ${COMPETENCY_STATUS_LABELS[d.status].toLowerCase()}. Past sign-offs are listed below.`]]) as [string, string][]),
          ["Supervised observations needed", `${task.requiredObservations} satisfactory before first sign-off`],
        ]}
      />
      {d.canSignOff || d.actions.length ? (
        <div className="dc-actions">
          {d.canSignOff ? (
            <Link to={`/competencies/${competency.id}/sign-off`} className="nhsuk-button">
              {renewal ? "Renew (reassess) competency" : "Sign off competency"}
            </Link>
          ) : null}
          {d.actions.map((a) => (
            <Link key={a} to={`/competencies/${competency.id}/${a}`} className="nhsuk-button nhsuk-button--secondary">
              {COMPETENCY_ACTION_LABELS[a].button}
            </Link>
          ))}
        </div>
      ) : null}

      {d.reportConcern ? (
        <p>
          <Link to={d.reportConcern}>Report a concern</Link>
        </p>
      ) : null}

      <h2>Supervised observations</h2>
      {d.observations.length ? (
        <Table caption="Observed practice, newest first" responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Date</Table.Cell>
              <Table.Cell>Observer</Table.Cell>
              <Table.Cell>Outcome</Table.Cell>
              <Table.Cell>Notes</Table.Cell>
              {d.observations.some((o) => o.mayStrikeOut) ? <Table.Cell><span className="nhsuk-u-visually-hidden">Action</span></Table.Cell> : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.observations.map((o) => (
              <Table.Row key={o.id}>
                <Table.Cell className="dc-nowrap">{o.struckOutAt ? <s>{formatDate(o.observedOn)}</s> : formatDate(o.observedOn)}</Table.Cell>
                <Table.Cell>{o.observerName}</Table.Cell>
                <Table.Cell>
                  {o.struckOutAt ? (
                    <>
                      <s>{OBSERVATION_OUTCOME_LABELS[o.outcome]}</s> <strong>Struck out</strong>
                    </>
                  ) : (
                    OBSERVATION_OUTCOME_LABELS[o.outcome]
                  )}
                </Table.Cell>
                <Table.Cell>
                  {o.notes}
                  {o.struckOutAt ? (
                    <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                      Struck out by {o.struckOutByName} on {formatDateTime(o.struckOutAt)}: {o.struckOutReason}. It no longer counts towards sign-off.
                    </p>
                  ) : null}
                </Table.Cell>
                {d.observations.some((x) => x.mayStrikeOut) ? (
                  <Table.Cell>
                    {o.mayStrikeOut ? (
                      <Link to={`/competencies/${competency.id}/strike-out?observation=${o.id}`}>
                        Strike out<span className="nhsuk-u-visually-hidden"> the observation of {formatDate(o.observedOn)}</span>
                      </Link>
                    ) : null}
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <p>None recorded.</p>
      )}

      <h2>Sign-offs</h2>
      {d.signOffs.length ? (
        <Table caption="Every sign-off and renewal, newest first" responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Signed off</Table.Cell>
              <Table.Cell>By</Table.Cell>
              <Table.Cell>Kind</Table.Cell>
              <Table.Cell>Expires</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.signOffs.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell className="dc-nowrap">{formatDate(s.signedOffOn)}</Table.Cell>
                <Table.Cell>{s.byName}</Table.Cell>
                <Table.Cell>{s.kind === "initial" ? "First sign-off" : s.kind === "renewal" ? "Renewal" : "Reinstatement"}</Table.Cell>
                <Table.Cell className="dc-nowrap">{formatDate(s.expiresOn)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <p>Not signed off yet.</p>
      )}

      <h2>History</h2>
      <ul className="nhsuk-list">
        {d.changes.map((c) => (
          <li key={c.id}>
            <strong>{COMPETENCY_STATUS_LABELS[c.toState]}</strong> on {formatDateTime(c.changedAt)} by {c.byName}
            {c.reason ? `: ${c.reason}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}
