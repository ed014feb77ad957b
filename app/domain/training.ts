/**
 * Training sessions (docs/domain.md rule 8): a session may be scheduled ahead, but what happened
 * at it (attended, completed, did not complete) is known only from its date.
 */
import { formatDate, type IsoDate } from "./dates";

export function attendanceProblem(heldOn: IsoDate, today: IsoDate, outcomesRecorded: number): string | null {
  if (heldOn <= today || outcomesRecorded === 0) return null;
  return `Attendance can be recorded from ${formatDate(heldOn)}, the day of the session`;
}
