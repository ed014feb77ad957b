import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { Button, Select } from "nhsuk-react-components";
import { TrainingMatrix } from "~/components/training/TrainingMatrix";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Pager } from "~/components/nhs/Pager";
import { pageTitle } from "~/content/titles";
import { COMPETENCY_STATUS_LABELS, COMPETENCY_STATUS_ORDER } from "~/domain/competency";
import { NOT_TRAINED } from "~/domain/matrix";
import { filteredMatrix } from "~/models/matrix.server";
import { listProviderChoices } from "~/models/organisations.server";
import { getSettings } from "~/models/settings.server";
import { sameNameWarningsOf } from "~/models/worker-names.server";
import { SameNameWarning } from "~/components/SameNameWarning";
import { listTasks } from "~/models/tasks.server";
import { matrixFilters } from "~/web/matrix-filters.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Training matrix", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "worker");
  const filters = matrixFilters(request);
  const page = { number: Number(new URL(request.url).searchParams.get("page")) || 1, size: 25 };
  const m = await filteredMatrix(context.db, { actor, filters, today: context.clock.today(), warningDays: (await getSettings(context.db)).competencyWarningDays, page });
  const shown = m.shown!;
  return {
    workers: shown.items.map(({ id, name, providerName }) => ({ id, name, providerName })),
    sameNames: sameNameWarningsOf(shown.items),
    page: shown.page,
    pages: shown.pages,
    totalWorkers: shown.total,
    tasks: m.tasks,
    cells: Object.fromEntries(shown.items.flatMap((w) => m.tasks.map((t) => [`${w.id}:${t.id}`, m.cellsOf(w.id, t.id)]))),
    training: Object.fromEntries(shown.items.flatMap((w) => m.tasks.flatMap((t) => { const held = m.trainingOf(w.id, t.id); return held ? [[`${w.id}:${t.id}`, held]] : []; }))),
    providers: await listProviderChoices(context.db, { actor }),
    // In the order of the matrix's columns.
    allTasks: (await listTasks(context.db, { activeOnly: true }))
      .map((t) => ({ id: t.id, name: t.name }))
      .sort((a, b) => a.name.localeCompare(b.name, "en-GB")),
    filters,
  };
}

export default function Matrix() {
  const { workers, sameNames, page, pages, totalWorkers, tasks, cells, training, providers, allTasks, filters } = useLoaderData<typeof loader>();
  const location = useLocation();
  const chosen = new Set(filters.taskIds);
  const shown = `${totalWorkers} care worker${totalWorkers === 1 ? "" : "s"} by ${tasks.length} task${tasks.length === 1 ? "" : "s"}${pages > 1 ? `, page ${page} of ${pages}` : ""}`;
  return (
    <>
      <PageHeading title="Training matrix" back={{ to: "/training", label: "Training" }}>
        <p>Each active care worker's competency in each task, with the date it expires or changed. &quot;{NOT_TRAINED}&quot; means nothing is recorded for that task yet.</p>
      </PageHeading>
      <Form method="get" className="dc-filter" aria-label="Choose what the matrix shows">
        <div className="dc-filter-row">
          {providers.length > 1 ? (
            <Select id="provider" name="provider" label="Provider" defaultValue={filters.providerId ? String(filters.providerId) : ""}>
              <Select.Option value="">All providers</Select.Option>
              {providers.map((p) => <Select.Option key={p.id} value={String(p.id)}>{p.name}</Select.Option>)}
            </Select>
          ) : null}
          <Select id="status" name="status" label="Status" hint="Care workers with a competency in this status" defaultValue={filters.status ?? ""}>
            <Select.Option value="">Any status</Select.Option>
            {COMPETENCY_STATUS_ORDER.map((s) => <Select.Option key={s} value={s}>{COMPETENCY_STATUS_LABELS[s]}</Select.Option>)}
          </Select>
        </div>
        <div className="nhsuk-form-group">
          <fieldset className="nhsuk-fieldset" aria-describedby="task-hint">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Tasks to show</legend>
            <div className="nhsuk-hint" id="task-hint">Choose the tasks you need, or none to show every task.</div>
            <div className="nhsuk-checkboxes nhsuk-checkboxes--small dc-task-choices">
              {allTasks.map((t) => (
                <div key={t.id} className="nhsuk-checkboxes__item">
                  <input className="nhsuk-checkboxes__input" id={`task-${t.id}`} name="task" type="checkbox" value={String(t.id)} defaultChecked={chosen.has(t.id)} />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`task-${t.id}`}>{t.name}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="nhsuk-form-group">
          <Button type="submit" secondary>Filter</Button>
        </div>
      </Form>
      <SameNameWarning warnings={sameNames} />
      <p>
        <a href={`/training/matrix.csv${location.search}`} download>
          Download this matrix as a spreadsheet (CSV)
        </a>
      </p>
      {workers.length && tasks.length ? (
        <>
          <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">{shown}</h2>
          {tasks.length > 4 ? (
            <p className="nhsuk-body-s dc-matrix-scroll-hint">Scroll the table sideways to see every task: the names stay in place. Or choose the tasks to show.</p>
          ) : null}
          <TrainingMatrix workers={workers} tasks={tasks} cells={cells} training={training} caption={`Training matrix: ${shown}. Each row is a care worker, each column a task.`} />
          <Pager page={page} pages={pages} label="Pages of the training matrix" />
        </>
      ) : (
        <p>No care workers match. Choose another provider or status.</p>
      )}
    </>
  );
}
