import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, Checkboxes, Select, Table } from "nhsuk-react-components";
import { z } from "zod";
import { AgreementTag } from "~/components/agreement/AgreementTag";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { AGREEMENT_STATUS_LABELS, type AgreementStatus } from "~/domain/agreement";
import { addDays, formatDate } from "~/domain/dates";
import { can } from "~/domain/roles";
import { listAgreements } from "~/models/agreements.server";
import { listProviderChoices } from "~/models/organisations.server";
import { getSettings } from "~/models/settings.server";
import { listTasks } from "~/models/tasks.server";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Delegation agreements", matches);

const STATUSES = Object.keys(AGREEMENT_STATUS_LABELS) as [AgreementStatus, ...AgreementStatus[]];

const FilterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  provider: z.coerce.number().int().positive().optional().catch(undefined),
  task: z.coerce.number().int().positive().optional().catch(undefined),
  reviewDue: z.literal("yes").optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "agreement");
  const filters = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const settings = getSettings(context.db);
  const today = context.clock.today();
  const agreements = listAgreements(context.db, {
    actor,
    filters: {
      status: filters.status,
      providerId: filters.provider,
      taskId: filters.task,
      reviewDueBy: filters.reviewDue ? addDays(today, settings.reviewDueDays) : undefined,
    },
    today,
    at: context.clock.now(),
    reviewDueDays: settings.reviewDueDays,
    warningDays: settings.competencyWarningDays,
  });
  return {
    agreements,
    filters,
    providers: actor.role === "care_worker" ? [] : listProviderChoices(context.db, { actor }),
    tasks: listTasks(context.db).map((t) => ({ id: t.id, name: t.name })),
    canCreate: can(actor.role, "manage", "agreement"),
    canBatchPrint: actor.role === "provider_manager",
    reviewDueDays: settings.reviewDueDays,
  };
}

export default function Agreements() {
  const { agreements, filters, providers, tasks, canCreate, canBatchPrint, reviewDueDays } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner />
      <PageHeading title="Delegation agreements" />
      {canCreate ? (
        <p>
          <Link to="/agreements/new" className="nhsuk-button">Start a new agreement</Link>
        </p>
      ) : null}
      {canBatchPrint ? (
        <p>
          <a href="/agreements/print-all" download>
            Download every active agreement for printing (zip of PDFs)
          </a>
        </p>
      ) : null}
      <Form method="get" className="dc-filter" aria-label="Filter agreements">
        <div className="dc-filter-row">
          <Select id="status" name="status" label="Status" defaultValue={filters.status ?? ""}>
            <Select.Option value="">Any status</Select.Option>
            {STATUSES.map((s) => <Select.Option key={s} value={s}>{AGREEMENT_STATUS_LABELS[s]}</Select.Option>)}
          </Select>
          {providers.length > 1 ? (
            <Select id="provider" name="provider" label="Provider" defaultValue={filters.provider ? String(filters.provider) : ""}>
              <Select.Option value="">All providers</Select.Option>
              {providers.map((p) => <Select.Option key={p.id} value={String(p.id)}>{p.name}</Select.Option>)}
            </Select>
          ) : null}
          <Select id="task" name="task" label="Task" defaultValue={filters.task ? String(filters.task) : ""}>
            <Select.Option value="">All tasks</Select.Option>
            {tasks.map((t) => <Select.Option key={t.id} value={String(t.id)}>{t.name}</Select.Option>)}
          </Select>
          <Checkboxes id="reviewDue-options" name="reviewDue">
            <Checkboxes.Item id="reviewDue" value="yes" defaultChecked={filters.reviewDue === "yes"}>
              Review due in {reviewDueDays} days or overdue
            </Checkboxes.Item>
          </Checkboxes>
          <div className="nhsuk-form-group">
            <Button type="submit" secondary>Filter</Button>
          </div>
        </div>
      </Form>
      {agreements.length ? (
        <Table caption={`${agreements.length} agreement${agreements.length === 1 ? "" : "s"}, soonest review first`} responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Reference</Table.Cell>
              <Table.Cell>Person</Table.Cell>
              <Table.Cell>Provider</Table.Cell>
              <Table.Cell>Status</Table.Cell>
              <Table.Cell>Review date</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {agreements.map((a) => (
              <Table.Row key={a.id}>
                <Table.Cell className="dc-nowrap">
                  <Link to={`/agreements/${a.id}`}>{a.reference}</Link>
                </Table.Cell>
                <Table.Cell>{a.personName}</Table.Cell>
                <Table.Cell>{a.providerName}</Table.Cell>
                <Table.Cell>
                  <AgreementTag status={a.status} startDate={a.startDate} />
                </Table.Cell>
                <Table.Cell className="dc-nowrap">{formatDate(a.reviewDate)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <p>No agreements match.</p>
      )}
    </>
  );
}
