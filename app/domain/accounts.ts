/**
 * Accounts: one-time links (invitations and password resets), which account may be linked to
 * which care worker record, and when an idle session is warned about and ends.
 *
 * A care worker's account is who signs as that worker (docs/domain.md rule 2): linked to the
 * wrong record, someone signs agreements, sees a passport and declines tasks as somebody else
 * (hazard H31). So a link is made only when every condition below holds.
 */

import type { WorkerStatus } from "./enums";

/** A one-time link's token as issued (app/services/tokens.server.ts: 256 bits, base64url); nothing else is looked up. */
export const ONE_TIME_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** An invitation to sign in works for this many days. */
export const INVITATION_VALID_DAYS = 7;
/** A password reset link works for this many minutes. */
export const RESET_VALID_MINUTES = 60;
/** Where JavaScript runs, the idle warning shows this many minutes before the idle sign-out. */
export const IDLE_WARNING_MINUTES = 2;

/**
 * "Forgot your password?" throttling: per email, a few links an hour (more only fill a mailbox);
 * per address, enough for a care home's staff sharing one address, too few to probe many emails.
 */
export const PASSWORD_RESET_LIMITS = {
  email: { requests: 3, minutes: 60 },
  address: { requests: 20, minutes: 15 },
} as const;

export type OneTimeLink = { expiresAt: string; usedAt: string | null; withdrawnAt?: string | null };
export type LinkState = "usable" | "used" | "withdrawn" | "expired";

/** Whether a one-time link can be used at `now`: used or withdrawn first, then expired. */
export function linkState(link: OneTimeLink, now: Date): LinkState {
  if (link.usedAt) return "used";
  if (link.withdrawnAt) return "withdrawn";
  return now.toISOString() < link.expiresAt ? "usable" : "expired";
}

export function invitationExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + INVITATION_VALID_DAYS * 86_400_000);
}

export function resetExpiry(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + RESET_VALID_MINUTES * 60_000);
}

export type WorkerForLink = { providerId: number; status: WorkerStatus; userId: number | null };
export type AccountForLink = {
  role: string;
  organisationId: number | null;
  active: boolean;
  /** The worker record this account is already linked to, if any. */
  linkedWorkerId: number | null;
};

export type LinkProblem = "not_care_worker" | "other_provider" | "inactive_account" | "worker_left" | "worker_has_account" | "account_linked";

/**
 * Why this account may not be linked to this care worker record, or null. The account must be
 * an active care worker account of the worker's own provider, linked to no other record, and the
 * worker must be active with no sign-in of their own: one account, one worker, one provider.
 */
export function linkProblem(worker: WorkerForLink, account: AccountForLink): LinkProblem | null {
  if (account.role !== "care_worker") return "not_care_worker";
  if (account.organisationId !== worker.providerId) return "other_provider";
  if (!account.active) return "inactive_account";
  if (worker.status !== "active") return "worker_left";
  if (worker.userId !== null) return "worker_has_account";
  if (account.linkedWorkerId !== null) return "account_linked";
  return null;
}

/** Why an invitation may not be sent for this worker, or null (the worker side of `linkProblem`). */
export function invitationProblem(worker: WorkerForLink): "worker_left" | "worker_has_account" | null {
  if (worker.status !== "active") return "worker_left";
  if (worker.userId !== null) return "worker_has_account";
  return null;
}

export type SessionEnd = "idle" | "expired";

/** Why a session has ended at `now`, or null while it is live. Idle is checked before the absolute limit. */
export function sessionEnd(
  session: { lastSeenAt: string; expiresAt: string },
  now: Date,
  { idleMinutes }: { idleMinutes: number },
): SessionEnd | null {
  if (now.getTime() > new Date(session.lastSeenAt).getTime() + idleMinutes * 60_000) return "idle";
  if (now.toISOString() >= session.expiresAt) return "expired";
  return null;
}
