/**
 * Delegation agreements (docs/domain.md): draft -> awaiting signatures (content frozen as version N,
 * with its hash) -> active (consent and every required signature on version N) -> review due /
 * overdue (derived) -> continue, amend, suspend or end. docs/domain.md rules 1, 3, 5, 6 and 9 live here.
 */
import type { CarryOutCode, CarryOutDecision } from "./carry-out";
import { addMonths, daysBetween, formatDate, type IsoDate, addDays } from "./dates";
import { dateWindowProblem, nextReviewDateWindow, reviewDateWindow, reviewedOnWindow, shortestReviewInterval } from "./date-windows";

import type { StoredAgreementState } from "./enums";

export type { StoredAgreementState };
/** `not_yet_in_force`: active (fully signed, consent recorded) but the start date is still ahead. */
export type AgreementStatus = StoredAgreementState | "not_yet_in_force" | "review_due" | "review_overdue";

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: "Draft",
  awaiting_signatures: "Awaiting signatures",
  active: "Active",
  not_yet_in_force: "Signed, not yet in force",
  review_due: "Review due",
  review_overdue: "Review overdue",
  suspended: "Suspended",
  ended: "Ended",
};

export const AGREEMENT_STATUS_TONES: Record<AgreementStatus, "grey" | "blue" | "green" | "yellow" | "red" | "orange" | "white"> = {
  draft: "grey",
  awaiting_signatures: "blue",
  active: "green",
  not_yet_in_force: "blue",
  review_due: "yellow",
  review_overdue: "red",
  suspended: "orange",
  ended: "white",
};

/**
 * In force (docs/domain.md rule 3): active, and the start date of the version in force has
 * come. Nobody may carry out a task under an agreement that is not in force.
 */
export function isInForce(agreement: { state: StoredAgreementState; startDate: IsoDate }, today: IsoDate): boolean {
  return agreement.state === "active" && agreement.startDate <= today;
}

/**
 * The words for an agreement's status wherever it is shown: a signed agreement whose start date
 * is ahead says when it starts ("Signed, starts 30 November 2026"), never "Active".
 */
export function agreementStatusLabel(status: AgreementStatus, startDate: IsoDate): string {
  return status === "not_yet_in_force" ? `Signed, starts ${formatDate(startDate)}` : AGREEMENT_STATUS_LABELS[status];
}

/**
 * An active agreement is "signed, not yet in force" before its start date, then "review due"
 * inside the window and "review overdue" after the review date.
 */
export function agreementStatus(
  agreement: { state: StoredAgreementState; startDate: IsoDate; reviewDate: IsoDate },
  today: IsoDate,
  reviewDueDays: number,
): AgreementStatus {
  if (agreement.state !== "active") return agreement.state;
  if (!isInForce(agreement, today)) return "not_yet_in_force";
  const days = daysBetween(today, agreement.reviewDate);
  if (days < 0) return "review_overdue";
  if (days <= reviewDueDays) return "review_due";
  return "active";
}

/**
 * The one order agreements are listed in, wherever they are listed (the agreements list, a
 * person's page, a care worker's page and home page): live agreements first, ended ones after
 * them; then the soonest review first; then by reference. An ended agreement is history, and
 * must not push a live one off the top of a list.
 */
export const LISTED_LAST: readonly StoredAgreementState[] = ["ended"];
export const LIST_ORDER_WORDS = "live agreements first, soonest review first";

export function compareForList(
  a: { state: StoredAgreementState; reviewDate: IsoDate; reference: string },
  b: { state: StoredAgreementState; reviewDate: IsoDate; reference: string },
): number {
  const last = (x: { state: StoredAgreementState }) => (LISTED_LAST.includes(x.state) ? 1 : 0);
  return last(a) - last(b) || (a.reviewDate < b.reviewDate ? -1 : a.reviewDate > b.reviewDate ? 1 : 0) || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);
}

/** `DA-2026-000123`: the year the agreement was created and its number. */
export function agreementReference(year: number, id: number): string {
  return `DA-${year}-${String(id).padStart(6, "0")}`;
}

/** The default review date: the start date plus the shortest review interval among the tasks. */
export function defaultReviewDate(startDate: IsoDate, reviewIntervalsMonths: number[]): IsoDate {
  return addMonths(startDate, shortestReviewInterval(reviewIntervalsMonths));
}

export type Party = "delegator" | "provider" | "person" | `worker:${number}`;

/** Who must sign a version (docs/domain.md rule 1): the delegator, the provider, every named worker, and the person. */
export function requiredParties(workerIds: number[]): Party[] {
  return ["delegator", "provider", ...workerIds.map((id) => `worker:${id}` as const), "person"];
}

export function workerParty(workerId: number): Party {
  return `worker:${workerId}`;
}

export function partyWorkerId(party: string): number | null {
  const m = /^worker:(\d+)$/.exec(party);
  return m ? Number(m[1]) : null;
}

export type NamedWorkerCompetence = {
  workerId: number;
  workerName: string;
  /**
   * Competent for this task for this person today (checks 2 to 4 of docs/domain.md rule 4),
   * whether or not the agreement is in force: what activation, the interlock and reinstatement
   * need. `reason` says why, in words.
   */
  current: boolean;
  reason: string;
  /** The reason code for `current` (e.g. `worker_left`, `competency_expired`). */
  competence: CarryOutCode;
  /** The whole rule: may they carry it out today under this version (only when it is in force)? */
  decision: CarryOutDecision;
  /** What the agreement page shows: "May carry out", "Will be able to carry out from ...", "Must not carry out". */
  label: { text: string; tone: "green" | "blue" | "red"; why: string };
  /** The competency that counts for this task and person, if any. */
  signedOffOn: IsoDate | null;
  expiresOn: IsoDate | null;
};

