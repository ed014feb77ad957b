import type { TaskCover } from "~/domain/agreement";
import { StatusTag } from "../nhs/StatusTag";

/**
 * For each task: every named worker and what the one rule (docs/domain.md rule 4) says of them
 * today: "May carry out" only while the agreement is in force; before that, whether they will be
 * able to once it is; otherwise "Must not carry out", and why.
 */
export function CoverList({ cover, live }: { cover: TaskCover[]; live: boolean }) {
  return (
    <>
      {cover.map((task) => {
        const competent = task.workers.filter((w) => w.decision.may).length;
        return (
          <div key={task.taskId} className="nhsuk-u-margin-bottom-5">
            <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
              {task.taskName}
              {live && competent === 0 ? <> <StatusTag text="No competent worker" tone="red" /></> : null}
              {live && competent === 1 ? <> <StatusTag text="Only one competent worker" tone="yellow" /></> : null}
            </h3>
            <ul className="nhsuk-list">
              {task.workers.map((w) => (
                <li key={w.workerId}>
                  <StatusTag text={w.label.text} tone={w.label.tone} /> {w.workerName}
                  <span className="dc-muted">: {w.label.why}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
