import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { NotificationBanner, Table } from "nhsuk-react-components";
import { CompetencyTag } from "~/components/CompetencyTag";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { OBSERVATION_OUTCOME_LABELS, observationCount } from "~/content/training";
import { DONE_MESSAGES } from "~/content/messages";
import { pageTitle } from "~/content/titles";
import { COMPETENCY_ACTION_LABELS, COMPETENCY_STATUS_LABELS, observationsOpen } from "~/domain/competency";
import { formatDate, formatDateTime } from "~/domain/dates";
import { can } from "~/domain/roles";
import { getCompetency } from "~/models/competencies.server";
import { signOffReadiness } from "~/models/competency-sign-off.server";
import { liveAgreementsNamingFor } from "~/models/competency-follow-up.server";
import { agreementScope } from "~/models/scope.server";
import { mayRaiseConcern, subjectProblems } from "~/domain/concerns";
import { getSettings } from "~/models/settings.server";
import { found, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data ? `${data.task.name}: ${data.worker.name}` : "Competency", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "competency");
  const id = requireId(params.id);
  const today = context.clock.today();
  const competency = found(await getCompetency(context.db, { actor, id, today, warningDays: (await getSettings(context.db)).competencyWarningDays }));
  const readiness = found(await signOffReadiness(context.db, { actor, id, today }));
  const assessor = can(actor.role, "sign_off", "competency");
  const active = competency.worker.status === "active";
  const c = competency.competency;
  return {
    ...competency,
    counted: { satisfactory: readiness.satisfactory, required: readiness.required, renewal: readiness.renewal },
    // docs/domain.md rule 7, through signOffProblems: offered as the next step only when nothing stands in the way.
    readyToSignOff: assessor && active && readiness.problems.length === 0,
    canSignOff: assessor && active && (c.state === "in_training" || c.state === "competent"),
    mayObserve: assessor && active && observationsOpen(c.state),
    canSeeWorker: can(actor.role, "read", "worker"),
    namedOn: (await liveAgreementsNamingFor(context.db, { workerId: c.workerId, taskId: c.taskId, personId: c.personId, scope: agreementScope(actor) })).map((a) => ({
      id: a.agreement.id,
      reference: a.agreement.reference,
      personName: a.personName,
    })),
    // "Report a concern" about this worker's practice (a care worker: about their own).
    reportConcern: mayRaiseConcern(actor.role) && !subjectProblems({ role: actor.role, actorWorkerId: actor.workerId, workerId: competency.worker.id }).length ? `/concerns/new?worker=${competency.worker.id}` : null,
  };
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * After an observation: how many now count and, in one click, another observation of the same
 * task (the sign-off button below is the next step once enough are recorded). After a sign-off:
 * until when, the agreements naming the worker for the task, and the way back to the worker.
 */
function NextStep({ d, observeHref }: { d: Loaded; observeHref: string }) {
  const [params] = useSearchParams();
  const done = params.get("done");
  const count = observationCount(d.counted.satisfactory, d.counted.required, d.counted.renewal);
  if (done === "observation") {
    return (
      <NotificationBanner success>
        <NotificationBanner.Heading>{DONE_MESSAGES.observation}</NotificationBanner.Heading>
        <p>
          {count} towards {d.counted.renewal ? "renewal" : "sign-off"}.
          {d.readyToSignOff ? ` Ready for ${d.counted.renewal ? "renewal" : "sign-off"}.` : ""}
        </p>
        {d.mayObserve ? (
          <p>
            <Link to={observeHref}>Record another observation</Link>
          </p>
        ) : null}
      </NotificationBanner>
    );
  }
  if (done === "signed_off" || done === "renewed") {
    return (
      <NotificationBanner success>
        <NotificationBanner.Heading>{DONE_MESSAGES[done]}</NotificationBanner.Heading>
        <p>
          {d.worker.name} is competent in this task until {formatDate(d.current?.expiresOn ?? null)}.
          {d.namedOn.length ? " Agreements that name them for it are listed below." : ""}
        </p>
        {d.canSeeWorker ? (
          <p>
            <Link to={`/workers/${d.worker.id}`}>Back to {d.worker.name}&rsquo;s record</Link>
          </p>
        ) : null}
      </NotificationBanner>
    );
  }
  return <DoneBanner />;
}

export default function CompetencyPage() {
  const d = useLoaderData<typeof loader>();
  const { competency, worker, task } = d;
  const renewal = competency.state === "competent";
  const observeHref = `/workers/${worker.id}/observe?competency=${competency.id}`;
  return (
    <>
      <NextStep d={d} observeHref={observeHref} />
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
          [
            "Towards sign-off",
            `${observationCount(d.counted.satisfactory, d.counted.required, d.counted.renewal)}${d.readyToSignOff ? ": ready for sign-off" : ""}`,
          ],
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
      <p>
        {observationCount(d.counted.satisfactory, d.counted.required, d.counted.renewal)}. Observations marked &ldquo;Not yet&rdquo; and struck-out ones do not
        count.
      </p>
      {d.mayObserve ? (
        <p>
          <Link to={observeHref}>Record an observation</Link>
        </p>
      ) : null}
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

      {d.namedOn.length ? (
        <>
          <h2>Agreements naming {worker.name} for this task</h2>
          <ul className="nhsuk-list">
            {d.namedOn.map((a) => (
              <li key={a.id}>
                <Link to={`/agreements/${a.id}`}>{a.reference}</Link> ({a.personName})
              </li>
            ))}
          </ul>
        </>
      ) : null}

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
                <Table.Cell>{s.kind === "initial" ? "First sign-off" : "Renewal"}</Table.Cell>
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
