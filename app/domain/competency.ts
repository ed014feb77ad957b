/**
 * The competency lifecycle (docs/domain.md): in training -> signed off (competent) -> expiring ->
 * expired; suspended -> reinstated or revoked; a worker may decline. Expiring and expired come
 * from dates and "today"; nothing here reads a clock.
 */
import { DATE_WINDOWS, dateWindowProblem, narrow, type DateWindow } from "./date-windows";
import { addMonths, daysBetween, formatDate, type IsoDate } from "./dates";
import { can, type Role } from "./roles";

import type { StoredCompetencyState } from "./enums";
export type CompetencyStatus = StoredCompetencyState | "expiring" | "expired";

export const COMPETENCY_STATUS_LABELS: Record<CompetencyStatus, string> = {
  in_training: "In training",
  competent: "Competent",
  expiring: "Expiring",
  expired: "Expired",
  suspended: "Suspended",
  revoked: "Revoked",
  declined: "Declined",
};

export const COMPETENCY_STATUS_TONES: Record<CompetencyStatus, "blue" | "green" | "yellow" | "red" | "orange" | "grey" | "white"> = {
  in_training: "blue",
  competent: "green",
  expiring: "yellow",
  expired: "red",
  suspended: "orange",
  revoked: "grey",
  declined: "white",
};

/** Statuses in order of how soon they need someone's attention (for sorting). */
export const COMPETENCY_STATUS_ORDER: CompetencyStatus[] = ["expired", "suspended", "expiring", "in_training", "competent", "declined", "revoked"];

/**
 * What a competency is today. A signed-off competency is valid up to and including its expiry
 * day; it is "expiring" when the expiry day is `warningDays` days away or fewer.
 */
export function competencyStatus(
  competency: { state: StoredCompetencyState; expiresOn: IsoDate | null },
  today: IsoDate,
  warningDays: number,
): CompetencyStatus {
  if (competency.state !== "competent" || !competency.expiresOn) return competency.state;
  const daysLeft = daysBetween(today, competency.expiresOn);
  if (daysLeft < 0) return "expired";
  if (daysLeft <= warningDays) return "expiring";
  return "competent";
}

/**
 * Which of a worker's competencies counts for a task on an agreement for `personId`: for a
 * person-specific task only the one signed off for that person; for a generic task only the
 * general one.
 */
export function countsForTask(competency: { personId: number | null }, task: { personSpecific: boolean }, personId: number): boolean {
  return task.personSpecific ? competency.personId === personId : competency.personId === null;
}

/** May this worker carry out the task today? Only with a current sign-off. */
export function isCurrent(status: CompetencyStatus): boolean {
  return status === "competent" || status === "expiring";
}

/** Sign-off plus the task's validity; a 29 February sign-off expires on 28 February. */
export function expiryDate(signedOffOn: IsoDate, validityMonths: number): IsoDate {
  return addMonths(signedOffOn, validityMonths);
}

export type SignOffCheck = {
  signer: { userId: number; role: Role };
  /** The worker's own sign-in, if they have one: nobody signs off their own competency. */
  workerUserId: number | null;
  state: StoredCompetencyState;
  /** Satisfactory observations that count (all, for a first sign-off; since the last one, for a renewal). */
  satisfactoryObservations: number;
  requiredObservations: number;
  missingPrerequisites: string[];
  signOffDate: IsoDate;
  lastSignedOffOn: IsoDate | null;
  /** The latest of the satisfactory observations this sign-off counts. */
  lastObservationOn: IsoDate | null;
  today: IsoDate;
};

/**
 * What stands in the way, so a page can offer the step that removes it (record an observation,
 * record the prerequisite) rather than only say no.
 */
export type SignOffCause = "role" | "own" | "state" | "observations" | "prerequisite" | "date" | "left";
export type SignOffProblem = { field: "form" | "signedOffOn"; message: string; cause?: SignOffCause };
export type ObservationProblem = { field: "form" | "observedOn"; message: string };

/** Registered nurses and blended-role facilitators assess: they observe, sign off, suspend and revoke. */
export function isAssessor(role: Role): boolean {
  return can(role, "sign_off", "competency");
}

/** Observations needed for a renewal (a reassessment): one observed, satisfactory practice. */
export const RENEWAL_OBSERVATIONS = 1;

/**
 * When a sign-off may be dated (docs/domain.md rules 7 and 8): not in the future, not before the
 * last observation it counts, and inside the evidence window.
 */
export function signOffDateWindow(today: IsoDate, lastObservationOn: IsoDate | null): DateWindow {
  return narrow(DATE_WINDOWS.evidence(today), { earliest: lastObservationOn, because: ", the date of the last supervised observation it counts" });
}

