import { Link } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { ALERT_KIND_LABELS, SEVERITY_LABELS, type Alert, type AlertKind, type Severity } from "~/domain/alerts";
import { formatDate } from "~/domain/dates";
import { StatusTag } from "./nhs/StatusTag";

const TONES: Record<Severity, "red" | "yellow" | "blue"> = { critical: "red", warning: "yellow", info: "blue" };

export function SeverityTag({ severity }: { severity: Severity }) {
  return <StatusTag text={SEVERITY_LABELS[severity]} tone={TONES[severity]} />;
}

/** Alerts most urgent first, each linking to the record to act on. */
export function AlertsTable({ alerts, caption }: { alerts: Alert[]; caption: string }) {
  if (!alerts.length) return <p>No alerts. Nothing needs you now.</p>;
  return (
    <Table caption={caption} responsive>
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
                {ALERT_KIND_LABELS[a.kind]}. {a.detail}
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

/** Competencies expiring per month: an SVG bar chart, with the same figures as a table. */
export function ExpiryChart({ months }: { months: { month: string; label: string; count: number }[] }) {
  const max = Math.max(1, ...months.map((m) => m.count));
  const barWidth = 48;
  const gap = 12;
  const height = 180;
  const width = months.length * (barWidth + gap);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <svg viewBox={`0 -24 ${width} ${height + 64}`} width="100%" role="img" aria-labelledby="expiry-chart-title expiry-chart-desc" className="dc-chart">
          <title id="expiry-chart-title">Competencies expiring each month for the next 12 months</title>
          <desc id="expiry-chart-desc">{months.map((m) => `${m.label}: ${m.count}`).join("; ")}</desc>
          {months.map((m, i) => {
            const h = Math.round((m.count / max) * height);
            const x = i * (barWidth + gap);
            return (
              <g key={m.month}>
                <rect x={x} y={height - h} width={barWidth} height={h} fill="#005eb8" />
                <text x={x + barWidth / 2} y={height - h - 4} textAnchor="middle" fontSize="14" fill="#212b32">
                  {m.count}
                </text>
                <text x={x + barWidth / 2} y={height + 18} textAnchor="middle" fontSize="12" fill="#4c6272">
                  {m.label.slice(0, 3)}
                </text>
                <text x={x + barWidth / 2} y={height + 34} textAnchor="middle" fontSize="11" fill="#4c6272">
                  {m.month.slice(0, 4)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <div className="nhsuk-grid-column-one-third">
        <Table caption="Expiring each month">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Month</Table.Cell>
              <Table.Cell format="numeric">Competencies</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {months.map((m) => (
              <Table.Row key={m.month}>
                <Table.Cell>{m.label}</Table.Cell>
                <Table.Cell format="numeric">{m.count}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}
