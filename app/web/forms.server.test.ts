import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RuleError } from "~/models/errors.server";
import type { AppContext } from "~/web/context.server";
import { fieldOrder, formValues, inFieldOrder, rejectRuleError, ruleFormErrors, toFormErrors, withDates } from "~/web/forms.server";

describe("reading a submitted form", () => {
  it("keeps the first value of a field, every value of an array field, and any field name", () => {
    const form = new FormData();
    for (const [k, v] of [["name", "Edith"], ["name", "second"], ["taskIds", "1"], ["taskIds", "2"], ["toString", "x"], ["__proto__", "y"], ["constructor", "z"]] as const) form.append(k, v);
    const values = formValues(form, ["taskIds", "workerIds"]);
    expect(values).toEqual({ name: "Edith", taskIds: ["1", "2"], workerIds: [], toString: "x", ["__proto__"]: "y", constructor: "z" });
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it("stores a text area's line breaks as a browser sends them (\\r\\n) as \\n, in every field", () => {
    const form = new FormData();
    form.append("instructions", "1. Check blood glucose.\r\n2. Give 8 units.\r3. Record it.");
    form.append("notes", "a\r\nb");
    form.append("notes", "c\r\nd");
    expect(formValues(form, ["notes"])).toEqual({ instructions: "1. Check blood glucose.\n2. Give 8 units.\n3. Record it.", notes: ["a\nb", "c\nd"] });
  });

  // Issue 12, finding 1: reading formData.get(key) once per key was quadratic.
  it("reads 80,000 fields in one pass", () => {
    const form = new FormData();
    for (let i = 0; i < 80_000; i++) form.append(`f${i}`, "x");
    const values = formValues(form);
    expect(Object.keys(values)).toHaveLength(80_000);
    expect(values.f79999).toBe("x");
  });
});

describe("error summary messages and order", () => {
  it("lists errors in the form's field order, cross-field checks included (the organisation form)", async () => {
    const { organisationSchema, ORGANISATION_DATE_FIELDS } = await import("~/forms/organisation.server");
    const schema = organisationSchema("provider", "2026-12-01");
    const input = withDates({ name: "", cqcLocationId: "x", email: "bad", insuranceConfirmed: "yes", regulatedActivities: [], linkedProviders: [] }, ORGANISATION_DATE_FIELDS);
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    const errors = toFormErrors(parsed.error!.issues, ORGANISATION_DATE_FIELDS, schema);
    expect(errors.map((e) => e.field)).toEqual(["name", "cqcLocationId", "email", "insurer", "insuranceConfirmedOn"]);
    const phone = schema.safeParse({ ...input, phone: "call me" });
    expect(toFormErrors(phone.error!.issues, ORGANISATION_DATE_FIELDS, schema).find((e) => e.field === "phone")?.message).toBe(
      "Enter phone number in the correct format, like 0161 496 0100 or +44 161 496 0100",
    );
    expect(errors.find((e) => e.field === "insuranceConfirmedOn")?.href).toBe("#insuranceConfirmedOn-day");
  });

  it("never shows zod's own English: a message it wrote is replaced by one naming the field", () => {
    const schema = z.object({ linkedProviders: z.array(z.coerce.number().int().positive()), teamId: z.coerce.number(), note: z.string().max(5) });
    const parsed = schema.safeParse({ linkedProviders: ["x"], teamId: "abc", note: "too long" });
    const errors = toFormErrors(parsed.error!.issues, [], schema);
    expect(errors.map((e) => e.message)).toEqual([
      "Check linked providers: enter it again as the form asks",
      "Check team: enter it again as the form asks",
      "Note must be 5 characters or fewer",
    ]);
  });

  it("reads the field order through refinements and transforms", () => {
    const schema = z.object({ b: z.string(), a: z.string() }).superRefine(() => undefined).transform((v) => v);
    expect(fieldOrder(schema)).toEqual(["b", "a"]);
    expect(inFieldOrder([{ field: "a", message: "A", href: "#a" }, { field: "form", message: "F", href: "#f" }, { field: "b", message: "B", href: "#b" }], ["b", "a"]).map((e) => e.field)).toEqual(["b", "a", "form"]);
  });
});

describe("a model's rule problems on the form", () => {
  const problems = [
    { field: "form", message: "This care worker has left their provider" },
    { field: "observedOn", message: "Observation date must be today or in the past" },
    { field: "taskId", message: "Select a task from the catalogue" },
  ];

  it("shows each problem at its field, one tied to none at the fallback, dates at their day box", () => {
    expect(ruleFormErrors(problems, { fallback: "taskId", dateFields: ["observedOn"] })).toEqual([
      { field: "taskId", message: "This care worker has left their provider", href: "#taskId" },
      { field: "observedOn", message: "Observation date must be today or in the past", href: "#observedOn-day" },
      { field: "taskId", message: "Select a task from the catalogue", href: "#taskId" },
    ]);
  });

  it("shows a problem at a field this form does not have at the fallback", () => {
    expect(ruleFormErrors(problems, { fallback: "reason", fields: [] }).map((e) => e.href)).toEqual(["#reason", "#reason", "#reason"]);
  });

  it("answers a RuleError with a 400 and what was typed, and throws anything else on", async () => {
    const context = {} as AppContext;
    const response = rejectRuleError(context, new RuleError(problems.slice(2)), { taskId: "9" }, { fallback: "taskId" });
    expect(response.init?.status).toBe(400);
    expect(response.data).toEqual({ errors: [{ field: "taskId", message: "Select a task from the catalogue", href: "#taskId" }], values: { taskId: "9" } });
    expect(context.formRejected).toBe(true);
    const other = new Error("disk full");
    expect(() => rejectRuleError(context, other, {}, { fallback: "taskId" })).toThrow(other);
  });
});
