import { data } from "@remix-run/node";
import type { z } from "zod";
import type { FormErrors } from "~/components/nhs/form-errors";
import type { AppContext } from "./context.server";

export type FormValues = Record<string, string | string[]>;

/**
 * Reads a submitted form into plain values. Fields named in `arrays` keep every value
 * (checkboxes); three-field dates (`x-day`, `x-month`, `x-year`) stay as they were typed so a
 * rejected form can be shown again exactly.
 */
export function formValues(formData: FormData, arrays: string[] = []): FormValues {
  // One pass over the entries: reading formData.get(key) per key is quadratic in the number of
  // fields, which let one request with 80,000 fields hold the server (issue 12, finding 1).
  const values: FormValues = Object.create(null);
  const arrayFields = new Set(arrays);
  for (const [key, v] of formData.entries()) {
    if (typeof v !== "string") continue;
    if (arrayFields.has(key)) {
      const list = values[key];
      if (Array.isArray(list)) list.push(v);
      else values[key] = [v];
    } else if (!(key in values)) {
      values[key] = v;
    }
  }
  for (const key of arrays) values[key] ??= [];
  return { ...values };
}

/** Groups `x-day`, `x-month`, `x-year` into `{ x: { day, month, year } }` for a date schema. */
export function withDates(values: FormValues, dateFields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const name of dateFields) {
    out[name] = {
      day: values[`${name}-day`] ?? "",
      month: values[`${name}-month`] ?? "",
      year: values[`${name}-year`] ?? "",
    };
  }
  return out;
}

/** Zod issues as the NHS error summary wants them: one message a field, in form order. */
export function toFormErrors(issues: z.core.$ZodIssue[], dateFields: string[] = []): FormErrors {
  const errors: FormErrors = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors.some((e) => e.field === field)) continue;
    const href = dateFields.includes(field) ? `#${field}-${dateSubfield(issue)}` : `#${field}`;
    errors.push({ field, message: issue.message, href });
  }
  return errors;
}

function dateSubfield(issue: z.core.$ZodIssue): "day" | "month" | "year" {
  const part = issue.path[1];
  return part === "month" || part === "year" ? part : "day";
}

/** A rejected form: 400 with the messages and what was typed; nothing was written. */
export function rejectForm(context: AppContext, errors: FormErrors, values: FormValues) {
  context.formRejected = true;
  return data({ errors, values }, { status: 400 });
}

export function formError(field: string, message: string, href = `#${field}`): FormErrors {
  return [{ field, message, href }];
}

/** A model's RuleError as form errors; problems not tied to a field point at `fallback`. */
export function ruleProblems(problems: { field: string; message: string }[], fallback: string, dateFields: string[] = []): FormErrors {
  return problems.map((p) => {
    const field = p.field === "form" ? fallback : p.field;
    return { field, message: p.message, href: dateFields.includes(field) ? `#${field}-day` : `#${field}` };
  });
}
