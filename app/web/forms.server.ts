import { data } from "@remix-run/node";
import type { z } from "zod";
import type { FormErrors } from "~/components/nhs/form-errors";
import { RuleError, type RuleProblem } from "~/models/errors.server";
import type { AppContext } from "~/web/context.server";

export type FormValues = Record<string, string | string[]>;

/**
 * Reads a submitted form into plain values. Fields named in `arrays` keep every value
 * (checkboxes); three-field dates (`x-day`, `x-month`, `x-year`) stay as they were typed so a
 * rejected form can be shown again exactly. Line breaks are stored as "\n" whatever sent them:
 * a browser sends a text area's as "\r\n", which would otherwise reach what people sign.
 */
export function formValues(formData: FormData, arrays: string[] = []): FormValues {
  // One pass over the entries: reading formData.get(key) per key is quadratic in the number of
  // fields, which let one request with 80,000 fields hold the server (issue 12, finding 1).
  const values: FormValues = Object.create(null);
  const arrayFields = new Set(arrays);
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    const v = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
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

/**
 * Zod issues as the NHS error summary wants them: one message a field, in the order the fields
 * appear on the form. Pass the form's `schema` and the order is its fields' order (the form draws
 * its fields in the schema's order), whatever order zod found the problems in: a cross-field
 * check (superRefine) reports after every single-field one, which put "Email" above "CQC
 * location ID" on the organisation form (issue 14). A message zod wrote itself ("Invalid
 * input: expected number, received NaN") never reaches the page: it is replaced by one that
 * names the field and says what to do (see `plainMessage`).
 */
export function toFormErrors(issues: z.core.$ZodIssue[], dateFields: string[] = [], schema?: z.ZodType): FormErrors {
  const errors: FormErrors = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors.some((e) => e.field === field)) continue;
    const href = dateFields.includes(field) ? `#${field}-${dateSubfield(issue)}` : `#${field}`;
    errors.push({ field, message: plainMessage(issue, field), href });
  }
  return schema ? inFieldOrder(errors, fieldOrder(schema)) : errors;
}

/** Errors sorted by where their field comes in `order`; fields not in it keep their place at the end. */
export function inFieldOrder(errors: FormErrors, order: readonly string[]): FormErrors {
  const rank = (field: string) => {
    const i = order.indexOf(field);
    return i === -1 ? order.length : i;
  };
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e.field) - rank(b.e.field) || a.i - b.i)
    .map(({ e }) => e);
}

/** The field names of a form schema, in order: the object inside any refinements, transforms and pipes. */
export function fieldOrder(schema: z.ZodType): string[] {
  let current: unknown = schema;
  for (let depth = 0; depth < 10 && current && typeof current === "object"; depth++) {
    if ("shape" in current && current.shape && typeof current.shape === "object") return Object.keys(current.shape);
    current = "in" in current ? current.in : undefined;
  }
  return [];
}

/**
 * Zod's own English starts like this; every message written for a field in this product does
 * not. Kept as a last line of defence: a new field whose schema forgot its message still shows
 * words a user can act on.
 */
const ZOD_OWN_WORDS = /^(Invalid|Too (big|small)|Unrecognized|Expected|Required)\b|\b(expected|received|NaN|undefined|null)\b/;

/** The message to show for an issue: its own, unless it is zod's English, then a plain one naming the field. */
export function plainMessage(issue: z.core.$ZodIssue, field: string): string {
  if (!ZOD_OWN_WORDS.test(issue.message)) return issue.message;
  const label = fieldLabel(field);
  if (issue.code === "too_big" && typeof issue.maximum === "number" && issue.origin === "string") {
    return `${label} must be ${issue.maximum} characters or fewer`;
  }
  if (issue.code === "too_small" && issue.origin === "array") return `Select ${label.toLowerCase()}`;
  return `Check ${label.toLowerCase()}: enter it again as the form asks`;
}

/** "linkedProviders" -> "Linked providers", "taskIds" -> "Tasks", "personId" -> "Person". */
export function fieldLabel(field: string): string {
  const words = field
    .replace(/Ids$/, "s")
    .replace(/Id$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
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

/** Where a form shows a model's rule problems (see `rejectRuleError`). */
export type RuleFields = {
  /** The field a problem is shown at when it names none of `fields` (or names "form"). */
  fallback: string;
  /** The fields of this form a problem may name; without it, any field a problem names. */
  fields?: readonly string[];
  /** Three-field dates: a problem at one links to its day box. */
  dateFields?: readonly string[];
  /** The order the fields appear on the page, when it is not the order the model found the problems in. */
  order?: readonly string[];
};

/** A model's rule problems as form errors, each at its field or at `fallback`. */
export function ruleFormErrors(problems: RuleProblem[], { fallback, fields, dateFields = [], order }: RuleFields): FormErrors {
  const errors = problems.map((p) => {
    const field = p.field === "form" || (fields && !fields.includes(p.field)) ? fallback : p.field;
    return { field, message: p.message, href: dateFields.includes(field) ? `#${field}-day` : `#${field}` };
  });
  return order ? inFieldOrder(errors, order) : errors;
}

/**
 * The one way a route answers a model's `RuleError`: the form again with a 400, each problem at
 * its field, nothing written. Any other error is thrown on. Use it as a write's `catch`:
 * `catch (error) { return rejectRuleError(context, error, values, { fallback: "reason" }); }`.
 */
export function rejectRuleError(context: AppContext, error: unknown, values: FormValues, where: RuleFields) {
  if (!(error instanceof RuleError)) throw error;
  return rejectForm(context, ruleFormErrors(error.problems, where), values);
}
