import { describe, expect, it } from "vitest";
import { draftSections, sectionsCompleted, sendProblems, type DraftFacts } from "./agreement-task-list";

const TODAY = "2026-11-22";
const insulin = {
  taskId: 1,
  code: "INS-PEN",
  name: "Insulin administration by pen",
  reviewIntervalMonths: 3,
  instructions: "",
  carePlanReference: "",
  deviceOrProduct: "",
  parameters: "",
  mustNotDo: "",
  escalationPlan: "Below 4 mmol/L: call the nurse",
};
const justStarted: DraftFacts = {
  today: TODAY,
  tasks: [insulin],
  workerCount: 0,
  startDate: TODAY,
  reviewDate: "2027-02-22",
  supervisionArrangements: "",
  consentRecorded: false,
};
const complete: DraftFacts = {
  ...justStarted,
  tasks: [{ ...insulin, instructions: "8 units with breakfast" }],
  workerCount: 2,
  supervisionArrangements: "The nurse visits weekly",
  consentRecorded: true,
};

const statuses = (facts: DraftFacts) => Object.fromEntries(draftSections(facts).map((s) => [s.id, s.status]));

describe("the guided agreement: one status per section (docs/domain.md rules 1 and 6)", () => {
  it("a draft just started: the person is chosen, the rest not started, and it cannot be sent yet", () => {
    expect(statuses(justStarted)).toEqual({ person: "completed", tasks: "not_started", workers: "not_started", details: "not_started", consent: "not_started", send: "cannot_start" });
    expect(sendProblems(draftSections(justStarted)).map((p) => p.message)).toEqual([
      "Add the instructions or the care-plan reference for Insulin administration by pen",
      "Name at least one care worker",
      "Enter how the care workers are supervised and supported",
      "Record consent: it is part of what every party signs",
    ]);
    expect(sectionsCompleted(draftSections(justStarted))).toEqual({ done: 1, of: 5 });
  });

  it("named workers cannot start before a task is chosen", () => {
    expect(statuses({ ...justStarted, tasks: [] }).workers).toBe("cannot_start");
    expect(sendProblems(draftSections({ ...justStarted, tasks: [] })).map((p) => p.message)).toContain("Add at least one task");
  });

  it("a task with something written but no instructions or care-plan reference is in progress; either one completes it", () => {
    const some = { ...justStarted, tasks: [{ ...insulin, deviceOrProduct: "FlexPen" }] };
    expect(statuses(some).tasks).toBe("in_progress");
    expect(statuses({ ...justStarted, tasks: [{ ...insulin, carePlanReference: "DN-1" }] }).tasks).toBe("completed");
    const noEscalation = { ...justStarted, tasks: [{ ...insulin, instructions: "8 units", escalationPlan: " " }] };
    expect(statuses(noEscalation).tasks).toBe("in_progress");
    expect(draftSections(noEscalation)[1]!.problems).toEqual([{ anchor: "task-INS-PEN", message: "Add the escalation plan for Insulin administration by pen" }]);
  });

  it("two tasks: one done and one not started is in progress, each task keeps its own status", () => {
    const facts = { ...justStarted, tasks: [{ ...insulin, instructions: "8 units" }, { ...insulin, taskId: 2, code: "EYE", name: "Eye drops", reviewIntervalMonths: 6 }] };
    const tasks = draftSections(facts)[1]!;
    expect(tasks.status).toBe("in_progress");
    expect(tasks.tasks!.map((t) => t.status)).toEqual(["completed", "not_started"]);
  });

  it("dates and supervision: complete with supervision written and dates inside their windows (rules 8 and 9)", () => {
    expect(statuses({ ...justStarted, supervisionArrangements: "Weekly visits" }).details).toBe("completed");
    // Insulin is reviewed every 3 months: a review date 6 months on is not allowed.
    const late = { ...justStarted, supervisionArrangements: "Weekly visits", reviewDate: "2027-05-22" };
    expect(statuses(late).details).toBe("in_progress");
    expect(draftSections(late)[3]!.problems[0]!.message).toMatch(/^Review date must be on or before 22 February 2027/);
    const oldStart = { ...justStarted, supervisionArrangements: "Weekly visits", startDate: "2025-11-21", reviewDate: "2026-02-21" };
    expect(draftSections(oldStart)[3]!.problems[0]!.message).toMatch(/^Start date must be between/);
  });

  it("check and send opens only when every other section is completed, consent included", () => {
    expect(statuses(complete)).toEqual({ person: "completed", tasks: "completed", workers: "completed", details: "completed", consent: "completed", send: "not_started" });
    expect(sendProblems(draftSections(complete))).toEqual([]);
    const noConsent = { ...complete, consentRecorded: false };
    expect(statuses(noConsent).send).toBe("cannot_start");
    expect(sendProblems(draftSections(noConsent))).toEqual([{ anchor: "consent", message: "Record consent: it is part of what every party signs" }]);
    expect(sectionsCompleted(draftSections(noConsent))).toEqual({ done: 4, of: 5 });
  });
});
