import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { CARE_SETTING_LABELS } from "~/content/labels";
import { RecordHistory } from "~/components/RecordHistory";
import { addressValue } from "~/components/Address";
import { pageTitle } from "~/content/titles";
import { listRecordHistory } from "~/models/audit.server";
import { formatDate } from "~/domain/dates";
import { formatNhsNumber } from "~/domain/nhs-number";
import { can } from "~/domain/roles";
import { AgreementTag } from "~/components/agreement/AgreementTag";
import { listPersonAgreements } from "~/models/agreements.server";
import { getPerson } from "~/models/people.server";
import { getSettings } from "~/models/settings.server";
import { found, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";

// Never the person's name: titles go into browser history, tabs and bookmarks (issue 12, finding 12).
export const meta: MetaFunction = ({ matches }) => pageTitle("Person receiving care", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "person");
  const shown = found(await getPerson(context.db, { actor, id: requireId(params.id) }));
  const settings = await getSettings(context.db);
  return {
    history: await listRecordHistory(context.db, { entityType: "person", entityId: shown.person.id }),
    ...shown,
    canEdit: can(actor.role, "manage", "person"),
    canStart: can(actor.role, "manage", "agreement") && actor.teamIds.includes(shown.person.teamId),
    agreements: await listPersonAgreements(context.db, { actor, personId: shown.person.id, today: context.clock.today(), reviewDueDays: settings.reviewDueDays }),
  };
}

export default function PersonPage() {
  const { person, providerName, teamName, canEdit, canStart, agreements, history } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner subject={person.name} />
      <PageHeading title={person.name} caption="Person receiving care" back={{ to: "/people", label: "All people" }} />
      <Summary
        rows={[
          ["NHS number", <span key="n" className="dc-nowrap">{formatNhsNumber(person.nhsNumber)}</span>],
          ["Date of birth", formatDate(person.dateOfBirth)],
          ["Setting", CARE_SETTING_LABELS[person.setting]],
          ["Address", addressValue(person.address)],
          ["NHS team", teamName],
          ["Care provider", providerName],
          ["GP practice", person.gpPractice],
          ["Mental capacity", person.capacityNotes],
          ["Consent notes", person.consentNotes],
        ]}
      />
      {canEdit ? (
        <p>
          <Link to={`/people/${person.id}/edit`} className="nhsuk-button nhsuk-button--secondary">Change details</Link>
        </p>
      ) : null}
      <h2>Delegation agreements</h2>
      {agreements.length ? (
        <ul className="nhsuk-list">
          {agreements.map((a) => (
            <li key={a.id}>
              <Link to={`/agreements/${a.id}`}>{a.reference}</Link> <AgreementTag status={a.status} startDate={a.startDate} />{" "}
              <span className="dc-muted">review {formatDate(a.reviewDate)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>None yet.</p>
      )}
      {canStart ? (
        <p>
          <Link to={`/agreements/new?person=${person.id}`} className="nhsuk-button nhsuk-button--secondary">Start an agreement for {person.name}</Link>
        </p>
      ) : null}
      <RecordHistory events={history} />
    </>
  );
}
