import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { Button, Select } from "nhsuk-react-components";
import { CompetencyTag } from "~/components/CompetencyTag";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Pager, pageSlice } from "~/components/nhs/Pager";
import { pageTitle } from "~/content/titles";
import { COMPETENCY_STATUS_LABELS, COMPETENCY_STATUS_ORDER } from "~/domain/competency";
import { formatDate } from "~/domain/dates";
import { filteredMatrix } from "~/models/matrix.server";
import { listProviderChoices } from "~/models/organisations.server";
import { getSettings } from "~/models/settings.server";
import { sameNameWarningsOf } from "~/models/worker-names.server";
import { SameNameWarning } from "~/components/SameNameWarning";
import { listTasks } from "~/models/tasks.server";
import { matrixFilters } from "~/services/matrix-filters.server";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Training matrix", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "worker");
  const filters = matrixFilters(request);
  const m = filteredMatrix(context.db, { actor, filters, today: context.clock.today(), warningDays: getSettings(context.db).competencyWarningDays });
  const shown = pageSlice(m.workers, Number(new URL(request.url).searchParams.get("page")) || 1, 25);
  return {
    workers: shown.items.map(({ id, name, providerName }) => ({ id, name, providerName })),
    sameNames: sameNameWarningsOf(shown.items),
    page: shown.page,
    pages: shown.pages,
    totalWorkers: shown.total,
    tasks: m.tasks,
    cells: Object.fromEntries(shown.items.flatMap((w) => m.tasks.map((t) => [`${w.id}:${t.id}`, m.cellsOf(w.id, t.id)]))),
    providers: listProviderChoices(context.db, { actor }),
    allTasks: listTasks(context.db, { activeOnly: true }).map((t) => ({ id: t.id, name: t.name })),
    filters,
  };
}

export default function Matrix() {
  const { workers, sameNames, page, pages, totalWorkers, tasks, cells, providers, allTasks, filters } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <PageHeading title="Training matrix" back={{ to: "/training", label: "Training" }}>
        <p>Every active care worker's competency in each task, with the expiry date.</p>
      </PageHeading>
      <Form method="get" className="dc-filter" aria-label="Filter the matrix">
        <div className="dc-filter-row">
          {providers.length > 1 ? (
            <Select id="provider" name="provider" label="Provider" defaultValue={filters.providerId ? String(filters.providerId) : ""}>
              <Select.Option value="">All providers</Select.Option>
              {providers.map((p) => <Select.Option key={p.id} value={String(p.id)}>{p.name}</Select.Option>)}
            </Select>
          ) : null}
          <Select id="task" name="task" label="Task" defaultValue={filters.taskId ? String(filters.taskId) : ""}>
            <Select.Option value="">All tasks</Select.Option>
            {allTasks.map((t) => <Select.Option key={t.id} value={String(t.id)}>{t.name}</Select.Option>)}
          </Select>
          <Select id="status" name="status" label="Status" defaultValue={filters.status ?? ""}>
            <Select.Option value="">Any status</Select.Option>
            {COMPETENCY_STATUS_ORDER.map((s) => <Select.Option key={s} value={s}>{COMPETENCY_STATUS_LABELS[s]}</Select.Option>)}
          </Select>
          <div className="nhsuk-form-group">
            <Button type="submit" secondary>Filter</Button>
          </div>
        </div>
      </Form>
      <SameNameWarning warnings={sameNames} />
      <p>
        <a href={`/training/matrix.csv${location.search}`} download>
          Download this matrix as a spreadsheet (CSV)
        </a>
      </p>
      {workers.length && tasks.length ? (
        <div className="nhsuk-table-container" role="region" aria-label="Training matrix, scrolls sideways" tabIndex={0}>
          <table className="nhsuk-table dc-matrix">
            <caption className="nhsuk-table__caption">
              {totalWorkers} care worker{totalWorkers === 1 ? "" : "s"} by {tasks.length} task{tasks.length === 1 ? "" : "s"}
              {pages > 1 ? `, page ${page} of ${pages}` : ""}
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Care worker</th>
                {tasks.map((t) => (
                  <th key={t.id} scope="col" className="nhsuk-table__header">{t.name}</th>
                ))}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {workers.map((w) => (
                <tr key={w.id} className="nhsuk-table__row">
                  <th scope="row" className="nhsuk-table__header">
                    <Link to={`/workers/${w.id}`}>{w.name}</Link>
                    <div className="nhsuk-body-s nhsuk-u-margin-bottom-0 dc-muted">{w.providerName}</div>
                  </th>
                  {tasks.map((t) => (
                    <td key={t.id} className="nhsuk-table__cell">
                      {(cells[`${w.id}:${t.id}`] ?? []).map((c) => (
                        <div key={c.competencyId} className="nhsuk-u-margin-bottom-1">
                          <Link to={`/competencies/${c.competencyId}`} aria-label={`${t.name}${c.personName ? ` for ${c.personName}` : ""}: ${COMPETENCY_STATUS_LABELS[c.status]}`}>
                            <CompetencyTag status={c.status} />
                          </Link>
                          {c.expiresOn ? <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">{formatDate(c.expiresOn)}</div> : null}
                          {c.personName ? <div className="nhsuk-body-s nhsuk-u-margin-bottom-0 dc-muted">{c.personName}</div> : null}
                        </div>
                      ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {workers.length && tasks.length ? (
        <Pager page={page} pages={pages} label="Pages of the training matrix" />
      ) : (
        <p>No care workers match.</p>
      )}
    </>
  );
}
