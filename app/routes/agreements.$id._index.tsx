import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { InsetText } from "nhsuk-react-components";
import { AgreementTag } from "~/components/agreement/AgreementTag";
import { CoverList } from "~/components/agreement/Cover";
import { AgreementHistory } from "~/components/agreement/History";
import { Signatures } from "~/components/agreement/Signatures";
import { StateNotices } from "~/components/agreement/StateNotices";
import { TaskSpecificsSummary } from "~/components/agreement/TaskSpecifics";
import { ConcernsSection } from "~/components/ConcernsSection";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { agreementPageTitle } from "~/content/titles";
import { CONSENT_KIND_LABELS, REPRESENTATIVE_AUTHORITY_LABELS, versionLine } from "~/content/agreements";
import { sectionsCompleted } from "~/domain/agreement-task-list";
import { mayRaiseConcern } from "~/domain/concerns";
import { formatDate } from "~/domain/dates";
import { formatNhsNumber } from "~/domain/nhs-number";
import { draftSectionsOf } from "~/models/agreement-draft.server";
import { actionsOn, partiesOf } from "~/models/agreement-parties.server";
import { blockersFor } from "~/models/agreement-signing.server";
import { concernTimeline, listConcerns, withConcernEvents } from "~/models/concerns.server";
import { loadAgreementPage } from "~/web/agreement-page.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  // The reference only, never the person's name: titles go into browser history (docs/domain.md rule 15).
  agreementPageTitle(data?.agreement.reference, "Agreement", matches);

export async function loader(args: LoaderFunctionArgs) {
  const { actor, view, settings } = await loadAgreementPage(args);
  const { db, clock } = args.context;
  const { agreement, version } = view;
  const signed = new Map(view.signatures.map((s) => [s.signature.party, s]));
  const parties = await partiesOf(db, agreement, version);
  // What this user may do here, decided once (app/domain/agreement-actions.ts); the models refuse the rest.
  const may = await actionsOn(db, { actor, agreement, version, parties });
  // Only what the page shows of the person: not their address, GP or consent notes (issue 12, finding 12).
  const { id, name, nhsNumber, dateOfBirth, capacityNotes } = view.person;
  // Not the frozen content itself (the version page shows it), nor the signatures twice.
  const { content: _content, ...shownVersion } = version;
  const { signatures: _signatures, consentHistory: _history, providerEscalationInHours: _in, providerEscalationOutOfHours: _out, ...shown } = view;
  return {
    ...shown,
    version: shownVersion,
    person: { id, name, nhsNumber, dateOfBirth, capacityNotes },
    parties: parties.map(({ party, name, role }) => ({ party, name, role, signature: signed.get(party) ?? null })),
    blockers: version.state === "awaiting_signatures" ? await blockersFor(db, { agreement, version, today: clock.today(), warningDays: settings.competencyWarningDays }) : [],
    // Concerns on this agreement, and their events on its timeline (only those the actor may see).
    concerns: await listConcerns(db, { actor, agreementId: agreement.id }),
    reportConcern: mayRaiseConcern(actor.role) ? `/concerns/new?agreement=${agreement.id}` : null,
    timeline: withConcernEvents(view.timeline, await concernTimeline(db, { actor, agreementId: agreement.id })),
    // The guided agreement: how far the version being drafted has got (app/domain/agreement-task-list.ts).
    progress: may.edit ? sectionsCompleted(await draftSectionsOf(db, { version, today: clock.today() })) : null,
    can: { ...may, sign: may.sign.length > 0, paper: may.paper.length > 0 },
  };
}

