import { z } from "zod";
import { dateWindowProblem, exampleDate, type DateWindow } from "./date-windows";
import { dateFromFields, type IsoDate } from "./dates";
import { nhsNumberProblem, normaliseNhsNumber } from "./nhs-number";
import { formatUkPhone, normaliseUkPostcode, ukPhoneProblem } from "./uk-contact";

/**
 * Zod building blocks for forms, with messages in the NHS service manual's style. Used only by
 * server code (app/forms); the schemas built at module level are marked pure so that a route
 * importing a block for its action leaves none of this, and no zod, in its browser chunk
 * (docs/decisions/026-enums-and-form-schemas.md).
 */

export const MAX_TEXT = 200;
export const MAX_LONG_TEXT = 5000;

/** "Full name must be 200 characters or fewer": every length message names its field. */
export function tooLongMessage(label: string, max: number): string {
  return `${label} must be ${max} characters or fewer`;
}

/**
 * Text that must be given. `label` names the field in every message ("Reason"); `message` is
 * what to say when it is left empty ("Enter the reason"), by default "Enter the <label>".
 */
export function requiredText(label: string, message = `Enter the ${lowerFirst(label)}`, max = MAX_TEXT) {
  return z
    .string({ message })
    .trim()
    .min(1, message)
    .max(max, tooLongMessage(label, max));
}

/** Text that may be left empty ("" when not given); `label` names the field in its messages. */
export function optionalText(label: string, max = MAX_TEXT) {
  return z
    .string({ message: `Enter ${lowerFirst(label)} as text` })
    .trim()
    .max(max, tooLongMessage(label, max))
    .optional()
    .transform((v) => v ?? "");
}

/**
 * A whole number typed into a text field ("Supervised observations needed"): empty, letters
 * ("ten", "NaN") and numbers out of range each get a message naming the field and saying what
 * to type, never zod's own words. `example` is a realistic value ("like 3").
 */
export function wholeNumber(label: string, { min, max, example }: { min: number; max: number; example: number }) {
  const range = `${label} must be a whole number from ${min} to ${max}`;
  return z
    .string({ message: `Enter ${lowerFirst(label)}` })
    .trim()
    .min(1, `Enter ${lowerFirst(label)}`)
    .transform((v, ctx) => {
      if (!/^-?\d+(\.\d+)?$/.test(v)) {
        ctx.addIssue({ code: "custom", message: `${label} must be a number, like ${example}` });
        return z.NEVER;
      }
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: range });
        return z.NEVER;
      }
      return n;
    });
}

/** A choice from a list of records (a select or radios of ids): `message` says what to select. */
export function selectedId(message: string) {
  return z.coerce.number({ message }).int(message).positive(message);
}

/**
 * Characters that change how a name reads without being seen: control characters, bidi
 * controls (U+202E turns "Smith" around), zero-width and other format characters, line and
 * paragraph separators, and the blank "filler" letters that render as nothing.
 */
const HIDDEN_IN_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800]/u;

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN_IN_NAME.test(text);
}

function hiddenCharacterMessage(label: string) {
  return `${label} must not include hidden characters, such as right-to-left or zero-width marks. Type it in rather than copying and pasting it`;
}

/**
 * A name (of a person, care worker, user, organisation, representative, or as signed on paper):
 * text that reads as it looks. Look-alike names made with hidden characters are refused
 * (issue 12, finding 11). `label` names the field in the message ("Full name").
 */
export function nameText(message: string, label: string, max = MAX_TEXT) {
  return requiredText(label, message, max).refine((v) => !hasHiddenCharacters(v), hiddenCharacterMessage(label));
}

/** An optional name: empty is "not given"; otherwise as nameText. */
export function optionalNameText(label: string, max = MAX_TEXT) {
  return optionalText(label, max).refine((v) => !hasHiddenCharacters(v), hiddenCharacterMessage(label));
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { message });
}

/** A single checkbox: present ("yes") when ticked, absent when not. */
export const checkbox = /* @__PURE__ */ z
  .enum(["yes", "on", "true", ""], { message: "Tick the box or leave it empty, then save again" })
  .optional()
  .transform((v) => v === "yes" || v === "on" || v === "true");

/**
 * An email address, stored lower case. Without options the field is "Email address"; a form
 * with more than one names each ("Help email address") and gives its own example.
 */
export function emailAddress({ label, example = "name@example.org" }: { label?: string; example?: string } = {}) {
  const empty = label ? `Enter the ${lowerFirst(label)}, like ${example}` : "Enter an email address";
  const format = label ? `Enter the ${lowerFirst(label)} in the correct format, like ${example}` : `Enter an email address in the correct format, like ${example}`;
  return z
    .string({ message: empty })
    .trim()
    .min(1, empty)
    .max(254, `${label ?? "Email address"} must be 254 characters or fewer`)
    .pipe(z.email(format))
    .transform((v) => v.toLowerCase());
}

