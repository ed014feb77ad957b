import { describe, expect, it } from "vitest";
import { computeAlerts, type AgreementRecord, type DeclineRecord } from "./alerts";

const settings = { competencyWarningDays: 90, competencyReminderDays: [90, 60, 30], reviewDueDays: 30, awaitingSignaturesDays: 7, coverForecastDays: 28 };
const T = "2026-11-22";

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
  tasks: [],
  ...over,
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
    expect(computeAlerts({ competencies: [], agreements: [agreement({ overlaps })] }, T, settings)).toMatchObject([
      { kind: "agreement_overlap", severity: "critical", title: "DA-2026-000009 (E. C.): DA-2026-000003 is also live for Blood glucose monitoring", href: "/agreements/9", teamIds: [1], providerId: 3 },
    ]);
    expect(computeAlerts({ competencies: [], agreements: [agreement({ overlaps, state: "suspended" })] }, T, settings).map((a) => a.kind)).toEqual(["agreement_overlap"]);
  });

  it("not for one that is not live", () => {
    expect(computeAlerts({ competencies: [], agreements: [agreement({ state: "draft", overlaps: [{ taskName: "x", references: ["y"] }] })] }, T, settings)).toEqual([]);
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
