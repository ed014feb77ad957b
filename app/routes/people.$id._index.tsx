import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { CARE_SETTING_LABELS } from "~/content/labels";
import { pageTitle } from "~/content/titles";
import { formatDate } from "~/domain/dates";
import { formatNhsNumber } from "~/domain/nhs-number";
import { can } from "~/domain/roles";
import { getPerson } from "~/models/people.server";
import { notFound, requireId } from "~/services/params.server";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.person.name ?? "Person", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "person");
  const found = getPerson(context.db, { actor, id: requireId(params.id) });
  if (!found) throw notFound();
  return { ...found, canEdit: can(actor.role, "manage", "person") };
}

export default function PersonPage() {
  const { person, providerName, teamName, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner />
      <PageHeading title={person.name} caption="Person receiving care" back={{ to: "/people", label: "All people" }} />
      <Summary
        rows={[
          ["NHS number", <span key="n" className="dc-nowrap">{formatNhsNumber(person.nhsNumber)}</span>],
          ["Date of birth", formatDate(person.dateOfBirth)],
          ["Setting", CARE_SETTING_LABELS[person.setting]],
          ["Address", person.address],
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
      <p>Agreements are not recorded in Delegated Care yet; they are being built.</p>
    </>
  );
}