export type TaskCover = {
  taskId: number;
  taskName: string;
  workers: NamedWorkerCompetence[];
};

/** How many named workers are competent for the task (checks 2 to 4 of docs/domain.md rule 4). */
export function competentCount(cover: TaskCover): number {
  return cover.workers.filter((w) => w.current).length;
}

export type ActivationCheck = {
  consentRecorded: boolean;
  versionHash: string | null;
  required: Party[];
  signatures: { party: string; contentHash: string }[];
  cover: TaskCover[];
  partyNames: Record<string, string>;
};

/**
 * Everything still missing before this version can become active, in words a person can act
 * on. Empty means it may be activated now (docs/domain.md rule 1).
 */
export function activationBlockers(check: ActivationCheck): string[] {
  const missing: string[] = [];
  if (!check.versionHash) return ["The agreement has not been sent for signatures"];
  if (!check.consentRecorded) missing.push("Consent has not been recorded");
  const signed = new Set(check.signatures.filter((s) => s.contentHash === check.versionHash).map((s) => s.party));
  for (const party of check.required) {
    if (!signed.has(party)) missing.push(`Waiting for the signature of ${check.partyNames[party] ?? party}`);
  }
  for (const task of check.cover) {
    for (const w of task.workers) {
      if (!w.current) missing.push(`${w.workerName} is not competent for ${task.taskName}: ${w.reason}`);
    }
  }
  return missing;
}

/**
 * docs/domain.md rule 5 on a live agreement: the tasks that no named worker may carry out today. Any at all
 * means the agreement must be suspended.
 */
export function uncoveredTasks(cover: TaskCover[]): TaskCover[] {
  return cover.filter((t) => competentCount(t) === 0);
}

/** The words recorded when the interlock suspends an agreement. */
export function interlockReason(uncovered: TaskCover[]): string {
  return uncovered
    .map((t) => `No named care worker is competent for ${t.taskName} (${t.workers.map((w) => `${w.workerName}: ${w.reason}`).join("; ") || "no one named"})`)
    .join(". ");
}

export type ReviewOutcome = "continue" | "amend" | "suspend" | "end";

/** Can a signed, frozen version be edited? Never (docs/domain.md rule 6): only a draft can. */
export function isEditable(versionState: string): boolean {
  return versionState === "draft";
}

export const PARTY_ROLE_LABELS = {
  delegator: "Delegating nurse",
  provider: "Care provider",
  person: "Person receiving care or their representative",
  worker: "Named care worker",
} as const;

export function partyRoleLabel(party: string): string {
  if (party.startsWith("worker:")) return PARTY_ROLE_LABELS.worker;
  return PARTY_ROLE_LABELS[party as keyof typeof PARTY_ROLE_LABELS] ?? party;
}

/** docs/domain.md rule 14: an ended agreement is final; nothing moves it on, and nothing is deleted. */
export function isFinal(state: StoredAgreementState): boolean {
  return state === "ended";
}

/**
 * docs/domain.md rule 9: a version's review date comes after its start date and no later than
 * the start plus the shortest review interval among its tasks. Checked on "Dates and
 * supervision" and again when the version is sent.
 */
export function reviewDateProblem(startDate: IsoDate, reviewDate: IsoDate, reviewIntervalsMonths: number[]): string | null {
  return dateWindowProblem("Review date", reviewDate, reviewDateWindow(startDate, reviewIntervalsMonths));
}

export type ReviewCheck = {
  today: IsoDate;
  /** The start date of the version in force (or of the only version). */
  startDate: IsoDate;
  reviewedOn: IsoDate;
  outcome: ReviewOutcome;
  nextReviewDate: IsoDate | null;
  reviewIntervalsMonths: number[];
};

/**
 * docs/domain.md rule 9: a review happens on or after the start date and not in the future; the
 * next review date (needed unless the agreement ends) is after today and no later than the
 * shortest review interval among the agreement's tasks from the review date.
 */
export function reviewProblems(check: ReviewCheck): { field: "reviewedOn" | "nextReviewDate"; message: string }[] {
  const problems: { field: "reviewedOn" | "nextReviewDate"; message: string }[] = [];
  const reviewedOn = dateWindowProblem("Date of the review", check.reviewedOn, reviewedOnWindow(check.today, check.startDate));
  if (reviewedOn) problems.push({ field: "reviewedOn", message: reviewedOn });
  if (check.outcome !== "end" && !reviewedOn) {
    const window = nextReviewDateWindow(check.today, check.reviewedOn, check.reviewIntervalsMonths);
    const months = shortestReviewInterval(check.reviewIntervalsMonths);
    if (window.earliest > window.latest) {
      problems.push({
        field: "reviewedOn",
        message: `Date of the review must be on or after ${formatDate(addDays(addMonths(check.today, -months), 1))}: a review longer ago than ${months} months would already be due again`,
      });
    } else if (!check.nextReviewDate) {
      problems.push({ field: "nextReviewDate", message: "Enter the next review date" });
    } else {
      const next = dateWindowProblem("Next review date", check.nextReviewDate, window);
      if (next) problems.push({ field: "nextReviewDate", message: next });
    }
  }
  return problems;
}