/** Everything that stops this sign-off (docs/domain.md rules 7 and 8); empty when it may go ahead. */
export function signOffProblems(check: SignOffCheck): SignOffProblem[] {
  const problems: SignOffProblem[] = [];
  if (!isAssessor(check.signer.role)) {
    problems.push({ field: "form", message: "Only a registered nurse or a blended-role facilitator can sign off competency", cause: "role" });
  }
  if (check.workerUserId !== null && check.workerUserId === check.signer.userId) {
    problems.push({ field: "form", message: "You cannot sign off your own competency", cause: "own" });
  }
  if (check.state === "suspended" || check.state === "revoked" || check.state === "declined") {
    problems.push({ field: "form", message: `This competency is ${check.state}: it cannot be signed off`, cause: "state" });
  }
  const renewal = check.state === "competent";
  const needed = observationsNeeded(check.state, check.requiredObservations);
  if (check.satisfactoryObservations < needed) {
    problems.push({
      field: "form",
      message: renewal
        ? "A renewal needs a satisfactory supervised observation recorded since the last sign-off"
        : `Sign-off needs ${needed} satisfactory supervised observations; ${check.satisfactoryObservations} ${check.satisfactoryObservations === 1 ? "is" : "are"} recorded`,
      cause: "observations",
    });
  }
  if (check.missingPrerequisites.length) {
    problems.push({ field: "form", message: `Prerequisite not met: ${check.missingPrerequisites.join(", ")}`, cause: "prerequisite" });
  }
  const dateProblem = dateWindowProblem("Sign-off date", check.signOffDate, signOffDateWindow(check.today, check.lastObservationOn));
  if (dateProblem) problems.push({ field: "signedOffOn", message: dateProblem, cause: "date" });
  if (check.lastSignedOffOn && check.signOffDate <= check.lastSignedOffOn) {
    problems.push({ field: "signedOffOn", message: "Sign-off date must be after the last sign-off", cause: "date" });
  }
  return problems;
}

/**
 * What stops a sign-off today, whatever date is typed (docs/domain.md rule 7, through
 * `signOffProblems`, not a second copy of it): the sign-off page offers its declaration only when
 * this is empty, and says why otherwise. A sign-off dated today is the latest date allowed, so
 * when today fails every date fails.
 */
export function signOffBlockers(check: Omit<SignOffCheck, "signOffDate">): SignOffProblem[] {
  return signOffProblems({ ...check, signOffDate: check.today });
}

/**
 * Is this competency ready for this signer to sign off (or renew) today? For lists such as
 * "competencies ready for sign-off"; the sign-off itself checks `signOffProblems` again.
 */
export function isReadyForSignOff(check: Omit<SignOffCheck, "signOffDate">): boolean {
  return signOffBlockers(check).length === 0;
}

/** The satisfactory observations that count towards the next sign-off, and how many it needs. */
export function observationsNeeded(state: StoredCompetencyState, requiredObservations: number): number {
  return state === "competent" ? RENEWAL_OBSERVATIONS : requiredObservations;
}

export type ObservationCheck = {
  observer: { role: Role };
  missingPrerequisites: string[];
  observedOn: IsoDate;
  today: IsoDate;
  personSpecific: boolean;
  personId: number | null;
  state: StoredCompetencyState | null;
  /** The task's prerequisites this worker has met, with the day each was completed. */
  prerequisitesMet: { name: string; achievedOn: IsoDate }[];
  /** The day the worker joined their provider, when known. */
  joinedProviderOn: IsoDate | null;
};

/**
 * When a supervised observation may be dated (docs/domain.md rules 7 and 8): not in the future,
 * not before every prerequisite was completed, not before the worker joined their provider, and
 * inside the evidence window.
 */
export function observationDateWindow(check: Pick<ObservationCheck, "today" | "prerequisitesMet" | "joinedProviderOn">): DateWindow {
  let window = narrow(DATE_WINDOWS.evidence(check.today), {
    earliest: check.joinedProviderOn,
    because: check.joinedProviderOn ? `, the day the care worker joined their provider` : undefined,
  });
  for (const p of check.prerequisitesMet) {
    window = narrow(window, { earliest: p.achievedOn, because: `, when the ${p.name} was completed: supervised practice comes after it` });
  }
  return window;
}

/** Whether supervised practice may still be observed: not once revoked or declined (docs/domain.md rules 7 and 12). */
export function observationsOpen(state: StoredCompetencyState): boolean {
  return state !== "revoked" && state !== "declined";
}

