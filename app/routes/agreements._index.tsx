import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Checkboxes, Select, Table, TextInput } from "nhsuk-react-components";
import { AgreementTag } from "~/components/agreement/AgreementTag";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { SearchOutcome } from "~/components/SearchOutcome";
import { foundLine, NOTHING_FOUND } from "~/content/search";
import { pageTitle } from "~/content/titles";
import { AGREEMENT_STATUS_LABELS, LIST_ORDER_WORDS, type AgreementStatus } from "~/domain/agreement";
import { mayManageAgreements, mayPrintAll } from "~/domain/agreement-actions";
import { addDays, formatDate } from "~/domain/dates";
import type { Actor } from "~/domain/actor";
import { can } from "~/domain/roles";
import { readSearch } from "~/domain/search";
import { listAgreementsPage } from "~/models/agreements.server";
import { Pager } from "~/components/nhs/Pager";
import { listProviderChoices } from "~/models/organisations.server";
import { getSettings } from "~/models/settings.server";
import { listTasks } from "~/models/tasks.server";
import type { AppContext } from "~/web/context.server";
import { formValues } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";
import { BATCH_ORDER } from "~/content/agreements";
import { AgreementFilterSchema } from "~/forms/agreements.server";
import { SearchSchema } from "~/forms/search.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Delegation agreements", matches);

/** Agreements on a page of the list. */
const PAGE_SIZE = 50;

const STATUSES = Object.keys(AGREEMENT_STATUS_LABELS) as [AgreementStatus, ...AgreementStatus[]];

async function agreementsFor(context: AppContext, actor: Actor, request: Request, q: string | undefined) {
  const filters = AgreementFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const search = readSearch(q);
  const settings = await getSettings(context.db);
  const today = context.clock.today();
  // A search (posted) shows its first page; the filters (in the address) page with `?page=`.
  const requested = q === undefined ? Number(new URL(request.url).searchParams.get("page")) || 1 : 1;
  const { rows: agreements, total, page, pages } = await listAgreementsPage(context.db, {
    actor,
    filters: {
      status: filters.status,
      providerId: filters.provider,
      taskId: filters.task,
      reviewDueBy: filters.reviewDue ? addDays(today, settings.reviewDueDays) : undefined,
      search,
    },
    today,
    at: context.clock.now(),
    reviewDueDays: settings.reviewDueDays,
    warningDays: settings.competencyWarningDays,
    page: requested,
    size: PAGE_SIZE,
  });
  const filtered = !!(filters.status || filters.provider || filters.task || filters.reviewDue);
  return {
    agreements,
    total,
    page,
    pages,
    filters,
    q: q?.trim() ?? "",
    outcome:
      search.kind === "none"
        ? null
        : {
            // Said as typed: ten digits may have been an NHS number or part of a reference.
            found: `${foundLine(total, ["agreement", "agreements"], { kind: "text", text: search.text })}${filtered ? ", with the filters below" : ""}${pages > 1 ? `. The first ${PAGE_SIZE} are shown: add to your search to narrow it` : ""}`,
            tryNext: total ? null : NOTHING_FOUND.agreements(search),
          },
    providers: can(actor.role, "read", "organisation") ? await listProviderChoices(context.db, { actor }) : [],
    tasks: (await listTasks(context.db)).map((t) => ({ id: t.id, name: t.name })),
    canCreate: mayManageAgreements(actor.role),
    canBatchPrint: mayPrintAll(actor.role),
    reviewDueDays: settings.reviewDueDays,
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "agreement");
  return await agreementsFor(context, actor, request, undefined);
}

/**
 * Searching by the person's name (personal data) or a reference posts the words, so they never
 * land in the address bar, history or logs; the filters, which name nobody, stay in the address.
 * Reading only: nothing is written.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "agreement");
  const { q } = SearchSchema.parse(formValues(await request.formData()));
  return await agreementsFor(context, actor, request, q);
}

export default function Agreements() {
  const everything = useLoaderData<typeof loader>();
  const searched = useActionData<typeof action>();
  const { agreements, total, page, pages, filters, q, outcome, providers, tasks, canCreate, canBatchPrint, reviewDueDays } = searched ?? everything;
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
        <>
          <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">Print every active agreement</h2>
          <p className="nhsuk-u-margin-bottom-2">
            Every agreement in force, due or overdue for review, or signed and about to start, {BATCH_ORDER}. Each starts on a new page with its own page numbers and its status on the day it is printed.
          </p>
          <ul className="nhsuk-list">
            <li>
              <a href="/agreements/print-all.pdf" download>
                Download every active agreement as one PDF, to print in one go
              </a>
            </li>
            <li>
              <a href="/agreements/print-all" download>
                Download every active agreement for printing (zip of PDFs, one file each)
              </a>
            </li>
          </ul>
        </>
      ) : null}
      <Form method="post" className="dc-filter" aria-label="Find an agreement">
        <div className="dc-filter-row">
          <TextInput
            id="q"
            name="q"
            label="Reference, person's name or NHS number"
            hint="For example, DA-2026-000001, 000001 or Edith Clarke"
            defaultValue={q}
            width={20}
            autoComplete="off"
            spellCheck={false}
          />
          <div className="nhsuk-form-group">
            <Button type="submit" secondary>Search</Button>
          </div>
        </div>
      </Form>
      <SearchOutcome outcome={outcome} clearTo="/agreements" clearLabel="Show every agreement" />
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
        </div>
        {/* The NHS filter pattern: the choices, then the button at the bottom of the panel (full width on a phone). */}
        <Checkboxes id="reviewDue-options" name="reviewDue">
          <Checkboxes.Item id="reviewDue" value="yes" defaultChecked={filters.reviewDue === "yes"}>
            Review due in {reviewDueDays} days or overdue
          </Checkboxes.Item>
        </Checkboxes>
        <Button type="submit" secondary>
          Filter
        </Button>
      </Form>
      {agreements.length ? (
        <Table caption={`${outcome ? outcome.found : `${total} agreement${total === 1 ? "" : "s"}`}, ${LIST_ORDER_WORDS}${pages > 1 && !outcome ? ` (page ${page} of ${pages})` : ""}`} responsive>
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
      ) : outcome ? null : (
        <p>No agreements match these filters. Choose “Any status” and “All tasks” to see every agreement.</p>
      )}
      {outcome ? null : <Pager page={page} pages={pages} label="Pages of agreements" />}
    </>
  );
}
