import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DATE_WINDOWS } from "./date-windows";
import { checkbox, dateInput, emailAddress, nhsNumber, optionalDateInput } from "./validation";

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("form validation messages", () => {
  it("dates: missing, partial, impossible, future", () => {
    const dob = dateInput("Date of birth", DATE_WINDOWS.dateOfBirth("2026-11-22"));
    expect(messages(dob, { day: "", month: "", year: "" })).toEqual(["Enter date of birth"]);
    expect(messages(dob, { day: "4", month: "", year: "1940" })).toEqual(["Date of birth must include a month"]);
    expect(messages(dob, { day: "31", month: "2", year: "1940" })).toEqual(["Date of birth must be a real date"]);
    expect(messages(dob, { day: "1", month: "1", year: "40" })).toEqual(["Date of birth: year must include 4 numbers"]);
    expect(messages(dob, { day: "23", month: "11", year: "2026" })).toEqual(["Date of birth must be today or in the past"]);
    expect(dob.parse({ day: "22", month: "11", year: "2026" })).toBe("2026-11-22");
  });

  it("dates outside their window are refused, naming the field and the range", () => {
    const start = dateInput("Start date", DATE_WINDOWS.agreementStart("2026-11-30"));
    expect(messages(start, { day: "1", month: "1", year: "1900" })).toEqual(["Start date must be between 30 November 2025 and 30 November 2027"]);
    expect(messages(start, { day: "1", month: "1", year: "0001" })).toEqual(["Start date must be between 30 November 2025 and 30 November 2027"]);
    expect(messages(start, { day: "31", month: "12", year: "9999" })).toEqual(["Start date must be between 30 November 2025 and 30 November 2027"]);
    expect(start.parse({ day: "30", month: "11", year: "2027" })).toBe("2027-11-30");
    expect(start.parse({ day: "30", month: "11", year: "2025" })).toBe("2025-11-30");
    expect(messages(start, { day: "1", month: "12", year: "2027" })).toHaveLength(1);
    expect(messages(start, { day: "29", month: "11", year: "2025" })).toHaveLength(1);
  });

  it("an optional date left empty is null; half-filled is an error", () => {
    const d = optionalDateInput("Date they left", DATE_WINDOWS.joinedProvider("2026-11-22"));
    expect(d.parse({ day: "", month: "", year: "" })).toBeNull();
    expect(messages(d, { day: "1", month: "", year: "" })).toEqual(["Date they left must include a month"]);
  });

  it("NHS numbers are checked and stored without spaces", () => {
    expect(nhsNumber.parse("943 476 5919")).toBe("9434765919");
    expect(messages(nhsNumber, "943 476 5918")).toEqual(["Enter a valid NHS number: this one fails the NHS number check"]);
    expect(messages(nhsNumber, "12345")).toEqual(["NHS number must be 10 digits"]);
    expect(messages(nhsNumber, "")).toEqual(["Enter the NHS number"]);
  });

  it("email addresses are lower-cased and must look like one", () => {
    expect(emailAddress().parse(" Nadia@Example.org ")).toBe("nadia@example.org");
    expect(messages(emailAddress(), "nadia")).toEqual(["Enter an email address in the correct format, like name@example.org"]);
  });

  it("a checkbox is ticked or absent", () => {
    const form = z.object({ ok: checkbox });
    expect(form.parse({ ok: "yes" })).toEqual({ ok: true });
    expect(form.parse({})).toEqual({ ok: false });
    expect(form.safeParse({ ok: "<script>" }).success).toBe(false);
  });
});
