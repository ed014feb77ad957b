import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { ActiveTag } from "~/components/nhs/StatusTag";
import { Summary } from "~/components/nhs/Summary";
import { ORGANISATION_KIND_LABELS, REGULATED_ACTIVITY_LABELS } from "~/content/labels";
import { RecordHistory } from "~/components/RecordHistory";
import { addressValue } from "~/components/Address";
import { pageTitle } from "~/content/titles";
import { listRecordHistory } from "~/models/audit.server";
import { formatDate } from "~/domain/dates";
import { can } from "~/domain/roles";
import { getOrganisation, listLinkedOrganisations, setOrganisationActive } from "~/models/organisations.server";
import { found, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";
import { ActiveSchema } from "~/forms/organisation.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.organisation.name ?? "Organisation", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "organisation");
  const organisation = found(await getOrganisation(context.db, { actor, id: requireId(params.id) }));
  return {
    history: await listRecordHistory(context.db, { entityType: "organisation", entityId: organisation.id }),
    organisation,
    linked: await listLinkedOrganisations(context.db, { actor, organisation }),
    canManage: can(actor.role, "manage", "organisation"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "organisation");
  const id = requireId(params.id);
  const parsed = ActiveSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const active = parsed.data.active === "yes";
  found(await setOrganisationActive(context.db, { actor, id, active, at: context.clock.now() }));
  return redirect(`/organisations/${id}?done=${active ? "reactivated" : "deactivated"}`);
}

export default function OrganisationPage() {
  const { organisation: o, linked, canManage, history } = useLoaderData<typeof loader>();
  const provider = o.kind === "provider";
  return (
    <>
      <DoneBanner subject={o.name} />
      <PageHeading title={o.name} caption={ORGANISATION_KIND_LABELS[o.kind]} back={{ to: "/organisations", label: "All organisations" }} />
      <Summary
        rows={[
          ["Status", <ActiveTag key="s" active={o.active} />],
          [provider ? "CQC location ID" : "ODS code", provider ? o.cqcLocationId : o.odsCode],
          ["Address", addressValue(o.address, o.postcode)],
          ["Phone", o.phone],
          ["Email", o.email],
          ["Escalation in hours", o.escalationInHours],
          ["Escalation out of hours", o.escalationOutOfHours],
          ...(provider
            ? ([
                ["CQC regulated activities", o.regulatedActivities.length ? (
                  <ul className="nhsuk-list" key="ra">
                    {o.regulatedActivities.map((a) => <li key={a}>{REGULATED_ACTIVITY_LABELS[a]}</li>)}
                  </ul>
                ) : "None recorded"],
                ["Insurance for delegated tasks", o.insuranceConfirmed ? `Confirmed by ${o.insurer} on ${formatDate(o.insuranceConfirmedOn)}` : "Not confirmed"],
              ] as [string, React.ReactNode][])
            : []),
        ]}
      />
      <h2>{provider ? "NHS teams working with this provider" : "Care providers this team works with"}</h2>
      {linked.length ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {linked.map((l) => (
            <li key={l.id}>
              <Link to={`/organisations/${l.id}`}>{l.name}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>None yet.</p>
      )}
      {canManage ? (
        <div className="dc-actions">
          <Link to={`/organisations/${o.id}/edit`} className="nhsuk-button">Change details</Link>
          <Form method="post">
            <input type="hidden" name="active" value={o.active ? "no" : "yes"} />
            <Button type="submit" secondary>{o.active ? "Deactivate organisation" : "Reactivate organisation"}</Button>
          </Form>
        </div>
      ) : null}
      <RecordHistory events={history} />
    </>
  );
}
