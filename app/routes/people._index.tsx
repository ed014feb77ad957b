import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Table, TextInput } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { SearchOutcome } from "~/components/SearchOutcome";
import { CARE_SETTING_LABELS } from "~/content/labels";
import { foundLine, NOTHING_FOUND } from "~/content/search";
import { pageTitle } from "~/content/titles";
import type { Actor } from "~/domain/actor";
import { formatDate } from "~/domain/dates";
import { maskNhsNumber } from "~/domain/nhs-number";
import { can } from "~/domain/roles";
import { readSearch } from "~/domain/search";
import { listPeople } from "~/models/people.server";
import { formValues } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";
import type { AppContext } from "~/web/context.server";
import { SearchSchema } from "~/forms/search.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("People receiving care", matches);

async function peopleFor(context: AppContext, actor: Actor, q: string | undefined) {
  const search = readSearch(q);
  // NHS numbers leave the server masked in lists: only the last four digits.
  const people = (await listPeople(context.db, { actor, search })).map(({ nhsNumber, ...p }) => ({ ...p, nhsNumberMasked: maskNhsNumber(nhsNumber) }));
  return {
    people,
    q: q?.trim() ?? "",
    outcome: search.kind === "none" ? null : { found: foundLine(people.length, ["person", "people"], search), tryNext: people.length ? null : NOTHING_FOUND.people(search) },
    canAdd: can(actor.role, "manage", "person"),
  };
}

/** Everyone on the actor's caseloads. A search is a POST (the action), never ?q=: see below. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "person");
  return await peopleFor(context, actor, undefined);
}

/**
 * Searching by name or NHS number posts it, so it never lands in the address bar, browser
 * history, server or proxy logs (issue 12, finding 12). Reading only: nothing is written.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "person");
  const { q } = SearchSchema.parse(formValues(await request.formData()));
  return await peopleFor(context, actor, q);
}

export default function People() {
  const everyone = useLoaderData<typeof loader>();
  const searched = useActionData<typeof action>();
  const { people, q, canAdd, outcome } = searched ?? everyone;
  return (
    <>
      <DoneBanner />
      <PageHeading title="People receiving care" />
      {canAdd ? (
        <p>
          <Link to="/people/new" className="nhsuk-button">Add a person</Link>
        </p>
      ) : null}
      <Form method="post" className="dc-filter" aria-label="Find a person">
        <div className="dc-filter-row">
          <TextInput id="q" name="q" label="Name or NHS number" hint="For example, Edith Clarke or 943 476 5919" defaultValue={q} width={20} autoComplete="off" spellCheck={false} />
          <div className="nhsuk-form-group">
            <Button type="submit" secondary>Search</Button>
          </div>
        </div>
      </Form>
      <SearchOutcome outcome={outcome} clearTo="/people" clearLabel="Show everyone" />
      {people.length ? (
        <Table caption={outcome ? outcome.found : `${people.length} ${people.length === 1 ? "person" : "people"}`} responsive>
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
      ) : outcome ? null : (
        <p>There is nobody on your caseloads yet.</p>
      )}
    </>
  );
}
