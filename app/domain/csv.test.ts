import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

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

  it("writes empty cells for missing values", () => {
    expect(toCsv([[null, undefined, 0]])).toBe('\uFEFF"","","0"\r\n');
  });
});
