import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { InsetText, WarningCallout } from "nhsuk-react-components";
import { ConcernStatusTag } from "~/components/ConcernStatusTag";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { CONCERN_FOLLOW_UP_LABELS, CONCERN_HARM_LABELS, INCIDENT_REPORTING } from "~/content/concerns";
import { AUTOMATIC_ACTOR } from "~/content/audit-events";
import { REVIEW_OUTCOME_LABELS } from "~/content/agreements";
import { pageTitle } from "~/content/titles";
import { isSeriousHarm } from "~/domain/concerns";
import { formatDate, formatDateTime } from "~/domain/dates";
import { can } from "~/domain/roles";
import { getConcern } from "~/models/concern-detail.server";
import { found, requireId } from "~/web/not-found.server";
import { requireActor } from "~/web/session.server";

// The concern's number only: no person's or worker's name in a title (docs/domain.md rule 15).
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data ? `Concern ${data.concern.id}` : "Concern", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  const concern = found(await getConcern(context.db, { actor, id: requireId(params.id) }));
  const { concern: c } = concern;
  return {
    concern: {
      id: c.id,
      status: c.status,
      agreementId: c.agreementId,
      workerId: c.workerId,
      occurredOn: c.occurredOn,
      createdAt: c.createdAt,
      whatHappened: c.whatHappened,
      actionTaken: c.actionTaken,
      harm: c.harm,
      closedAt: c.closedAt,
      outcome: c.outcome,
    },
    taskName: concern.taskName,
    workerName: concern.workerName,
    agreementReference: concern.agreementReference,
    personName: concern.personName,
    raisedByName: concern.raisedByName,
    closedByName: concern.closedByName,
    followUps: concern.followUps,
    suspendable: concern.suspendable,
    mayReview: concern.mayReview,
    mayClose: concern.mayClose,
    seeWorker: can(actor.role, "read", "worker"),
  };
}

export default function ConcernPage() {
  const d = useLoaderData<typeof loader>();
  const c = d.concern;
  const back = c.agreementId ? { to: `/agreements/${c.agreementId}`, label: `Agreement ${d.agreementReference}` } : d.seeWorker && c.workerId ? { to: `/workers/${c.workerId}`, label: d.workerName ?? "Care worker" } : { to: "/", label: "Home" };
  return (
    <>
      <DoneBanner />
      <PageHeading title={`Concern ${c.id}`} caption={c.agreementId ? `Agreement ${d.agreementReference} for ${d.personName}` : `About ${d.workerName}`} back={back} />
      <p>
        <ConcernStatusTag status={c.status} />
      </p>
      {isSeriousHarm(c.harm) ? (
        <WarningCallout>
          <WarningCallout.Heading headingLevel="h2">Moderate or severe harm</WarningCallout.Heading>
          <p>This must also be reported through Learn from Patient Safety Events (LFPSE) or your organisation's incident reporting.</p>
        </WarningCallout>
      ) : null}
      <Summary
        rows={[
          ...(c.agreementId ? ([["Agreement", <Link key="a" to={`/agreements/${c.agreementId}`}>{d.agreementReference}</Link>]] as [string, React.ReactNode][]) : []),
          ["Task", d.taskName ?? "Not about one task"],
          ["Care worker", d.workerName ? (d.seeWorker && c.workerId ? <Link key="w" to={`/workers/${c.workerId}`}>{d.workerName}</Link> : d.workerName) : "Not about one care worker"],
          ["Date it happened", formatDate(c.occurredOn)],
          ["What happened", <span key="h" className="dc-pre-line">{c.whatHappened}</span>],
          ["What was done straight away", c.actionTaken || "Nothing recorded"],
          ["Was anyone harmed", CONCERN_HARM_LABELS[c.harm]],
          ["Recorded", `${formatDateTime(c.createdAt)} by ${d.raisedByName}`],
          ...(c.status === "closed" ? ([["Closed", `${formatDateTime(c.closedAt)} by ${d.closedByName ?? AUTOMATIC_ACTOR}`], ["Outcome", c.outcome]] as [string, string][]) : []),
        ]}
      />

      <h2>What has been done</h2>
      {d.followUps.length ? (
        <ul className="nhsuk-list" id="follow-ups">
          {d.followUps.map((f) => (
            <li key={f.id}>
              <strong>{CONCERN_FOLLOW_UP_LABELS[f.kind]}</strong>
              {f.kind === "competency_suspended" && f.competencyId ? (
                <>
                  {": "}
                  <Link to={`/competencies/${f.competencyId}`}>
                    {f.workerName}, {f.taskName}
                  </Link>
                </>
              ) : null}
              {f.kind === "agreement_reviewed" && f.reviewOutcome ? `: ${REVIEW_OUTCOME_LABELS[f.reviewOutcome]}, ${formatDate(f.reviewedOn)}` : null}
              {`, ${formatDateTime(f.at)} by ${f.byName}`}
            </li>
          ))}
        </ul>
      ) : (
        <p>No follow-up recorded yet.</p>
      )}

      {c.status === "open" && (d.suspendable.length || d.mayReview || d.mayClose) ? (
        <>
          <h2>Act on this concern</h2>
          {d.suspendable.length ? (
            <ul className="nhsuk-list">
              {d.suspendable.map((s) => (
                <li key={s.id}>
                  <Link to={`/competencies/${s.id}/suspend?concern=${c.id}`}>
                    Suspend this competency<span className="nhsuk-u-visually-hidden">:</span> ({s.workerName}, {s.taskName})
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="dc-actions">
            {d.mayReview ? (
              <Link to={`/agreements/${c.agreementId}/review?concern=${c.id}`} className="nhsuk-button nhsuk-button--secondary">
                Review the agreement
              </Link>
            ) : null}
            {d.mayClose ? (
              <Link to={`/concerns/${c.id}/close`} className="nhsuk-button">
                Close this concern
              </Link>
            ) : null}
          </div>
        </>
      ) : null}
      <InsetText>
        <p>{INCIDENT_REPORTING}</p>
      </InsetText>
    </>
  );
}