export const nhsNumber = /* @__PURE__ */ z
  .string({ message: "Enter the NHS number" })
  .transform((v, ctx) => {
    const problem = nhsNumberProblem(v);
    if (problem === "empty") ctx.addIssue({ code: "custom", message: "Enter the NHS number" });
    else if (problem === "not_ten_digits") ctx.addIssue({ code: "custom", message: "NHS number must be 10 digits" });
    else if (problem === "check_digit")
      ctx.addIssue({ code: "custom", message: "Enter a valid NHS number: this one fails the NHS number check" });
    else if (problem === "same_digit")
      ctx.addIssue({ code: "custom", message: "Enter a real NHS number: 10 of the same digit, like 000 000 0000, is not one" });
    return normaliseNhsNumber(v);
  });

const DateFields = /* @__PURE__ */ z.object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() });

/** The three boxes of a date; anything else sent in their place asks for the date again, naming it. */
function dateFields(label: string) {
  const message = `Enter the ${lowerFirst(label)} as a day, month and year`;
  const part = z.string({ message }).optional();
  return z.object({ day: part, month: part, year: part }, { message });
}

/**
 * The three-field date input; `label` names the date in messages ("Date of birth"). Every date
 * has a window (app/domain/date-windows.ts, docs/domain.md rule 8): there is no date field
 * without one.
 */
export function dateInput(label: string, window: DateWindow, { missing }: { missing?: string } = {}) {
  return dateFields(label).transform((fields, ctx): IsoDate => checkDate(label, window, fields, ctx, missing));
}

/** An optional three-field date: all three left empty means "not given" (null). */
export function optionalDateInput(label: string, window: DateWindow) {
  return dateFields(label).transform((fields, ctx): IsoDate | null => {
    if (!fields.day?.trim() && !fields.month?.trim() && !fields.year?.trim()) return null;
    return checkDate(label, window, fields, ctx, undefined);
  });
}

function checkDate(
  label: string,
  window: DateWindow,
  fields: z.infer<typeof DateFields>,
  ctx: z.RefinementCtx,
  missingMessage: string | undefined,
): IsoDate {
      const result = dateFromFields(fields);
      if (!result.ok) {
        const missing = !fields.day?.trim() ? "day" : !fields.month?.trim() ? "month" : "year";
        const allEmpty = !fields.day?.trim() && !fields.month?.trim() && !fields.year?.trim();
        const message =
          result.problem === "missing"
            ? allEmpty
              ? (missingMessage ?? `Enter the ${lowerFirst(label)}`)
              : `${label} must include a ${missing}`
            : result.problem === "year_format"
              ? `${label} must have a year with 4 numbers, like ${exampleDate(window).slice(0, 4)}`
              : `${label} must be a real date`;
        ctx.addIssue({ code: "custom", message, path: result.problem === "year_format" ? ["year"] : result.problem === "missing" ? [missing] : [] });
        return z.NEVER;
      }
      const problem = dateWindowProblem(label, result.date, window);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return result.date;
}

/**
 * A record id from a URL or a field name: canonical decimal only (`3`, never `03`, `0x3`, `1e0`,
 * `+3` or ` 3`), so each record has exactly one address (issue 12, finding 12).
 */
export const idParam = /* @__PURE__ */ z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number);

/**
 * A text field whose value a checker normalises or refuses (`normalise` returns null for
 * "not one of these"). Empty is "not given" ("") unless `required`.
 */
function checkedText(label: string, required: boolean, normalise: (text: string) => string | null, wrong: string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((raw, ctx): string => {
      const text = raw ?? "";
      if (!text) {
        if (required) ctx.addIssue({ code: "custom", message: `Enter ${lowerFirst(label)}` });
        return "";
      }
      const normalised = normalise(text);
      if (normalised === null) {
        ctx.addIssue({ code: "custom", message: wrong });
        return z.NEVER;
      }
      return normalised;
    });
}

/**
 * A UK phone number, checked against the numbering plan by libphonenumber-js (a maintained
 * copy of Google's libphonenumber metadata), not by a hand-written pattern. Stored in the
 * national format people read ("0161 496 0100"); an extension is kept ("… x2"). Empty is
 * "not given" unless `required`.
 */
export function ukPhoneNumber(label: string, { required = false } = {}) {
  return checkedText(
    label,
    required,
    (text) => (ukPhoneProblem(text) ? null : formatUkPhone(text)),
    `Enter ${lowerFirst(label)} in the correct format, like 0161 496 0100 or +44 161 496 0100`,
  );
}

/**
 * A UK postcode, checked by the `postcode` library (the Royal Mail format rules) and stored
 * upper case with its space ("LS1 4AP"). Empty is "not given" unless `required`.
 */
export function ukPostcode(label = "Postcode", { required = false } = {}) {
  return checkedText(label, required, normaliseUkPostcode, `Enter a real ${lowerFirst(label)}, like LS1 4AP`);
}

/** "Start date" -> "start date" inside a sentence; acronyms ("NHS number", "CQC location ID") stay as written. */
export function lowerFirst(label: string): string {
  // "Phone number" → "phone number", but keep acronyms ("NHS number") as written.
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
