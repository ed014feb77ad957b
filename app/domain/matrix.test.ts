import { describe, expect, it } from "vitest";
import { COMPETENCY_STATUS_ORDER, type CompetencyStatus } from "./competency";
import { toCsv } from "./csv";
import { cellsText, cellText, competencyCellWords, matrixCsvRows, noCompetencyText, NOT_TRAINED, type MatrixCell } from "./matrix";

const cell = (status: CompetencyStatus, over: Partial<MatrixCell> = {}): MatrixCell => ({
  competencyId: 1,
  status,
  expiresOn: "2027-10-02",
  changedOn: "2026-11-13",
  personName: null,
  ...over,
});

describe("a competency's status with its date, one wording for the matrix page and its CSV", () => {
  it.each<[CompetencyStatus, string, string | null, string]>([
    ["competent", "Competent", "Expires 2 October 2027", "Competent, expires 2 October 2027"],
    ["expiring", "Expiring", "Expires 2 October 2027", "Expiring, expires 2 October 2027"],
    ["expired", "Expired", "On 2 October 2027", "Expired on 2 October 2027"],
    ["suspended", "Suspended", "Since 13 November 2026", "Suspended since 13 November 2026"],
    ["revoked", "Revoked", "On 13 November 2026", "Revoked on 13 November 2026"],
    ["declined", "Declined", "On 13 November 2026", "Declined on 13 November 2026"],
    ["in_training", "In training", null, "In training"],
  ])("%s", (status, label, detail, text) => {
    expect(competencyCellWords(cell(status))).toEqual({ label, detail, text });
  });

  it("covers every status", () => {
    for (const status of COMPETENCY_STATUS_ORDER) expect(competencyCellWords(cell(status)).text).not.toBe("");
  });

  // Issue 14, item 4: the CSV said "Expired, expired 13 November 2026" and "Revoked, expires 7 May 2027".
  it("never repeats the status and never gives an ended competency an expiry", () => {
    for (const status of COMPETENCY_STATUS_ORDER) {
      const { text } = competencyCellWords(cell(status));
      expect(text, status).not.toMatch(/^(\w+), \1/i);
      if (status === "revoked" || status === "declined" || status === "expired") expect(text, status).not.toMatch(/expires/i);
    }
    // Even if a revoked competency still held an expiry date, none is shown as current (docs/domain.md rule 12).
    expect(competencyCellWords(cell("revoked", { expiresOn: "2027-05-07" })).text).toBe("Revoked on 13 November 2026");
  });

  it("says the status alone when the date is not known", () => {
    for (const status of COMPETENCY_STATUS_ORDER) {
      expect(competencyCellWords(cell(status, { expiresOn: null, changedOn: null }))).toMatchObject({ detail: null, text: expect.stringMatching(/^[A-Z][a-z ]+$/) });
    }
  });

  it("says whom a person-specific competency is for, and 'Not trained' for an empty cell", () => {
    expect(cellText(cell("declined", { personName: "Edith Clarke" }))).toBe("Declined on 13 November 2026 (for Edith Clarke)");
    expect(cellsText([])).toBe(NOT_TRAINED);
    expect(cellsText([cell("competent", { personName: "Edith Clarke" }), cell("in_training", { competencyId: 2, personName: "George Hall" })])).toBe(
      "Competent, expires 2 October 2027 (for Edith Clarke); In training (for George Hall)",
    );
  });
});

describe("the training matrix CSV", () => {
  const matrix = {
    workers: [
      { id: 1, name: "Grace Okafor", staffNumber: "BHC-1043", providerName: "Brightside Home Care" },
      { id: 2, name: "Chloe Barker", staffNumber: null, providerName: "Brightside Home Care" },
    ],
    tasks: [
      { id: 10, name: "Eye drops" },
      { id: 11, name: "Urinary catheter care" },
    ],
    cellsOf: (workerId: number, taskId: number) => (workerId === 2 && taskId === 11 ? [cell("suspended")] : []),
    trainingOf: (workerId: number, taskId: number) => (workerId === 1 && taskId === 10 ? { heldOn: "2026-11-03", outcome: "completed" as const } : null),
  };

  it("names each worker by name, staff number and provider, then one column per task in the page's words", () => {
    expect(matrixCsvRows(matrix)).toEqual([
      ["Care worker", "Staff number", "Provider", "Eye drops", "Urinary catheter care"],
      ["Grace Okafor", "BHC-1043", "Brightside Home Care", "Training completed on 3 November 2026, not yet assessed", "Not trained"],
      ["Chloe Barker", "Not recorded", "Brightside Home Care", "Not trained", "Suspended since 13 November 2026"],
    ]);
  });

  it("leaves no cell empty", () => {
    const text = toCsv(matrixCsvRows(matrix));
    expect(text).not.toContain('""');
  });
});

describe("a task with no competency", () => {
  it("says the training recorded, or 'Not trained' only when there is none", () => {
    expect(noCompetencyText(null)).toBe("Not trained");
    expect(noCompetencyText({ heldOn: "2026-11-03", outcome: "completed" })).toBe("Training completed on 3 November 2026, not yet assessed");
    expect(noCompetencyText({ heldOn: "2026-11-03", outcome: "attended" })).toBe("Training attended on 3 November 2026, not yet assessed");
    expect(noCompetencyText({ heldOn: "2025-10-07", outcome: "did_not_complete" })).toBe("Did not complete training on 7 October 2025");
    // A competency speaks for itself: training is said only where there is none.
    expect(cellsText([cell("competent")], { heldOn: "2026-11-03", outcome: "completed" })).toBe("Competent, expires 2 October 2027");
    expect(cellsText([], { heldOn: "2026-11-03", outcome: "completed" })).toBe("Training completed on 3 November 2026, not yet assessed");
  });
});
