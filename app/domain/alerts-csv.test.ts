import { describe, expect, it } from "vitest";
import { alertDescription, type AgreementRecord, type CompetencyRecord, type DeclineRecord } from "./alerts";
import { computeAlerts } from "./alert-engine";
import { ALERTS_CSV_COLUMNS, alertsCsvRows } from "./alerts-csv";
import { formatDate } from "./dates";

const settings = { competencyWarningDays: 90, competencyReminderDays: [90, 60, 30], reviewDueDays: 30, awaitingSignaturesDays: 7, coverForecastDays: 28 };
const T = "2026-11-22";

const worker = {
  workerId: 7,
  workerName: "Grace Okafor",
  staffNumber: "BHC-1043",
  namesakes: 2,
  personInitials: null,
  providerId: 3,
  providerName: "Brightside Home Care",
  teamIds: [1],
};
const competencies: CompetencyRecord[] = [
  // Expired and still named: the page says "Still named on DA-2026-000003" (issue 14, item 8).
  { ...worker, competencyId: 1, taskName: "Blood glucose monitoring", expiresOn: "2026-11-12", liveAgreements: ["DA-2026-000003"] },
  { ...worker, competencyId: 2, taskName: "Eye drops", expiresOn: "2026-12-12", liveAgreements: [] },
  { ...worker, competencyId: 3, workerName: "Maria Santos", staffNumber: null, namesakes: 1, taskName: "Urinary catheter care", expiresOn: "2026-12-12", liveAgreements: ["DA-2026-000004", "DA-2026-000005"] },
];
const declines: DeclineRecord[] = [
  { ...worker, competencyId: 4, taskName: "Insulin administration by pen", personInitials: "E. C.", liveAgreements: ["DA-2026-000003"], declinedOn: "2026-11-20", reason: "Not confident" },
];
const agreement: AgreementRecord = {
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
  reviewDate: "2026-11-01",
  awaitingSince: "2026-11-01",
  tasks: [{ taskName: "Eye drops", personSpecific: false, mayCarryOut: 0, competentWorkers: 0, namedWorkers: 1 }],
  overlaps: [{ taskName: "Eye drops", references: ["DA-2026-000010"] }],
};
const alerts = computeAlerts({ competencies, agreements: [agreement], declines }, T, settings);
const rows = alertsCsvRows(alerts);
const column = (name: (typeof ALERTS_CSV_COLUMNS)[number]) => ALERTS_CSV_COLUMNS.indexOf(name);

describe("the alerts CSV", () => {
  it("has the columns of the export rule (decision record 018)", () => {
    expect(rows[0]).toEqual([
      "Severity",
      "Kind",
      "Due",
      "What needs attention",
      "What to do",
      "Task",
      "Person (initials)",
      "Agreements",
      "Care worker",
      "Staff number",
      "Provider",
    ]);
    expect(rows.length).toBe(alerts.length + 1);
    expect(new Set(alerts.map((a) => a.kind)).size).toBeGreaterThanOrEqual(6);
  });

  it("writes for each alert the words the alerts page shows", () => {
    alerts.forEach((a, i) => {
      const row = rows[i + 1]!;
      expect(row[column("What needs attention")]).toBe(a.title);
      expect(row[column("What to do")]).toBe(alertDescription(a));
      expect(row[column("Due")]).toBe(formatDate(a.dueOn));
      expect(row[column("Provider")]).toBe("Brightside Home Care");
    });
  });

  it("lists in the Agreements column every agreement the alert's words mention", () => {
    alerts.forEach((a, i) => {
      const mentioned = `${a.title} ${a.detail}`.match(/DA-\d{4}-\d{6}/g) ?? [];
      const listed = rows[i + 1]![column("Agreements")]!.split("; ");
      for (const reference of mentioned) expect(listed, `${a.kind}: ${a.title}`).toContain(reference);
    });
    const expired = rows.find((r) => r[column("Kind")] === "Competency expired, worker still named")!;
    expect(expired[column("Agreements")]).toBe("DA-2026-000003");
    expect(rows.find((r) => r[column("Kind")] === "Two live agreements for the same task")![column("Agreements")]).toBe("DA-2026-000009; DA-2026-000010");
    expect(rows.find((r) => r[column("Task")] === "Urinary catheter care")![column("Agreements")]).toBe("DA-2026-000004; DA-2026-000005");
    expect(rows.find((r) => r[column("Task")] === "Eye drops" && r[column("Care worker")] === "Grace Okafor")![column("Agreements")]).toBe("None");
  });

  it("names a care worker by name, staff number and provider, and the person only by initials", () => {
    const declined = rows.find((r) => r[column("Kind")] === "Task declined, worker still named")!;
    expect(declined.slice(column("Person (initials)"))).toEqual(["E. C.", "DA-2026-000003", "Grace Okafor", "BHC-1043", "Brightside Home Care"]);
    const maria = rows.find((r) => r[column("Care worker")] === "Maria Santos")!;
    expect(maria[column("Staff number")]).toBe("Not recorded");
    const review = rows.find((r) => r[column("Kind")] === "Agreement review overdue")!;
    expect(review.slice(column("Person (initials)"))).toEqual(["E. C.", "DA-2026-000009", "Not applicable", "Not applicable", "Brightside Home Care"]);
    expect(rows.flat()).not.toContain("");
  });

  it("tells namesakes apart in the alert's own words (docs/domain.md rule 19)", () => {
    expect(alerts.find((a) => a.kind === "competency_expired")!.title).toBe("Grace Okafor (staff number BHC-1043): Blood glucose monitoring expired 10 days ago");
    expect(alerts.find((a) => a.subject.workerName === "Maria Santos")!.title).toMatch(/^Maria Santos: /);
  });
});
