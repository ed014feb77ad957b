/**
 * Training sessions (docs/domain.md rule 8): a session may be scheduled ahead, but what happened
 * at it (attended, completed, did not complete) is known only from its date. A session scheduled
 * ahead may be moved or cancelled until it happens; a cancelled one stays in the history
 * (docs/domain.md rule 14) and never takes a register.
 */
import { DATE_WINDOWS, narrow, type DateWindow } from "./date-windows";
import { formatDate, type IsoDate } from "./dates";

export function attendanceProblem(heldOn: IsoDate, today: IsoDate, outcomesRecorded: number): string | null {
  if (heldOn <= today || outcomesRecorded === 0) return null;
  return `Attendance can be recorded from ${formatDate(heldOn)}, the day of the session`;
}

/**
 * Where a session stands today: `scheduled` (ahead), `register_open` (its day has come and no one
 * has recorded who came), `held` (attendance recorded) or `cancelled`.
 */
export type SessionStatus = "scheduled" | "register_open" | "held" | "cancelled";

export type SessionFacts = { heldOn: IsoDate; cancelledAt: string | null; attendees: number };

export function sessionStatus(session: SessionFacts, today: IsoDate): SessionStatus {
  if (session.cancelledAt) return "cancelled";
  if (session.attendees > 0) return "held";
  return session.heldOn > today ? "scheduled" : "register_open";
}

/** Upcoming sessions (today and ahead, not cancelled) come first in lists, soonest first. */
export function isUpcoming(session: SessionFacts, today: IsoDate): boolean {
  return !session.cancelledAt && session.attendees === 0 && session.heldOn >= today;
}

/**
 * Why attendance cannot be recorded at this session now, or null: not before its day
 * (`attendanceProblem`), never at a cancelled session, and only once.
 */
export function registerProblem(session: SessionFacts, today: IsoDate): string | null {
  if (session.cancelledAt) return "This session was cancelled: no attendance can be recorded for it";
  if (session.attendees > 0) return "Attendance at this session has already been recorded";
  return attendanceProblem(session.heldOn, today, 1);
}

/**
 * Why this session can no longer be changed or cancelled, or null. Only a session that has not
 * happened yet may change: on its day it may still be moved or called off, but once attendance is
 * recorded, or its day has passed, it is history.
 */
export function sessionChangeProblem(session: SessionFacts, today: IsoDate): string | null {
  if (session.cancelledAt) return "This session has been cancelled. It stays in the history and cannot be changed";
  if (session.attendees > 0) return "Attendance at this session has been recorded, so it can no longer be changed";
  if (session.heldOn < today) return "This session's date has passed, so it can no longer be changed or cancelled. Record who attended instead";
  return null;
}

/** A session scheduled (or moved) ahead: from today up to the training window's last day. */
export function scheduledSessionWindow(today: IsoDate): DateWindow {
  return narrow(DATE_WINDOWS.trainingSession(today), {
    earliest: today,
    because: " (today). To record a session that has already taken place, use \u201cRecord a training session\u201d",
  });
}
