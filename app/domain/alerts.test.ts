import { describe, expect, it } from "vitest";
import { computeAlerts } from "./alert-engine";
import { countAlerts, type AgreementRecord, type CompetencyRecord, type DeclineRecord } from "./alerts";

const settings = { competencyWarningDays: 90, competencyReminderDays: [90, 60, 30], reviewDueDays: 30, awaitingSignaturesDays: 7, coverForecastDays: 28 };
const T = "2026-11-22";

const competency = (expiresOn: string, liveAgreements: string[] = []): CompetencyRecord => ({
  competencyId: 1,
  workerId: 7,
  workerName: "Maria Santos",
  taskName: "Urinary catheter care",
  personInitials: null,
  providerId: 3,
  providerName: "Brightside Home Care",
  teamIds: [1],
  expiresOn,
  liveAgreements,
});

const task = (competentWorkers: number, over: Partial<AgreementRecord["tasks"][number]> = {}): AgreementRecord["tasks"][number] => ({
  taskName: "Insulin administration by pen",
  personSpecific: false,
  mayCarryOut: competentWorkers,
  competentWorkers,
  namedWorkers: 2,
  ...over,
});

const agreement = (over: Partial<AgreementRecord>): AgreementRecord => ({
  agreementId: 9,
  reference: "DA-2026-000009",
  personInitials: "E. C.",
  providerId: 3,
  providerName: "Brightside Home Care",
  teamId: 1,
  state: "active",
  startDate: "2026-06-01",
  inForceVersion: 1,
  personId: 5,
  reviewDate: "2027-06-01",
  awaitingSince: null,
  tasks: [task(2)],
  ...over,
});

const run = (c: CompetencyRecord[], a: AgreementRecord[] = [], today = T) => computeAlerts({ competencies: c, agreements: a }, today, settings);

describe("competency alerts", () => {
  it("expiring at exactly 90, 60 and 30 days, with the reminder point", () => {
    expect(run([competency("2027-02-20")])).toMatchObject([{ kind: "competency_expiring", severity: "warning", reminderDays: 90 }]);
    expect(run([competency("2027-01-21")])[0]).toMatchObject({ reminderDays: 60 });
    expect(run([competency("2026-12-22")])[0]).toMatchObject({ reminderDays: 30 });
    expect(run([competency("2026-12-23")])[0]).toMatchObject({ reminderDays: 60 });
  });

  it("nothing at 91 days", () => {
    expect(run([competency("2027-02-21")])).toEqual([]);
  });

  it("expiring today is still a warning, and says so", () => {
    expect(run([competency(T)])).toMatchObject([{ kind: "competency_expiring", title: "Maria Santos: Urinary catheter care expires today" }]);
  });

  it("expired yesterday is critical only while the worker is named on a live agreement", () => {
    expect(run([competency("2026-11-21")])).toEqual([]);
    expect(run([competency("2026-11-21", ["DA-2026-000003"])])).toMatchObject([
      { kind: "competency_expired", severity: "critical", dueOn: "2026-11-21", title: "Maria Santos: Urinary catheter care expired 1 day ago" },
    ]);
  });

  it("counts days across a leap day", () => {
    // 29 February 2028 lies between; 30 days from 2028-02-14 is 2028-03-15.
    expect(run([competency("2028-03-15")], [], "2028-02-14")[0]).toMatchObject({ reminderDays: 30 });
    expect(run([competency("2028-03-16")], [], "2028-02-14")[0]).toMatchObject({ reminderDays: 60 });
  });
});

describe("agreement alerts", () => {
  it("review due in exactly 30 days; overdue the day after the review date", () => {
    expect(run([], [agreement({ reviewDate: "2026-12-22" })])).toMatchObject([{ kind: "agreement_review_due", severity: "warning" }]);
    expect(run([], [agreement({ reviewDate: "2026-12-23" })])).toEqual([]);
    expect(run([], [agreement({ reviewDate: T })])).toMatchObject([{ kind: "agreement_review_due" }]);
    expect(run([], [agreement({ reviewDate: "2026-11-21" })])).toMatchObject([{ kind: "agreement_review_overdue", severity: "critical" }]);
  });

  it("no competent worker is critical; one is a cover risk", () => {
    const none = run([], [agreement({ tasks: [task(0)] })]);
    expect(none).toMatchObject([{ kind: "agreement_no_competent_worker", severity: "critical" }]);
    const one = run([], [agreement({ tasks: [task(1)] })]);
    expect(one).toMatchObject([{ kind: "agreement_cover_risk", severity: "warning" }]);
  });

  it("cover alerts only while the agreement is in force (docs/domain.md rules 3 and 4)", () => {
    // Signed, not yet in force: nobody may carry out the task yet, and that is not a cover alert.
    expect(run([], [agreement({ startDate: "2026-11-30", tasks: [task(1, { mayCarryOut: 0 })] })])).toEqual([]);
    // Suspended: no one competent is still critical, so it can be mended.
    expect(run([], [agreement({ state: "suspended", tasks: [task(0)] })])).toMatchObject([{ kind: "agreement_no_competent_worker", detail: expect.stringContaining("suspended") }]);
  });
});

