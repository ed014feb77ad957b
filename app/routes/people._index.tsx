import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, Table, TextInput } from "nhsuk-react-components";
import { z } from "zod";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { CARE_SETTING_LABELS } from "~/content/labels";
import { pageTitle } from "~/content/titles";
import { formatDate } from "~/domain/dates";
import { maskNhsNumber } from "~/domain/nhs-number";
import { can } from "~/domain/roles";
import { listPeople } from "~/models/people.server";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("People receiving care", matches);

const FilterSchema = z.object({ q: z.string().trim().max(100).optional().catch(undefined) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "person");
  const { q } = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // NHS numbers leave the server masked in lists: only the last four digits.
  const people = listPeople(context.db, { actor, q: q || undefined }).map(({ nhsNumber, ...p }) => ({ ...p, nhsNumberMasked: maskNhsNumber(nhsNumber) }));
  return { people, q: q ?? "", canAdd: can(actor.role, "manage", "person") };
}

export default function People() {
  const { people, q, canAdd } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner />
      <PageHeading title="People receiving care" />
      {canAdd ? (
        <p>
          <Link to="/people/new" className="nhsuk-button">Add a person</Link>
        </p>
      ) : null}
      <Form method="get" className="dc-filter" aria-label="Find a person">
        <div className="dc-filter-row">
          <TextInput id="q" name="q" label="Name" defaultValue={q} width={20} />
          <div className="nhsuk-form-group">
            <Button type="submit" secondary>Search</Button>
          </div>
        </div>
      </Form>
      {people.length ? (
        <Table caption={`${people.length} ${people.length === 1 ? "person" : "people"}`} responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Name</Table.Cell>
              <Table.Cell>NHS number</Table.Cell>
              <Table.Cell>Date of birth</Table.Cell>
              <Table.Cell>Setting</Table.Cell>
              <Table.Cell>Provider</Table.Cell>
              <Table.Cell>NHS team</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {people.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>
                  <Link to={`/people/${p.id}`}>{p.name}</Link>
                </Table.Cell>
                <Table.Cell className="dc-nowrap">{p.nhsNumberMasked}</Table.Cell>
                <Table.Cell className="dc-nowrap">{formatDate(p.dateOfBirth)}</Table.Cell>
                <Table.Cell>{CARE_SETTING_LABELS[p.setting]}</Table.Cell>
                <Table.Cell>{p.providerName}</Table.Cell>
                <Table.Cell>{p.teamName}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <p>No people match.</p>
      )}
    </>
  );
}
