import { describe, expect, it } from "vitest";
import { agreementsCell, personInitialsCell, toCsv, WORKER_COLUMNS, workerCells } from "./csv";

describe("CSV export", () => {
  it("starts with a BOM, quotes every field and ends lines with CRLF", () => {
    expect(toCsv([["Name", "Status"], ["Maria Santos", "Competent"]])).toBe('\uFEFF"Name","Status"\r\n"Maria Santos","Competent"\r\n');
  });

  it("escapes quotes and keeps commas and new lines inside a field", () => {
    expect(toCsv([['Said "no", twice\nthen left']])).toBe('\uFEFF"Said ""no"", twice\nthen left"\r\n');
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(toCsv([["=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "ok"]])).toBe(
      '\uFEFF"\'=HYPERLINK(""x"")","\'+1","\'-1","\'@SUM(A1)","ok"\r\n',
    );
  });

  // Issue 12, finding 12: the fullwidth ＝ got through.
  it("defuses fullwidth formula signs and ones behind leading whitespace", () => {
    for (const cell of ["\uFF1DSUM(A1)", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", " =1+1", "\t=1+1", "\r=1+1", "\n=1+1", "\u3000=1", "\u00A0+1", "\tplain", "\rplain"]) {
      expect(toCsv([[cell]]), JSON.stringify(cell)).toBe(`\uFEFF"'${cell}"\r\n`);
    }
    expect(toCsv([["Edith = well", "1-2"]])).toBe('\uFEFF"Edith = well","1-2"\r\n');
  });

  it("writes empty cells for missing values", () => {
    expect(toCsv([[null, undefined, 0]])).toBe('\uFEFF"","","0"\r\n');
  });
});

describe("how exports name people and records (decision record 018)", () => {
  it("a care worker by name, staff number and provider, a missing staff number in words", () => {
    expect([...WORKER_COLUMNS]).toEqual(["Care worker", "Staff number", "Provider"]);
    expect(workerCells({ name: "Grace Okafor", staffNumber: "BHC-1043", providerName: "Brightside Home Care" })).toEqual(["Grace Okafor", "BHC-1043", "Brightside Home Care"]);
    expect(workerCells({ name: "Chloe Barker", staffNumber: " ", providerName: "Brightside Home Care" })).toEqual(["Chloe Barker", "Not recorded", "Brightside Home Care"]);
  });

  it("every agreement by reference, once each, or 'None'", () => {
    expect(agreementsCell(["DA-2026-000003", "DA-2026-000007", "DA-2026-000003"])).toBe("DA-2026-000003; DA-2026-000007");
    expect(agreementsCell([])).toBe("None");
  });

  it("a person by initials, or 'Not applicable'", () => {
    expect(personInitialsCell("E. C.")).toBe("E. C.");
    expect(personInitialsCell(null)).toBe("Not applicable");
  });
});
