import { isAuditRecordType } from "~/content/audit-actions";
import { THIS_RECORD, timelineLine } from "~/content/audit-events";
import { formatDateTime } from "~/domain/dates";

/** A record's own audit history, newest first, each line naming who did what once (app/content/audit-events.ts). */
export function RecordHistory({
  events,
}: {
  events: { id: number; at: string; action: string; details: string; actorName: string | null; entityType: string }[];
}) {
  if (!events.length) return null;
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">History of this record ({events.length})</span>
      </summary>
      <div className="nhsuk-details__text">
        <ul className="nhsuk-list">
          {events.map((e) => (
            <li key={e.id}>
              <span className="dc-nowrap">{formatDateTime(e.at)}</span>: {timelineLine(e, isAuditRecordType(e.entityType) ? THIS_RECORD[e.entityType] : "this record")}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