describe("cover forecast (docs/domain.md rule 13)", () => {
  const competent = (expiresOn: string) => ({ worker: { status: "active" as const }, competencies: [{ personId: null, state: "competent" as const, expiresOn }] });

  it("warns when cover will fall below two competent workers inside the window, on the day it falls", () => {
    const alerts = run([], [agreement({ tasks: [task(2, { forecast: [competent("2026-12-10"), competent("2027-05-01")] })] })]);
    expect(alerts).toMatchObject([
      {
        kind: "agreement_cover_forecast",
        severity: "warning",
        dueOn: "2026-12-11",
        title: "DA-2026-000009 (E. C.): from 11 December 2026 only one named worker will be able to carry out Insulin administration by pen",
      },
    ]);
  });

  it("counts a competency up to and including its expiry day, and looks exactly 28 days ahead", () => {
    // The drop is on day 29: outside the window.
    expect(run([], [agreement({ tasks: [task(2, { forecast: [competent("2026-12-20"), competent("2027-05-01")] })] })])).toEqual([]);
    // The drop is on day 28: inside.
    expect(run([], [agreement({ tasks: [task(2, { forecast: [competent("2026-12-19"), competent("2027-05-01")] })] })])).toMatchObject([{ dueOn: "2026-12-20" }]);
  });

  it("says so when an agreement will come into force with fewer than two competent workers", () => {
    const alerts = run([], [agreement({ startDate: "2026-11-30", tasks: [task(1, { mayCarryOut: 0, forecast: [competent("2027-05-01")] })] })]);
    expect(alerts).toMatchObject([{ kind: "agreement_cover_forecast", dueOn: "2026-11-30" }]);
  });

  it("stays quiet when today's cover alerts already say it, or the agreement is suspended", () => {
    expect(run([], [agreement({ tasks: [task(1, { forecast: [competent("2026-12-01")] })] })]).map((a) => a.kind)).toEqual(["agreement_cover_risk"]);
    expect(run([], [agreement({ state: "suspended", tasks: [task(2, { forecast: [competent("2026-12-01"), competent("2026-12-02")] })] })])).toEqual([]);
  });

  it("awaiting signatures for more than 7 days is information", () => {
    expect(run([], [agreement({ state: "awaiting_signatures", awaitingSince: "2026-11-15", tasks: [] })])).toEqual([]);
    expect(run([], [agreement({ state: "awaiting_signatures", awaitingSince: "2026-11-14", tasks: [] })])).toMatchObject([
      { kind: "agreement_awaiting_signatures", severity: "info", dueOn: "2026-11-21" },
    ]);
  });

  it("ended agreements raise nothing", () => {
    expect(run([], [agreement({ state: "ended", reviewDate: "2020-01-01", tasks: [task(0)] })])).toEqual([]);
  });
});

describe("ordering and counts", () => {
  it("critical first, then warning, then information, soonest first", () => {
    const alerts = run(
      [competency("2026-12-01"), competency("2026-11-01", ["DA-1"])],
      [agreement({ state: "awaiting_signatures", awaitingSince: "2026-10-01", tasks: [] }), agreement({ reviewDate: "2026-11-05" })],
    );
    expect(alerts.map((a) => a.kind)).toEqual(["competency_expired", "agreement_review_overdue", "competency_expiring", "agreement_awaiting_signatures"]);
    expect(countAlerts(alerts).bySeverity).toEqual({ critical: 2, warning: 1, info: 1 });
  });
});

const decline = (liveAgreements: string[]): DeclineRecord => ({
  competencyId: 4,
  workerId: 7,
  workerName: "Maria Santos",
  taskName: "Insulin administration by pen",
  personInitials: "E. C.",
  providerId: 3,
  providerName: "Brightside Home Care",
  teamIds: [1],
  liveAgreements,
  declinedOn: "2026-11-20",
  reason: "Not confident",
});

describe("overlapping live agreements (docs/domain.md rule 10)", () => {
  it("a live agreement sharing a task with another live one is critical", () => {
    const overlaps = [{ taskName: "Blood glucose monitoring", references: ["DA-2026-000003"] }];
    expect(computeAlerts({ competencies: [], agreements: [agreement({ overlaps, tasks: [] })] }, T, settings)).toMatchObject([
      { kind: "agreement_overlap", severity: "critical", title: "DA-2026-000009 (E. C.): DA-2026-000003 is also live for Blood glucose monitoring", href: "/agreements/9", teamIds: [1], providerId: 3 },
    ]);
    expect(computeAlerts({ competencies: [], agreements: [agreement({ overlaps, state: "suspended", tasks: [] })] }, T, settings).map((a) => a.kind)).toEqual(["agreement_overlap"]);
  });

  it("not for one that is not live", () => {
    expect(computeAlerts({ competencies: [], agreements: [agreement({ state: "draft", tasks: [], overlaps: [{ taskName: "x", references: ["y"] }] })] }, T, settings)).toEqual([]);
  });
});

describe("a declined task (docs/domain.md rule 12)", () => {
  it("alerts the worker's provider and the agreement's team while they are named on a live agreement for it", () => {
    expect(computeAlerts({ competencies: [], agreements: [], declines: [decline(["DA-2026-000003"])] }, T, settings)).toMatchObject([
      {
        kind: "competency_declined",
        severity: "warning",
        dueOn: "2026-11-20",
        title: "Maria Santos declined Insulin administration by pen for E. C.",
        href: "/competencies/4",
        providerId: 3,
        teamIds: [1],
      },
    ]);
  });

  it("nothing when they are named on no live agreement", () => {
    expect(computeAlerts({ competencies: [], agreements: [], declines: [decline([])] }, T, settings)).toEqual([]);
  });
});
