import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { Button, Select } from "nhsuk-react-components";
import { AlertCounts, AlertsTable, shownAlert } from "~/components/Alerts";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Pager } from "~/components/nhs/Pager";
import { pageSlice } from "~/domain/pages";
import { pageTitle } from "~/content/titles";
import { ALERT_KIND_LABELS, ALERT_KINDS, countAlerts, SEVERITY_LABELS } from "~/domain/alerts";
import { ROLE_ORGANISATION_KIND } from "~/domain/roles";
import { listAlertsCached } from "~/models/alerts.server";
import { listTeamChoices } from "~/models/organisations.server";
import { getSettings } from "~/models/settings.server";
import { listTasks } from "~/models/tasks.server";
import { alertFilters, applyAlertFilters } from "~/web/alert-filters.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Alerts", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "alert");
  const all = await listAlertsCached(context.db, { actor, today: context.clock.today(), settings: await getSettings(context.db) });
  const filters = alertFilters(request);
  const page = Number(new URL(request.url).searchParams.get("page")) || 1;
  const shown = pageSlice(applyAlertFilters(all, filters), page, 50);
  return {
    alerts: shown.items.map(shownAlert),
    page: shown.page,
    pages: shown.pages,
    total: shown.total,
    counts: countAlerts(all),
    filters,
    providers: [...new Set(all.map((a) => a.subject.providerName))].sort(),
    teams: ROLE_ORGANISATION_KIND[actor.role] === "provider" ? [] : await listTeamChoices(context.db, { actor }),
    tasks: (await listTasks(context.db)).map((t) => t.name),
  };
}

export default function Alerts() {
  const { alerts, page, pages, total, counts, filters, providers, teams, tasks } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <PageHeading title="Alerts">
        <p>Everything in your scope that is expiring, overdue or unsafe, most urgent first.</p>
      </PageHeading>
      <AlertCounts counts={counts} headingLevel="h2" />
      <Form method="get" className="dc-filter" aria-label="Filter alerts">
        <div className="dc-filter-row">
          <Select id="kind" name="kind" label="Kind" defaultValue={filters.kind ?? ""}>
            <Select.Option value="">All kinds</Select.Option>
            {ALERT_KINDS.map((k) => <Select.Option key={k} value={k}>{ALERT_KIND_LABELS[k]}</Select.Option>)}
          </Select>
          <Select id="severity" name="severity" label="Severity" defaultValue={filters.severity ?? ""}>
            <Select.Option value="">Any severity</Select.Option>
            {(["critical", "warning", "info"] as const).map((s) => <Select.Option key={s} value={s}>{SEVERITY_LABELS[s]}</Select.Option>)}
          </Select>
          {providers.length > 1 ? (
            <Select id="provider" name="provider" label="Provider" defaultValue={filters.provider ?? ""}>
              <Select.Option value="">All providers</Select.Option>
              {providers.map((p) => <Select.Option key={p} value={p}>{p}</Select.Option>)}
            </Select>
          ) : null}
          {teams.length > 1 ? (
            <Select id="team" name="team" label="NHS team" defaultValue={filters.team ? String(filters.team) : ""}>
              <Select.Option value="">All teams</Select.Option>
              {teams.map((t) => <Select.Option key={t.id} value={String(t.id)}>{t.name}</Select.Option>)}
            </Select>
          ) : null}
          <Select id="task" name="task" label="Task" defaultValue={filters.task ?? ""}>
            <Select.Option value="">All tasks</Select.Option>
            {tasks.map((t) => <Select.Option key={t} value={t}>{t}</Select.Option>)}
          </Select>
          <div className="nhsuk-form-group">
            <Button type="submit" secondary>Filter</Button>
          </div>
        </div>
      </Form>
      <p>
        <a href={`/alerts.csv${location.search}`} download>
          Download these alerts as a spreadsheet (CSV)
        </a>
      </p>
      <AlertsTable alerts={alerts} caption={`${total} alert${total === 1 ? "" : "s"}, most urgent first${pages > 1 ? ` (page ${page} of ${pages})` : ""}`} />
      <Pager page={page} pages={pages} label="Pages of alerts" />
    </>
  );
}
