import { dateWindowProblem, type DateWindow } from "~/domain/date-windows";
import type { IsoDate } from "~/domain/dates";
import { RuleError } from "./errors.server";

/**
 * A model's own check of a date against its window (docs/domain.md rule 8), whatever the page
 * that called it checked: models are called from several places.
 */
export function requireDateInWindow(field: string, label: string, date: IsoDate | null, window: DateWindow): void {
  if (date === null) return;
  const problem = dateWindowProblem(label, date, window);
  if (problem) throw new RuleError([{ field, message: problem }]);
}
