import { formatDateTime } from "~/domain/dates";

/** A record's own audit history, newest first. */
export function RecordHistory({ events }: { events: { id: number; at: string; action: string; actorName: string | null }[] }) {
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
              {formatDateTime(e.at)}: {e.action.replace(/^[a-z_]+\./, "").replace(/_/g, " ")} by {e.actorName ?? "Delegated Care"}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
