/**
 * Concerns and incidents: when something goes wrong with a delegated task (a missed dose, a
 * wrong technique, a worker unsure, the person's condition changed), anyone working on the
 * agreement records it, the delegating nurse and the provider's managers are told at once, and
 * it stays open until one of them closes it with an outcome. Follow-ups (suspending a
 * competency, reviewing the agreement) are made from the concern and point back at it.
 * Nothing is deleted (docs/domain.md rule 14). Serious incidents also go to NHS incident
 * reporting (Learn from Patient Safety Events); this record does not replace that.
 */
import type { Role } from "./roles";
import { isAssessor } from "./competency";
import type { ConcernFollowUpKind, StoredAgreementState } from "./enums";

export const CONCERN_STATUSES = ["open", "closed"] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export const CONCERN_HARMS = ["none", "low", "moderate_or_severe", "not_known"] as const;
export type ConcernHarm = (typeof CONCERN_HARMS)[number];

export type { ConcernFollowUpKind };

/** Everyone who works on an agreement may record a concern; an administrator does not care for anyone. */
export function mayRaiseConcern(role: Role): boolean {
  return role === "nurse" || role === "facilitator" || role === "provider_manager" || role === "care_worker";
}

/** The people accountable for acting on a concern: the delegating team's nurses and the provider's managers. */
export function mayCloseConcern(role: Role): boolean {
  return role === "nurse" || role === "provider_manager";
}

/**
 * Who a concern may name as the care worker it is about. A care worker records concerns about
 * their own practice (or about the agreement, naming nobody), never about a colleague: that is
 * for their manager to raise.
 */
export function subjectProblems({ role, actorWorkerId, workerId }: { role: Role; actorWorkerId: number | null; workerId: number | null }): string[] {
  if (role === "care_worker" && workerId !== null && workerId !== actorWorkerId) {
    return ["You can record a concern about your own practice or about the agreement, not about another care worker. Tell your manager"];
  }
  return [];
}

/** Closing a concern: only an open one, only by a nurse or provider manager, always with what was done. */
export function closeProblems({ role, status, outcome }: { role: Role; status: ConcernStatus; outcome: string }): string[] {
  if (!mayCloseConcern(role)) return ["Only the delegating nurse or the provider's manager can close a concern"];
  if (status !== "open") return ["This concern is already closed"];
  if (!outcome.trim()) return ["Enter the outcome: what was done and why the concern can be closed"];
  return [];
}

/**
 * The follow-ups offered from an open concern. Suspending a competency is for those who may
 * suspend one (a nurse or facilitator, docs/domain.md rule 7); reviewing the agreement is the
 * nurse's, while it is active or suspended (docs/domain.md rule 9).
 */
export function followUpsOffered({
  role,
  status,
  agreementState,
}: {
  role: Role;
  status: ConcernStatus;
  agreementState: StoredAgreementState | null;
}): ConcernFollowUpKind[] {
  if (status !== "open") return [];
  const out: ConcernFollowUpKind[] = [];
  if (isAssessor(role)) out.push("competency_suspended");
  if (role === "nurse" && (agreementState === "active" || agreementState === "suspended")) out.push("agreement_reviewed");
  return out;
}

/** Harm that must also be reported through NHS incident reporting (LFPSE) and phoned through now. */
export function isSeriousHarm(harm: ConcernHarm): boolean {
  return harm === "moderate_or_severe";
}
