import { Link } from "@remix-run/react";
import { Tag } from "nhsuk-react-components";
import { DRAFT_SECTION_TITLES } from "~/content/agreements";
import { SECTION_STATUS_LABELS, type DraftSection, type SectionStatus } from "~/domain/agreement-task-list";

/** The status of a section as the NHS task list shows it: a tag until completed; "Cannot start yet" in plain text. */
function Status({ id, status }: { id: string; status: SectionStatus }) {
  const label = SECTION_STATUS_LABELS[status];
  const plain = status === "completed" || status === "cannot_start";
  return (
    <div className={`nhsuk-task-list__status${status === "cannot_start" ? " nhsuk-task-list__status--cannot-start-yet" : ""}`} id={id}>
      {plain ? label : <Tag modifier={status === "in_progress" ? "aqua-green" : "blue"}>{label}</Tag>}
    </div>
  );
}

type Item = { key: string; title: string; hint?: string; href: string | null; status: SectionStatus };

function TaskListItem({ item }: { item: Item }) {
  const statusId = `section-${item.key}-status`;
  const hintId = item.hint ? `section-${item.key}-hint` : undefined;
  return (
    <li className={`nhsuk-task-list__item${item.href ? " nhsuk-task-list__item--with-link" : ""}`}>
      <div className="nhsuk-task-list__name-and-hint">
        {item.href ? (
          <Link className="nhsuk-link nhsuk-task-list__link" to={item.href} aria-describedby={[hintId, statusId].filter(Boolean).join(" ")}>
            {item.title}
          </Link>
        ) : (
          <div>{item.title}</div>
        )}
        {item.hint ? (
          <div className="nhsuk-task-list__hint" id={hintId}>
            {item.hint}
          </div>
        ) : null}
      </div>
      <Status id={statusId} status={item.status} />
    </li>
  );
}

/**
 * The guided agreement as an NHS task list ("complete multiple tasks"): one row per section with
 * its status (decided once, in app/domain/agreement-task-list.ts), each linking to its form.
 * The tasks section has a row for choosing the tasks and one per task's care-plan details.
 */
export function AgreementTaskList({ id, sections, person }: { id: number; sections: DraftSection[]; person: string }) {
  const base = `/agreements/${id}`;
  const items: Item[] = sections.flatMap((s): Item[] => {
    const open = s.status !== "cannot_start";
    switch (s.id) {
      case "person":
        return [{ key: "person", title: DRAFT_SECTION_TITLES.person, hint: `${person}. Chosen when the agreement was started: to change them, delete this draft and start again.`, href: null, status: s.status }];
      case "tasks":
        return [
          { key: "tasks", title: "Tasks to delegate", hint: (s.tasks ?? []).map((t) => t.name).join(", "), href: `${base}/tasks`, status: s.tasks?.length ? "completed" : "not_started" },
          ...(s.tasks ?? []).map((t) => ({ key: `task-${t.code}`, title: `Care-plan details: ${t.name}`, href: `${base}/tasks/${t.taskId}`, status: t.status })),
        ];
      case "workers":
        return [{ key: "workers", title: DRAFT_SECTION_TITLES.workers, href: open ? `${base}/workers` : null, status: s.status }];
      case "details":
        return [{ key: "details", title: DRAFT_SECTION_TITLES.details, href: `${base}/details`, status: s.status }];
      case "consent":
        return [{ key: "consent", title: DRAFT_SECTION_TITLES.consent, href: `${base}/consent`, status: s.status }];
      case "send":
        return [{ key: "send", title: DRAFT_SECTION_TITLES.send, hint: open ? undefined : "Complete every section first", href: open ? `${base}/send` : null, status: s.status }];
    }
  });
  return (
    <ul className="nhsuk-task-list">
      {items.map((item) => (
        <TaskListItem key={item.key} item={item} />
      ))}
    </ul>
  );
}
