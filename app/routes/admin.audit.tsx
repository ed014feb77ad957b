import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, Table } from "nhsuk-react-components";
import { Fragment } from "react";
import { DateField, SelectField, TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Pager } from "~/components/nhs/Pager";
import { AUDIT_RECORD_TYPES, type AuditRef, type Phrase } from "~/content/audit-actions";
import { AUTOMATIC_ACTOR } from "~/content/audit-events";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { pageTitle } from "~/content/titles";
import { formatDateTime } from "~/domain/dates";
import { auditRecordRef, findAgreementIdByReference, listAuditActors, listAuditEvents } from "~/models/audit.server";
import { auditFilters } from "~/web/audit-filters.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Audit trail", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "read", "audit");
  const url = new URL(request.url);
  const form = auditFilters(url, context.clock.today());
  const errors = [...form.errors];
  const query = { ...form.query };
  if (form.reference) {
    const id = await findAgreementIdByReference(context.db, form.reference);
    if (id === null) errors.push({ field: "reference", message: "No agreement has that reference: check it and try again, for example DA-2026-000003", href: "#reference" });
    else Object.assign(query, { type: "agreement", recordId: String(id) });
  }
  const page = {
    actors: await listAuditActors(context.db),
    values: form.values,
    errors,
    onlyRecord: query.type && query.recordId ? (await auditRecordRef(context.db, query.type, query.recordId) ?? null) : null,
    csvHref: `/admin/audit.csv${url.search}`,
  };
  // The title reads these errors (pageTitle): the root loader runs beside this one and cannot be told.
  if (errors.length) {
    return data({ ...page, events: [], total: 0, page: 1, pages: 1 }, { status: 400 });
  }
  return { ...page, ...await listAuditEvents(context.db, { ...query, page: form.page }) };
}

/** Words and linked records: a description, a record or a detail. */
function Words({ phrase }: { phrase: Phrase }) {
  return (
    <>
      {phrase.map((p, i) => (
        <Fragment key={i}>{typeof p === "string" ? breakable(p) : <RecordLink record={p} />}</Fragment>
      ))}
    </>
  );
}

/** Long unbroken text (a content fingerprint) may wrap at 375 px: a break opportunity every 16 characters, the text unchanged. */
function breakable(text: string) {
  return text.split(/(\S{24,})/).map((part, i) =>
    i % 2 ? (
      <Fragment key={i}>
        {part.match(/.{1,16}/g)!.map((chunk, j) => (
          <Fragment key={j}>
            {j ? <wbr /> : null}
            {chunk}
          </Fragment>
        ))}
      </Fragment>
    ) : (
      part
    ),
  );
}

function RecordLink({ record }: { record: AuditRef }) {
  return record.href ? <Link to={record.href}>{record.label}</Link> : <>{record.label}</>;
}

/** The address of the trail narrowed to one record (every other filter dropped). */
function onlyThis(record: AuditRef) {
  return `/admin/audit?${new URLSearchParams({ type: record.type, record: record.id })}`;
}

export default function Audit() {
  const d = useLoaderData<typeof loader>();
  const { values, errors } = d;
  return (
    <>
      <PageHeading errors={errors} title="Audit trail">
        <p>Every change, who made it and when. Each event is chained to the one before it, so a change to the trail itself would show.</p>
      </PageHeading>
      <Form method="get" className="dc-filter" aria-label="Filter the audit trail">
        <h2 className="nhsuk-heading-s">Filter the audit trail</h2>
        <SelectField
          name="who"
          label="Who did it"
          values={values}
          placeholder="Anyone"
          options={[{ value: "automatic", label: AUTOMATIC_ACTOR }, ...d.actors]}
        />
        <SelectField
          name="type"
          label="Type of record"
          values={values}
          placeholder="Any record"
          options={Object.entries(AUDIT_RECORD_TYPES).map(([value, label]) => ({ value, label }))}
        />
        <TextField name="reference" label="Agreement reference (optional)" hint="For example, DA-2026-000003" values={values} errors={errors} width={20} spellCheck={false} />
        {d.onlyRecord ? (
          <p>
            <input type="hidden" name="record" value={d.onlyRecord.id} />
            Showing only <RecordLink record={d.onlyRecord} />.{" "}
            <Link to={`/admin/audit?${new URLSearchParams({ type: d.onlyRecord.type })}`}>Show every {AUDIT_RECORD_TYPES[d.onlyRecord.type].toLowerCase()} record</Link>
          </p>
        ) : null}
        <DateField name="from" label="From date" within={DATE_WINDOWS.pastRecord} values={values} errors={errors} />
        <DateField name="to" label="To date" hint="Events on this day are included" within={DATE_WINDOWS.pastRecord} values={values} errors={errors} />
        <div className="dc-filter-row">
          <div className="nhsuk-form-group">
            <Button type="submit" secondary>
              Filter
            </Button>
          </div>
          <p className="nhsuk-form-group">
            <Link to="/admin/audit">Clear the filters</Link>
          </p>
        </div>
      </Form>

      {errors.length ? null : (
        <>
          <p>
            <a href={d.csvHref} download>
              Download these {d.total} event{d.total === 1 ? "" : "s"} as a spreadsheet (CSV)
            </a>
          </p>
          {d.events.length ? (
            <Table caption={`${d.total} event${d.total === 1 ? "" : "s"}, newest first: page ${d.page} of ${d.pages}`} responsive>
              <Table.Head>
                <Table.Row>
                  <Table.Cell>When</Table.Cell>
                  <Table.Cell>Who</Table.Cell>
                  <Table.Cell>What happened</Table.Cell>
                  <Table.Cell>Record</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {d.events.map((e) => (
                  <Table.Row key={e.id}>
                    <Table.Cell>{formatDateTime(e.at)}</Table.Cell>
                    <Table.Cell>
                      {e.who.href ? <Link to={e.who.href}>{e.who.name}</Link> : e.who.name}
                      {e.who.role ? <span className="nhsuk-body-s dc-muted">{` (${[e.who.role.toLowerCase(), e.who.organisation].filter(Boolean).join(", ")})`}</span> : null}
                    </Table.Cell>
                    <Table.Cell>
                      <Words phrase={e.description} />
                      {e.details.length ? (
                        <details className="nhsuk-details nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                          <summary className="nhsuk-details__summary">
                            <span className="nhsuk-details__summary-text">Details</span>
                          </summary>
                          <div className="nhsuk-details__text">
                            <ul className="nhsuk-list nhsuk-body-s">
                              {e.details.map((line, i) => (
                                <li key={i}>
                                  {line.label}: <Words phrase={line.value} />
                                </li>
                              ))}
                            </ul>
                          </div>
                        </details>
                      ) : null}
                    </Table.Cell>
                    <Table.Cell>
                      {e.record ? (
                        <>
                          {e.recordType}: <RecordLink record={e.record} />
                          {e.record.href ? (
                            <>
                              <br />
                              <Link to={onlyThis(e.record)} className="nhsuk-body-s">
                                Only this record<span className="nhsuk-u-visually-hidden">: {e.record.label}</span>
                              </Link>
                            </>
                          ) : null}
                        </>
                      ) : (
                        e.recordType
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          ) : (
            <p>No events match these filters.</p>
          )}
          <Pager page={d.page} pages={d.pages} label="Pages of the audit trail" />
        </>
      )}
    </>
  );
}
