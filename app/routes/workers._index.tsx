import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, Select, Table, TextInput } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { StatusTag } from "~/components/nhs/StatusTag";
import { SameNameWarning } from "~/components/SameNameWarning";
import { WORKER_STATUS_LABELS } from "~/content/labels";
import { pageTitle } from "~/content/titles";
import { can } from "~/domain/roles";
import { sameNameWarnings, workerLabel } from "~/domain/worker-labels";
import { listProviderChoices } from "~/models/organisations.server";
import { listWorkers } from "~/models/workers.server";
import { requirePermission } from "~/web/session.server";
import { WorkerFilterSchema } from "~/forms/worker.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Care workers", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "worker");
  const filters = WorkerFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const providers = await listProviderChoices(context.db, { actor });
  const workers = await listWorkers(context.db, { actor, q: filters.q || undefined, providerId: filters.provider, status: filters.status });
  return {
    workers: workers.map(({ staffNumber, namesakes, ...w }) => ({ ...w, label: workerLabel({ name: w.name, staffNumber, namesakes }) })),
    sameNames: sameNameWarnings(workers),
    providers,
    filters,
    canManage: can(actor.role, "manage", "worker"),
  };
}

export default function Workers() {
  const { workers, sameNames, providers, filters, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner />
      <PageHeading title="Care workers" />
      {canManage ? (
        <p>
          <Link to="/workers/new" className="nhsuk-button">Add a care worker</Link>
        </p>
      ) : null}
      <Form method="get" className="dc-filter" aria-label="Filter care workers">
        <div className="dc-filter-row">
          <TextInput id="q" name="q" label="Name, staff number or job title" defaultValue={filters.q ?? ""} width={20} />
          {providers.length > 1 ? (
            <Select id="provider" name="provider" label="Provider" defaultValue={filters.provider ? String(filters.provider) : ""}>
              <Select.Option value="">All providers</Select.Option>
              {providers.map((p) => (
                <Select.Option key={p.id} value={String(p.id)}>{p.name}</Select.Option>
              ))}
            </Select>
          ) : null}
          <Select id="status" name="status" label="Status" defaultValue={filters.status ?? ""}>
            <Select.Option value="">Any status</Select.Option>
            <Select.Option value="active">Active</Select.Option>
            <Select.Option value="left">Left</Select.Option>
          </Select>
          <div className="nhsuk-form-group">
            <Button type="submit" secondary>Filter</Button>
          </div>
        </div>
      </Form>
      <SameNameWarning warnings={sameNames} />
      {workers.length ? (
        <Table caption={`${workers.length} care worker${workers.length === 1 ? "" : "s"}`} responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Name</Table.Cell>
              <Table.Cell>Job title</Table.Cell>
              <Table.Cell>Provider</Table.Cell>
              <Table.Cell>Status</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {workers.map((w) => (
              <Table.Row key={w.id}>
                <Table.Cell>
                  <Link to={`/workers/${w.id}`}>{w.label}</Link>
                </Table.Cell>
                <Table.Cell>{w.jobTitle}</Table.Cell>
                <Table.Cell>{w.providerName}</Table.Cell>
                <Table.Cell>
                  <StatusTag text={WORKER_STATUS_LABELS[w.status]} tone={w.status === "active" ? "green" : "grey"} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <p>No care workers match.</p>
      )}
    </>
  );
}
