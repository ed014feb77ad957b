import type { VersionChange } from "~/domain/agreement-changes";
import { written } from "./TaskSpecifics";

function was(text: string) {
  return text ? written(text) : <span className="dc-muted">nothing written</span>;
}

/** What changed from the previous version, as a readable list (app/domain/agreement-changes.ts). */
export function VersionChanges({ changes, previous }: { changes: VersionChange[]; previous: number }) {
  if (!changes.length) return <p>Nothing that the parties sign changed from version {previous}.</p>;
  return (
    <ul className="nhsuk-list nhsuk-list--bullet" id="changes">
      {changes.map((c, i) => (
        <li key={i}>
          {c.kind === "task_added" ? (
            <>Task added: {c.task}</>
          ) : c.kind === "task_removed" ? (
            <>Task removed: {c.task}</>
          ) : c.kind === "worker_added" ? (
            <>Named care worker added: {c.worker}</>
          ) : c.kind === "worker_removed" ? (
            <>Named care worker removed: {c.worker}</>
          ) : (
            <>
              {c.kind === "task_field" ? `${c.task}, ${c.field.toLowerCase()}` : c.field} changed from {was(c.from)} to {was(c.to)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
