import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { ActiveTag } from "~/components/nhs/StatusTag";
import { ORGANISATION_KIND_LABELS } from "~/content/labels";
import { pageTitle } from "~/content/titles";
import { can } from "~/domain/roles";
import { listOrganisations } from "~/models/organisations.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Organisations", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "organisation");
  return {
    organisations: await listOrganisations(context.db, { actor }),
    canManage: can(actor.role, "manage", "organisation"),
  };
}

export default function Organisations() {
  const { organisations, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner />
      <PageHeading title="Organisations" />
      {canManage ? (
        <p className="dc-actions">
          <Link to="/organisations/new?kind=nhs_team" className="nhsuk-button nhsuk-button--secondary">Add an NHS team</Link>
          <Link to="/organisations/new?kind=provider" className="nhsuk-button nhsuk-button--secondary">Add a care provider</Link>
        </p>
      ) : null}
      <Table caption="NHS teams and care providers" responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Name</Table.Cell>
            <Table.Cell>Kind</Table.Cell>
            <Table.Cell>ODS code or CQC location ID</Table.Cell>
            <Table.Cell>Status</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {organisations.map((o) => (
            <Table.Row key={o.id}>
              <Table.Cell>
                <Link to={`/organisations/${o.id}`}>{o.name}</Link>
              </Table.Cell>
              <Table.Cell>{ORGANISATION_KIND_LABELS[o.kind]}</Table.Cell>
              <Table.Cell>{o.odsCode ?? o.cqcLocationId}</Table.Cell>
              <Table.Cell>
                <ActiveTag active={o.active} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