/** docs/domain.md rule 7: no supervised observation before the task's prerequisites are met. */
export function observationProblems(check: ObservationCheck): ObservationProblem[] {
  const problems: ObservationProblem[] = [];
  if (!isAssessor(check.observer.role)) {
    problems.push({ field: "form", message: "Only a registered nurse or a blended-role facilitator can record a supervised observation" });
  }
  if (check.missingPrerequisites.length) {
    problems.push({
      field: "form",
      message: `Record the prerequisite first: ${check.missingPrerequisites.join(", ")}. Supervised practice cannot start without it`,
    });
  }
  if (check.personSpecific && !check.personId) {
    problems.push({ field: "form", message: "This task is person-specific: select the person whose care was observed" });
  }
  if (check.state && !observationsOpen(check.state)) {
    problems.push({ field: "form", message: `This competency is ${check.state}: no more observations can be recorded` });
  }
  if (!check.missingPrerequisites.length) {
    const dateProblem = dateWindowProblem("Date of the observation", check.observedOn, observationDateWindow(check));
    if (dateProblem) problems.push({ field: "observedOn", message: dateProblem });
  }
  return problems;
}

/**
 * Striking out a mistaken supervised observation (docs/domain.md rules 7 and 14): a nurse or
 * facilitator, with a reason; the observation stays in the history, shown struck out, and no
 * longer counts towards sign-off. One a sign-off already counted cannot be struck out: that
 * sign-off would stand on evidence withdrawn from under it, so the competency is suspended
 * instead while it is reassessed.
 */
export function strikeOutProblems(check: {
  role: Role;
  observedOn: IsoDate;
  struckOut: boolean;
  lastSignedOffOn: IsoDate | null;
  /** Absent when only asking whether it may be struck out (to offer the link). */
  reason?: string;
}): string[] {
  if (!isAssessor(check.role)) return ["Only a registered nurse or a blended-role facilitator can strike out an observation"];
  if (check.reason !== undefined && !check.reason.trim()) return ["Say why this observation is being struck out"];
  if (check.struckOut) return ["This observation has already been struck out"];
  if (check.lastSignedOffOn && check.observedOn <= check.lastSignedOffOn) {
    return [
      `This observation was counted by the sign-off on ${formatDate(check.lastSignedOffOn)}, so it cannot be struck out. If that sign-off is in doubt, suspend the competency and reassess`,
    ];
  }
  return [];
}

export type CompetencyAction = "suspend" | "reinstate" | "revoke" | "decline";

/** Which changes of state are allowed from here, and who may make them. */
export function allowedActions(state: StoredCompetencyState, role: Role, isOwn: boolean): CompetencyAction[] {
  const actions: CompetencyAction[] = [];
  const assessor = isAssessor(role);
  if (assessor && (state === "in_training" || state === "competent")) actions.push("suspend");
  if (assessor && state === "suspended") actions.push("reinstate");
  if (assessor && (state === "suspended" || state === "competent" || state === "in_training")) actions.push("revoke");
  if (role === "care_worker" && isOwn && (state === "in_training" || state === "competent")) actions.push("decline");
  return actions;
}

/** Reinstating returns a suspension to where it was: competent if it had a sign-off, else in training. */
export function stateAfter(action: CompetencyAction, hasSignOff: boolean): StoredCompetencyState {
  switch (action) {
    case "suspend":
      return "suspended";
    case "reinstate":
      return hasSignOff ? "competent" : "in_training";
    case "revoke":
      return "revoked";
    case "decline":
      return "declined";
  }
}

export const COMPETENCY_ACTION_LABELS: Record<CompetencyAction, { title: string; button: string; done: string }> = {
  suspend: { title: "Suspend this competency", button: "Suspend competency", done: "Competency suspended" },
  reinstate: { title: "Reinstate this competency", button: "Reinstate competency", done: "Competency reinstated" },
  revoke: { title: "Revoke this competency", button: "Revoke competency", done: "Competency revoked" },
  decline: { title: "Decline this task", button: "Decline task", done: "You have declined this task" },
};

/**
 * Declining a task (docs/domain.md rule 12), like revoking it, ends the competency: its last
 * sign-off and expiry are history, never shown as if current (page, passport, matrix, CSV,
 * PDFs). Null means "show no current sign-off or expiry".
 */
export function currentSignOff<T extends { signedOffOn: IsoDate | null; expiresOn: IsoDate | null }>(
  competency: T & { status: CompetencyStatus },
): { signedOffOn: IsoDate | null; expiresOn: IsoDate | null } | null {
  if (competency.status === "declined" || competency.status === "revoked") return null;
  return { signedOffOn: competency.signedOffOn, expiresOn: competency.expiresOn };
}
