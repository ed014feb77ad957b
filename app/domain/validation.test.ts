import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkbox, dateInput, optionalText, requiredText, selectedId, wholeNumber, emailAddress, hasHiddenCharacters, idParam, nameText, nhsNumber, optionalDateInput, optionalNameText } from "./validation";
import { DATE_WINDOWS } from "./date-windows";

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("form validation messages", () => {
  it("dates: missing, partial, impossible, future", () => {
    const dob = dateInput("Date of birth", DATE_WINDOWS.dateOfBirth("2026-11-22"), { missing: "Enter their date of birth" });
    expect(messages(dob, { day: "", month: "", year: "" })).toEqual(["Enter their date of birth"]);
    expect(messages(dob, { day: "4", month: "", year: "1940" })).toEqual(["Date of birth must include a month"]);
    expect(messages(dob, { day: "31", month: "2", year: "1940" })).toEqual(["Date of birth must be a real date"]);
    expect(messages(dob, { day: "1", month: "1", year: "40" })).toEqual(["Date of birth must have a year with 4 numbers, like 1946"]);
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
    expect(messages(nhsNumber, "000 000 0000")).toEqual(["Enter a real NHS number: 10 of the same digit, like 000 000 0000, is not one"]);
  });

  // Issue 12, finding 11: look-alike names.
  it("names refuse hidden characters: bidi overrides, zero-width and other invisible marks", () => {
    const name = nameText("Enter the person's full name", "Full name");
    expect(name.parse("  Siân O'Neill-Nwosu ")).toBe("Siân O'Neill-Nwosu");
    expect(name.parse("李小龍")).toBe("李小龍");
    const hidden = "Full name must not include hidden characters, such as right-to-left or zero-width marks. Type it in rather than copying and pasting it";
    for (const sneaky of ["Edith \u202eekralC", "Edi\u200bth Clarke", "Edith\u200d Clarke", "\u2066Edith\u2069", "Edith\ufeffClarke", "Edith\u00adClarke", "Edith\u3164", "Edith\u2028Clarke", "Edith\u0000"]) {
      expect(hasHiddenCharacters(sneaky), JSON.stringify(sneaky)).toBe(true);
      expect(messages(name, sneaky), JSON.stringify(sneaky)).toEqual([hidden]);
    }
    expect(messages(name, "")).toEqual(["Enter the person's full name"]);
    const optional = optionalNameText("Representative's name");
    expect(optional.parse(undefined)).toBe("");
    expect(messages(optional, "Jo\u202eBloggs")[0]).toMatch(/^Representative's name must not include hidden characters/);
  });

  // Issue 12, finding 12: /agreements/0x3, /1e0, /+3 opened agreement 3.
  it("ids are canonical decimals only", () => {
    expect(idParam.parse("3")).toBe(3);
    expect(idParam.parse("1234567")).toBe(1234567);
    for (const odd of ["0x3", "1e0", "+3", "03", " 3", "3 ", "3.0", "0", "-3", "", "Infinity", "0b11", "३", "9999999999999999"]) {
      expect(idParam.safeParse(odd).success, JSON.stringify(odd)).toBe(false);
    }
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

  it("text names its field when it is too long, and says what to do when it is empty", () => {
    expect(messages(requiredText("Reason"), "")).toEqual(["Enter the reason"]);
    expect(messages(requiredText("Reason", "Say why the session is cancelled", 10), "")).toEqual(["Say why the session is cancelled"]);
    expect(messages(requiredText("Reason", "Say why", 10), "x".repeat(11))).toEqual(["Reason must be 10 characters or fewer"]);
    expect(messages(optionalText("Full name"), "x".repeat(201))).toEqual(["Full name must be 200 characters or fewer"]);
    expect(messages(nameText("Enter the person's full name", "Full name"), "x".repeat(201))).toEqual(["Full name must be 200 characters or fewer"]);
    expect(messages(optionalText("Notes", 5000), "x".repeat(5001))).toEqual(["Notes must be 5000 characters or fewer"]);
    expect(messages(optionalText("ODS code", 10), 42)).toEqual(["Enter ODS code as text"]);
    expect(optionalText("Notes").parse(undefined)).toBe("");
  });

  it("whole numbers: empty, letters, NaN, decimals and out of range each say what to type", () => {
    const n = wholeNumber("Supervised observations needed", { min: 1, max: 20, example: 3 });
    expect(messages(n, "")).toEqual(["Enter supervised observations needed"]);
    expect(messages(n, "ten")).toEqual(["Supervised observations needed must be a number, like 3"]);
    expect(messages(n, "NaN")).toEqual(["Supervised observations needed must be a number, like 3"]);
    expect(messages(n, "2.5")).toEqual(["Supervised observations needed must be a whole number from 1 to 20"]);
    expect(messages(n, "21")).toEqual(["Supervised observations needed must be a whole number from 1 to 20"]);
    expect(n.parse(" 3 ")).toBe(3);
  });

  it("a list choice says what to select, whatever was sent", () => {
    for (const v of ["", "abc", "-1", "1.5", undefined]) expect(messages(selectedId("Select the care provider"), v)).toEqual(["Select the care provider"]);
    expect(selectedId("Select the care provider").parse("4")).toBe(4);
  });

  it("a start date's missing message and example read as the service manual asks", () => {
    const start = dateInput("Start date", DATE_WINDOWS.agreementStart("2026-11-30"));
    expect(messages(start, { day: "", month: "", year: "" })).toEqual(["Enter the start date"]);
    expect(messages(start, { day: "31", month: "02", year: "2026" })).toEqual(["Start date must be a real date"]);
    expect(messages(start, { day: "1", month: "2", year: "26" })).toEqual(["Start date must have a year with 4 numbers, like 2026"]);
  });

  it("no message from a building block uses developer words", () => {
    const DEVELOPER = /invalid|expected|received|NaN|undefined|null|\bstring\b|\bnumber\b(?! of)/i;
    const samples = [
      ...messages(requiredText("Reason"), 42),
      ...messages(optionalText("Notes"), 42),
      ...messages(wholeNumber("Days", { min: 1, max: 9, example: 3 }), 42),
      ...messages(selectedId("Select the task"), {}),
      ...messages(checkbox, "maybe"),
      ...messages(emailAddress(), 42),
      ...messages(dateInput("Start date", DATE_WINDOWS.agreementStart("2026-11-30")), "x"),
    ];
    expect(samples.length).toBeGreaterThan(5);
    for (const m of samples) expect(m).not.toMatch(DEVELOPER);
  });
});
