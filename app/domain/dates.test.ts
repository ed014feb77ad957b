import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dateFromFields,
  dateToFields,
  daysBetween,
  formatDate,
  formatDateTime,
  isIsoDate,
  londonDate,
} from "./dates";

describe("London calendar day", () => {
  it("is the UTC day in winter (GMT)", () => {
    expect(londonDate(new Date("2026-11-22T23:59:00Z"))).toBe("2026-11-22");
  });

  it("moves to the next day at 23:00 UTC in British Summer Time", () => {
    expect(londonDate(new Date("2026-07-01T22:59:59Z"))).toBe("2026-07-01");
    expect(londonDate(new Date("2026-07-01T23:00:00Z"))).toBe("2026-07-02");
  });

  it("follows the switch into BST (last Sunday of March) and out (last Sunday of October)", () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026.
    expect(londonDate(new Date("2026-03-28T23:30:00Z"))).toBe("2026-03-28");
    expect(londonDate(new Date("2026-03-29T23:30:00Z"))).toBe("2026-03-30");
    // Clocks go back at 01:00 UTC on 25 October 2026.
    expect(londonDate(new Date("2026-10-24T23:30:00Z"))).toBe("2026-10-25");
    expect(londonDate(new Date("2026-10-25T23:30:00Z"))).toBe("2026-10-25");
  });
});

describe("date arithmetic", () => {
  it("adds months, falling back to the month's last day", () => {
    expect(addMonths("2026-11-22", 12)).toBe("2027-11-22");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2027-02-28", 12)).toBe("2028-02-28");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
  });

  it("adds days across month, year and DST boundaries", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("counts whole days between calendar days", () => {
    expect(daysBetween("2026-11-22", "2027-02-20")).toBe(90);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-11-22", "2026-11-21")).toBe(-1);
  });

  it("knows real dates", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2026-02-31")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("22/11/2026")).toBe(false);
  });
});

describe("UK formats", () => {
  it("shows days as 22 November 2026", () => {
    expect(formatDate("2026-11-22")).toBe("22 November 2026");
    expect(formatDate("2026-03-01")).toBe("1 March 2026");
    expect(formatDate(null)).toBe("");
  });

  it("shows instants in London time", () => {
    expect(formatDateTime("2026-11-22T14:05:00Z")).toBe("22 November 2026 at 2:05pm");
    expect(formatDateTime("2026-07-01T23:30:00Z")).toBe("2 July 2026 at 12:30am");
  });
});

describe("three-field date input", () => {
  it("reads a real date", () => {
    expect(dateFromFields({ day: "9", month: "3", year: "1941" })).toEqual({ ok: true, date: "1941-03-09" });
    expect(dateFromFields({ day: " 29", month: "02", year: "2028" })).toEqual({ ok: true, date: "2028-02-29" });
  });

  it("says what is wrong", () => {
    expect(dateFromFields({ day: "", month: "3", year: "1941" })).toEqual({ ok: false, problem: "missing" });
    expect(dateFromFields({ day: "31", month: "2", year: "2026" })).toEqual({ ok: false, problem: "not_real" });
    expect(dateFromFields({ day: "1", month: "1", year: "41" })).toEqual({ ok: false, problem: "year_format" });
    expect(dateFromFields({ day: "x", month: "1", year: "1941" })).toEqual({ ok: false, problem: "not_real" });
  });

  it("fills the fields back from a stored date", () => {
    expect(dateToFields("1941-03-09")).toEqual({ day: "9", month: "3", year: "1941" });
    expect(dateToFields(null)).toEqual({ day: "", month: "", year: "" });
  });
});
