/**
 * Form wording used on more than one form: hints and messages in the NHS service manual's style
 * (https://service-manual.nhs.uk/content/error-messages, /design-system/components/date-input).
 * One place, so the same question reads the same everywhere.
 */
import { exampleDate, type DateWindow } from "~/domain/date-windows";
import type { IsoDate } from "~/domain/dates";

/** Choosing a password: an empty box asks for one; the length rule is only for what was typed. */
export const PASSWORD_FORM_MESSAGES = {
  newEmpty: "Enter a new password",
  confirmEmpty: "Enter the new password again",
  mismatch: "The passwords do not match. Type the same password in both boxes",
} as const;

/** The hint of a box that takes a list: each item on its own line. */
export const ONE_PER_LINE_HINT = "Put each one on a new line";

/** "15 3 1946": how a date is typed into the three boxes (day, month, year; no leading zeros). */
export function dateAsTyped(date: IsoDate): string {
  const [year, month, day] = date.split("-");
  return `${Number(day)} ${Number(month)} ${year}`;
}

/**
 * A date field's hint: its own words (if any), then a realistic example from the field's window
 * (a start date's example is near today; a date of birth's about 80 years ago), never a fixed
 * date that goes stale.
 */
export function dateHint(window: DateWindow, hint?: string): string {
  const example = `For example, ${dateAsTyped(exampleDate(window))}`;
  return hint ? `${hint}. ${example}` : example;
}

/**
 * The hint for an agreement's "Parameters" box, by the task's category: a blood glucose check
 * has a target range but no dose; medication has a dose. A task of another kind gets the
 * general words (issue 14: the insulin dose hint appeared on blood glucose monitoring).
 */
const PARAMETERS_HINTS: Record<string, string> = {
  specialised_medication: "For example, the dose, the time it is given and when not to give it",
  vital_signs: "For example, the target range, and the readings at which the care worker must call for help",
  feeding_digestive: "For example, the feed, its rate and volume, and the flushes",
  bladder_bowel: "For example, how often to empty or change it, and what to check each time",
  skin_wound_care: "For example, how often to change the dressing, and what to look for",
};

export function parametersHint(taskCategory: string): string {
  return PARAMETERS_HINTS[taskCategory] ?? "For example, the amounts, times or readings the care worker works to";
}
