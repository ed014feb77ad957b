import type { TaskCover } from "~/domain/agreement";
import { StatusTag } from "../nhs/StatusTag";

/** For each task: every named worker, "May carry out" or "Must not carry out", and why. */
export function CoverList({ cover, live }: { cover: TaskCover[]; live: boolean }) {
  return (
    <>
      {cover.map((task) => {
        const competent = task.workers.filter((w) => w.current).length;
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
                  {w.current ? <StatusTag text="May carry out" tone="green" /> : <StatusTag text="Must not carry out" tone="red" />} {w.workerName}
                  <span className="dc-muted">: {w.reason}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
