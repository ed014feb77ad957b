import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button, Select, Table, TextInput } from "nhsuk-react-components";
import { z } from "zod";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Pager } from "~/components/nhs/Pager";
import { pageTitle } from "~/content/titles";
import { formatDateTime } from "~/domain/dates";
import { listAuditEntityTypes, listAuditEvents } from "~/models/audit.server";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Audit trail", matches);

const FilterSchema = z.object({
  entityType: z.string().trim().max(50).optional().catch(undefined),
  entityId: z.string().trim().max(50).optional().catch(undefined),
  action: z.string().trim().max(80).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "read", "audit");
  const filters = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return {
    ...listAuditEvents(context.db, {
      entityType: filters.entityType || undefined,
      entityId: filters.entityId || undefined,
      action: filters.action || undefined,
      page: filters.page,
    }),
    entityTypes: listAuditEntityTypes(context.db),
    filters,
  };
}

export default function Audit() {
  const { events, total, page, pages, entityTypes, filters } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading title="Audit trail">
        <p>Every change, who made it and when. Each event is chained to the one before by a hash, so a change to the record would show.</p>
      </PageHeading>
      <Form method="get" className="dc-filter" aria-label="Filter the audit trail">
        <div className="dc-filter-row">
          <Select id="entityType" name="entityType" label="Record type" defaultValue={filters.entityType ?? ""}>
            <Select.Option value="">All</Select.Option>
            {entityTypes.map((t) => <Select.Option key={t} value={t}>{t}</Select.Option>)}
          </Select>
          <TextInput id="entityId" name="entityId" label="Record ID" defaultValue={filters.entityId ?? ""} width={5} />
          <TextInput id="action" name="action" label="Action starts with" defaultValue={filters.action ?? ""} width={10} />
          <div className="nhsuk-form-group">
            <Button type="submit" secondary>Filter</Button>
          </div>
        </div>
      </Form>
      <Table caption={`${total} event${total === 1 ? "" : "s"}, page ${page} of ${pages}`} responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>When</Table.Cell>
            <Table.Cell>Who</Table.Cell>
            <Table.Cell>Action</Table.Cell>
            <Table.Cell>Record</Table.Cell>
            <Table.Cell>Details</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {events.map((e) => (
            <Table.Row key={e.id}>
              <Table.Cell className="dc-nowrap">{formatDateTime(e.at)}</Table.Cell>
              <Table.Cell>{e.actorName ?? "System"}</Table.Cell>
              <Table.Cell>{e.action}</Table.Cell>
              <Table.Cell>
                {e.entityType} {e.entityId}
              </Table.Cell>
              <Table.Cell>
                <code>{e.details}</code>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Pager page={page} pages={pages} label="Pages of the audit trail" />
    </>
  );
}
