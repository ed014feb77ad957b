/**
 * The guided agreement (the NHS "complete multiple tasks" pattern): a draft version's sections,
 * each with one status, decided here once and used by the task list, the "Check and send" page
 * and the send action. A version is sent only when every section is completed, consent included
 * (docs/domain.md rules 1 and 6); its dates are checked again on sending (rules 8 and 9).
 */
import { reviewDateProblem } from "./agreement";
import type { TaskSpecifics } from "./agreement-content";
import { DATE_WINDOWS, dateWindowProblem } from "./date-windows";
import type { IsoDate } from "./dates";

export type SectionStatus = "completed" | "in_progress" | "not_started" | "cannot_start";

export const SECTION_STATUS_LABELS: Record<SectionStatus, string> = {
  completed: "Completed",
  in_progress: "In progress",
  not_started: "Not started",
  cannot_start: "Cannot start yet",
};

export type SectionId = "person" | "tasks" | "workers" | "details" | "consent" | "send";

/** Something still needed, and where on the "Check and send" page it is (`anchor`, an element id). */
export type SectionProblem = { anchor: string; message: string };

export type TaskSection = { taskId: number; code: string; name: string; status: SectionStatus; problems: SectionProblem[] };

export type DraftSection = { id: SectionId; status: SectionStatus; problems: SectionProblem[]; tasks?: TaskSection[] };

export type DraftFacts = {
  today: IsoDate;
  tasks: ({ taskId: number; code: string; name: string; reviewIntervalMonths: number } & TaskSpecifics)[];
  workerCount: number;
  startDate: IsoDate;
  reviewDate: IsoDate;
  supervisionArrangements: string;
  consentRecorded: boolean;
};

const written = (s: string) => s.trim() !== "";

/** The anchor of a task's section on the "Check and send" page. */
export function taskAnchor(code: string): string {
  return `task-${code}`;
}

function taskSection(t: DraftFacts["tasks"][number]): TaskSection {
  const problems: SectionProblem[] = [];
  const anchor = taskAnchor(t.code);
  if (!written(t.instructions) && !written(t.carePlanReference)) problems.push({ anchor, message: `Add the instructions or the care-plan reference for ${t.name}` });
  if (!written(t.escalationPlan)) problems.push({ anchor, message: `Add the escalation plan for ${t.name}` });
  // The escalation plan starts as the catalogue's guidance, so it alone does not mean the nurse has begun.
  const started = [t.instructions, t.carePlanReference, t.deviceOrProduct, t.parameters, t.mustNotDo].some(written);
  const status: SectionStatus = !problems.length ? "completed" : started ? "in_progress" : "not_started";
  return { taskId: t.taskId, code: t.code, name: t.name, status, problems };
}

/** Every section of a draft version, in the order the task list shows them. */
export function draftSections(facts: DraftFacts): DraftSection[] {
  const tasks = facts.tasks.map(taskSection);
  const taskProblems: SectionProblem[] = facts.tasks.length ? tasks.flatMap((t) => t.problems) : [{ anchor: "tasks", message: "Add at least one task" }];
  const tasksStatus: SectionStatus = !facts.tasks.length
    ? "not_started"
    : tasks.every((t) => t.status === "completed")
      ? "completed"
      : tasks.every((t) => t.status === "not_started")
        ? "not_started"
        : "in_progress";

  // Workers are named for tasks: not before there is a task to name them for.
  const workersStatus: SectionStatus = !facts.tasks.length ? "cannot_start" : facts.workerCount ? "completed" : "not_started";
  const workerProblems = facts.workerCount ? [] : [{ anchor: "workers", message: "Name at least one care worker" }];

  const detailProblems: SectionProblem[] = [];
  const start = dateWindowProblem("Start date", facts.startDate, DATE_WINDOWS.agreementStart(facts.today));
  if (start) detailProblems.push({ anchor: "details", message: start });
  if (facts.tasks.length) {
    const review = reviewDateProblem(facts.startDate, facts.reviewDate, facts.tasks.map((t) => t.reviewIntervalMonths));
    if (review) detailProblems.push({ anchor: "details", message: review });
  }
  if (!written(facts.supervisionArrangements)) detailProblems.push({ anchor: "details", message: "Enter how the care workers are supervised and supported" });
  // The dates start filled in (the start chosen, the review date worked out); supervision is the nurse's to write.
  const detailsStatus: SectionStatus = !detailProblems.length ? "completed" : written(facts.supervisionArrangements) ? "in_progress" : "not_started";

  const consentProblems = facts.consentRecorded ? [] : [{ anchor: "consent", message: "Record consent: it is part of what every party signs" }];

  const sections: DraftSection[] = [
    { id: "person", status: "completed", problems: [] },
    { id: "tasks", status: tasksStatus, problems: taskProblems, tasks },
    { id: "workers", status: workersStatus, problems: workerProblems },
    { id: "details", status: detailsStatus, problems: detailProblems },
    { id: "consent", status: facts.consentRecorded ? "completed" : "not_started", problems: consentProblems },
  ];
  const ready = sections.every((s) => s.status === "completed");
  return [...sections, { id: "send", status: ready ? "not_started" : "cannot_start", problems: [] }];
}

/** What stands between a draft and sending it: empty means it may be sent (docs/domain.md rules 1, 6, 8 and 9). */
export function sendProblems(sections: DraftSection[]): SectionProblem[] {
  return sections.filter((s) => s.id !== "send" && s.status !== "completed").flatMap((s) => s.problems);
}

/** How many sections (before "Check and send") are completed, for "3 of 5 sections completed". */
export function sectionsCompleted(sections: DraftSection[]): { done: number; of: number } {
  const parts = sections.filter((s) => s.id !== "send");
  return { done: parts.filter((s) => s.status === "completed").length, of: parts.length };
}
