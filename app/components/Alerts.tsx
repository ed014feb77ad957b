import { Link } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { alertDescription, ALERT_KIND_LABELS, SEVERITY_LABELS, type Alert, type AlertKind, type Severity } from "~/domain/alerts";
import { formatDate } from "~/domain/dates";
import { StatusTag } from "./nhs/StatusTag";

const TONES: Record<Severity, "red" | "yellow" | "blue"> = { critical: "red", warning: "yellow", info: "blue" };

export function SeverityTag({ severity }: { severity: Severity }) {
  return <StatusTag text={SEVERITY_LABELS[severity]} tone={TONES[severity]} />;
}

/** What AlertsTable shows of an alert, and all a loader need send for it. */
export type ShownAlert = Pick<Alert, "kind" | "severity" | "dueOn" | "title" | "detail" | "href"> & { subject: Pick<Alert["subject"], "taskName" | "providerName"> };

export function shownAlert(a: Alert): ShownAlert {
  return { kind: a.kind, severity: a.severity, dueOn: a.dueOn, title: a.title, detail: a.detail, href: a.href, subject: { taskName: a.subject.taskName, providerName: a.subject.providerName } };
}

/**
 * Alerts most urgent first, each linking to the record to act on. On a phone each alert is a
 * block whose words read from the left and wrap (public/app.css `.dc-alerts`).
 */
export function AlertsTable({ alerts, caption }: { alerts: ShownAlert[]; caption: string }) {
  if (!alerts.length) return <p>No alerts. Nothing needs you now.</p>;
  return (
    <Table caption={caption} responsive className="dc-alerts">
      <Table.Head>
        <Table.Row>
          <Table.Cell>Severity</Table.Cell>
          <Table.Cell>What needs attention</Table.Cell>
          <Table.Cell>Due</Table.Cell>
          <Table.Cell>Provider</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {alerts.map((a, i) => (
          <Table.Row key={`${a.kind}-${a.href}-${a.subject.taskName ?? ""}-${i}`}>
            <Table.Cell>
              <SeverityTag severity={a.severity} />
            </Table.Cell>
            <Table.Cell>
              <Link to={a.href}>{a.title}</Link>
              <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                {alertDescription(a)}
              </div>
            </Table.Cell>
            <Table.Cell className="dc-nowrap">{formatDate(a.dueOn)}</Table.Cell>
            <Table.Cell>{a.subject.providerName}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/** Counts by severity, then by kind, each a link to the filtered list. */
export function AlertCounts({
  counts,
  headingLevel: Heading = "h3",
}: {
  counts: { total: number; bySeverity: Record<Severity, number>; byKind: Record<AlertKind, number> };
  headingLevel?: "h2" | "h3";
}) {
  return (
    <>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {(["critical", "warning", "info"] as Severity[]).map((s) => (
          <li className="nhsuk-grid-column-one-third nhsuk-card-group__item" key={s}>
            <div className={`nhsuk-card nhsuk-card--clickable dc-count dc-count--${s}`}>
              <div className="nhsuk-card__content">
                <Heading className="nhsuk-card__heading nhsuk-heading-s">
                  <Link className="nhsuk-card__link" to={`/alerts?severity=${s}`}>
                    {SEVERITY_LABELS[s]}
                  </Link>
                </Heading>
                <p className="nhsuk-heading-xl nhsuk-u-margin-bottom-0">{counts.bySeverity[s]}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <ul className="nhsuk-list">
        {(Object.keys(counts.byKind) as AlertKind[])
          .filter((k) => counts.byKind[k] > 0)
          .map((k) => (
            <li key={k}>
              <Link to={`/alerts?kind=${k}`}>{ALERT_KIND_LABELS[k]}</Link>: {counts.byKind[k]}
            </li>
          ))}
      </ul>
    </>
  );
}

/**
 * Competencies expiring in each of the next 12 months: a table whose figures carry a bar, so the
 * chart is read by a screen reader as the table it is, and its words stay at body size at every
 * width (an SVG scaled to a phone shrank its labels below 8 px; issue 14, item 9).
 */
export function ExpiryChart({ months }: { months: { month: string; label: string; count: number }[] }) {
  const max = Math.max(1, ...months.map((m) => m.count));
  return (
    <Table caption="Expiring each month" className="dc-bar-chart">
      <Table.Head>
        <Table.Row>
          <Table.Cell>Month</Table.Cell>
          <Table.Cell>Competencies expiring</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {months.map((m) => (
          <Table.Row key={m.month}>
            <Table.Cell className="dc-bar-chart__month">{m.label}</Table.Cell>
            <Table.Cell>
              <span className="dc-bar-chart__figure">
                <span className="dc-bar-chart__count">{m.count}</span>
                {/* Drawn in SVG: the Content-Security-Policy allows no inline styles. */}
                <svg className="dc-bar-chart__bar" aria-hidden="true" focusable="false">
                  <rect x="0" y="0" height="100%" width={`${(m.count / max) * 100}%`} fill="#005eb8" />
                </svg>
              </span>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