export default function AgreementPage() {
  const d = useLoaderData<typeof loader>();
  const { agreement: a, version: v, person } = d;
  const amending = a.inForceVersion !== null && a.currentVersion !== a.inForceVersion;
  return (
    <>
      <DoneBanner />
      <PageHeading title={a.reference} caption={`Delegation agreement for ${person.name}`} back={{ to: "/agreements", label: "All agreements" }} />
      <p className="dc-actions">
        <AgreementTag status={d.status} startDate={a.startDate} />
        <span>{versionLine(a.state, v)}</span>
      </p>

      <StateNotices status={d.status} agreement={a} versionState={v.state} />

      <p>
        <a href={`/agreements/${a.id}/pdf${amending && a.inForceVersion ? `?version=${a.inForceVersion}` : ""}`}>
          Print this agreement (PDF, version {amending && a.inForceVersion ? a.inForceVersion : v.version})
        </a>
      </p>
      {amending && a.state !== "ended" ? (
        <p>
          <a href={`/agreements/${a.id}/pdf?version=${v.version}`}>Print version {v.version} for discussion (PDF, not signed)</a>
        </p>
      ) : null}
      {d.progress ? (
        <InsetText>
          <h2 className="nhsuk-heading-s">
            Version {v.version} is a draft: {d.progress.done} of {d.progress.of} sections completed
          </h2>
          <p>Complete each section, then check the agreement and send it for signatures.</p>
          <Link to={`/agreements/${a.id}/draft`} className="nhsuk-button nhsuk-u-margin-bottom-0">
            Continue {v.version > 1 ? `version ${v.version}` : "this agreement"}
          </Link>
        </InsetText>
      ) : null}
      <div className="dc-actions">
        {d.can.sign ? <Link to={`/agreements/${a.id}/sign`} className="nhsuk-button">Sign this agreement</Link> : null}
        {d.can.paper ? <Link to={`/agreements/${a.id}/paper`} className="nhsuk-button nhsuk-button--secondary">Record a signature made on paper</Link> : null}
        {d.can.review ? <Link to={`/agreements/${a.id}/review`} className="nhsuk-button nhsuk-button--secondary">Record a review</Link> : null}
        {d.can.amend ? <Link to={`/agreements/${a.id}/amend`} className="nhsuk-button nhsuk-button--secondary">Amend</Link> : null}
        {d.can.reinstate ? <Link to={`/agreements/${a.id}/reinstate`} className="nhsuk-button nhsuk-button--secondary">Reinstate</Link> : null}
        {d.can.suspend ? <Link to={`/agreements/${a.id}/suspend`} className="nhsuk-button nhsuk-button--secondary">Suspend</Link> : null}
        {d.can.end ? <Link to={`/agreements/${a.id}/end`} className="nhsuk-button nhsuk-button--secondary">End agreement</Link> : null}
        {d.can.delete ? <Link to={`/agreements/${a.id}/delete`} className="nhsuk-button nhsuk-button--secondary">Delete draft</Link> : null}
      </div>

      {v.state === "awaiting_signatures" && d.blockers.length ? (
        <>
          <h2>Still needed before it is active</h2>
          <ul className="nhsuk-list nhsuk-list--bullet" id="blockers">
            {d.blockers.map((b) => <li key={b}>{b}</li>)}
          </ul>
        </>
      ) : null}

      {a.inForceVersion && a.state !== "ended" ? (
        d.status === "not_yet_in_force" ? (
          <>
            <h2>Who may carry out each task</h2>
            <InsetText>
              <p>
                This agreement comes into force on {formatDate(a.startDate)}. Nobody may carry out its tasks before then.
              </p>
            </InsetText>
            <CoverList cover={d.inForceCover} live={false} />
          </>
        ) : (
          <>
            <h2>Who may carry out each task today</h2>
            <CoverList cover={d.inForceCover} live={a.state === "active"} />
          </>
        )
      ) : null}

      <ConcernsSection concerns={d.concerns} reportHref={d.reportConcern} show="agreement" />

      <h2>Person receiving care</h2>
      <Summary
        rows={[
          ["Name", d.can.seePeople ? <Link key="p" to={`/people/${person.id}`}>{person.name}</Link> : person.name],
          ["NHS number", <span key="n" className="dc-nowrap">{formatNhsNumber(person.nhsNumber)}</span>],
          ["Date of birth", formatDate(person.dateOfBirth)],
          ["Mental capacity", person.capacityNotes],
          [
            "Consent",
            d.consent ? (
              <span key="c">
                {CONSENT_KIND_LABELS[d.consent.consent.kind]}
                {d.consent.consent.kind === "representative"
                  ? `: ${d.consent.consent.representativeName} (${REPRESENTATIVE_AUTHORITY_LABELS[d.consent.consent.authority ?? "lpa_health_welfare"]})`
                  : ""}
                , {formatDate(d.consent.consent.givenOn)}, recorded by {d.consent.recordedByName}
                {d.consent.consent.decisionDetails ? <><br />{d.consent.consent.decisionDetails}</> : null}
              </span>
            ) : (
              "Not recorded"
            ),
          ],
        ]}
      />
      {d.can.consent ? (
        <p>
          <Link to={`/agreements/${a.id}/consent`}>{d.consent ? "Record consent again" : "Record consent"}</Link>
        </p>
      ) : null}

      <h2>Parties and contacts</h2>
      <Summary
        rows={[
          ["NHS team", `${d.teamName}${d.teamPhone ? `, ${d.teamPhone}` : ""}`],
          ["Delegating nurse", `${d.delegatorName}${d.delegatorPin ? ` (NMC PIN ${d.delegatorPin})` : ""}`],
          ["Care provider", `${d.providerName}${d.providerPhone ? `, ${d.providerPhone}` : ""}`],
          ["Escalation in hours", d.teamEscalationInHours],
          ["Escalation out of hours", d.teamEscalationOutOfHours],
        ]}
      />

      <h2>Tasks</h2>
      {d.can.edit ? (
        <p>
          <Link to={`/agreements/${a.id}/tasks`}>Change the tasks</Link>
        </p>
      ) : null}
      {d.tasks.map(({ task, specifics }) => (
        <div key={task.id}>
          <h3>{task.name}</h3>
          <TaskSpecificsSummary specifics={specifics} scope={task} />
          {d.can.edit ? (
            <p>
              <Link to={`/agreements/${a.id}/tasks/${task.id}`}>
                Change the care-plan details<span className="nhsuk-u-visually-hidden"> for {task.name}</span>
              </Link>
            </p>
          ) : null}
        </div>
      ))}

      <h2>Named care workers</h2>
      {d.can.edit ? (
        <p>
          <Link to={`/agreements/${a.id}/workers`}>{d.namedWorkers.length ? "Change the named care workers" : "Name the care workers"}</Link>
        </p>
      ) : null}
      {!d.namedWorkers.length ? (
        <p>No care workers named yet.</p>
      ) : a.inForceVersion === v.version && a.state !== "ended" ? (
        <p>{d.namedWorkers.map((w) => w.name).join(", ")}. What each may carry out today is shown above.</p>
      ) : (
        <CoverList cover={d.cover} live={false} />
      )}

      <h2>Dates and supervision</h2>
      <Summary
        rows={[
          ["Start date", formatDate(v.startDate)],
          ["Review date", formatDate(a.inForceVersion && !amending ? a.reviewDate : v.reviewDate)],
          ["Supervision and support", v.supervisionArrangements],
          ["Triggers for an earlier review", v.earlyReviewTriggers],
        ]}
      />
      {d.can.edit ? (
        <p>
          <Link to={`/agreements/${a.id}/details`}>Change dates and supervision</Link>
        </p>
      ) : null}

      <Signatures version={v} parties={d.parties} />


      <AgreementHistory agreementId={a.id} reviews={d.reviews} versions={d.versions} timeline={d.timeline} />
    </>
  );
}
