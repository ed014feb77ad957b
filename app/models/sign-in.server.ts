import { and, count, eq, gte, isNull } from "drizzle-orm";
import type { Role } from "~/domain/roles";
import { PENDING_SIGN_IN_MINUTES, pendingSignInUsable } from "~/domain/two-factor";
import { first, inTransaction } from "~/models/transaction.server";
import { hashSecretToken, newSecretToken } from "~/services/tokens.server";
import type { Db } from "~db/client";
import type { PendingSignInStage } from "~/domain/enums";
import { pendingSignIns, signInAttempts, users } from "~db/tables";

/**
 * Sign-in throttling that an attacker cannot turn against a named user (issue 12, finding 8):
 *
 * - per account from one address: 5 failures in 15 minutes stop that account being tried from
 *   that address, and nowhere else;
 * - per account from everywhere, a slower brake: 50 failures in an hour (at least ten addresses
 *   at the first limit) stop the account being tried for the rest of the hour;
 * - per address: 100 failures in 15 minutes stop that address trying accounts, except accounts
 *   that have signed in from that address in the last 30 days (a care home or NHS site shares
 *   one address; its own staff keep signing in while someone there guesses).
 */
export const SIGN_IN_LIMITS = {
  accountAtAddress: { failures: 5, minutes: 15 },
  account: { failures: 50, minutes: 60 },
  address: { failures: 100, minutes: 15 },
  knownAddressDays: 30,
} as const;

export type SignInBlock = { minutes: number };

export async function recordSignInAttempt(db: Db, attempt: { email: string; ipAddress: string; at: Date; succeeded: boolean }) {
  await inTransaction(db, async (tx) => {
    await tx.insert(signInAttempts)
      .values({ email: attempt.email, ipAddress: attempt.ipAddress, at: attempt.at.toISOString(), succeeded: attempt.succeeded });
  });
}

/** Why this email may not be tried from this address now (how long to wait), or null. */
export async function signInBlocked(db: Db, { email, ipAddress, at }: { email: string; ipAddress: string; at: Date }): Promise<SignInBlock | null> {
  const since = (minutes: number) => new Date(at.getTime() - minutes * 60_000).toISOString();
  const attempts = async (succeeded: boolean, minutes: number, ...where: ReturnType<typeof eq>[]) =>
    (await first(db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.succeeded, succeeded), gte(signInAttempts.at, since(minutes)), ...where)).limit(1)))?.n ?? 0;
  const L = SIGN_IN_LIMITS;
  if (await attempts(false, L.accountAtAddress.minutes, eq(signInAttempts.email, email), eq(signInAttempts.ipAddress, ipAddress)) >= L.accountAtAddress.failures) {
    return { minutes: L.accountAtAddress.minutes };
  }
  if (await attempts(false, L.account.minutes, eq(signInAttempts.email, email)) >= L.account.failures) return { minutes: L.account.minutes };
  if (
    ipAddress &&
    await attempts(false, L.address.minutes, eq(signInAttempts.ipAddress, ipAddress)) >= L.address.failures &&
    await attempts(true, L.knownAddressDays * 24 * 60, eq(signInAttempts.email, email), eq(signInAttempts.ipAddress, ipAddress)) === 0
  ) {
    return { minutes: L.address.minutes };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Sign-ins waiting for their second step (two-factor authentication, docs/decisions/023).

/**
 * Starts a sign-in that still needs a code (or set-up): the password was right, no session yet.
 * Returns the token for the `dc_sign_in` cookie; only its SHA-256 is kept. Any earlier pending
 * sign-in of the user ends, so only the newest can be finished.
 */
export async function startPendingSignIn(db: Db, input: { userId: number; stage: PendingSignInStage; target: string; at: Date }): Promise<string> {
  const token = newSecretToken();
  await inTransaction(db, async (tx) => {
    await tx.update(pendingSignIns).set({ usedAt: input.at.toISOString() }).where(and(eq(pendingSignIns.userId, input.userId), isNull(pendingSignIns.usedAt)));
    await tx.insert(pendingSignIns)
      .values({
        id: hashSecretToken(token),
        userId: input.userId,
        stage: input.stage,
        target: input.target,
        createdAt: input.at.toISOString(),
        expiresAt: new Date(input.at.getTime() + PENDING_SIGN_IN_MINUTES * 60_000).toISOString(),
      });
  });
  return token;
}

export type PendingSignIn = { id: string; userId: number; stage: PendingSignInStage; target: string; email: string; role: Role };

/** The pending sign-in this token belongs to, while it can be finished by an active user; otherwise null. */
export async function findPendingSignIn(db: Db, { token, at }: { token: string; at: Date }): Promise<PendingSignIn | null> {
  const row = await first(db
    .select({ pending: pendingSignIns, email: users.email, role: users.role, active: users.active })
    .from(pendingSignIns)
    .innerJoin(users, eq(users.id, pendingSignIns.userId))
    .where(eq(pendingSignIns.id, hashSecretToken(token))).limit(1));
  if (!row || !row.active || !pendingSignInUsable(row.pending, at)) return null;
  return { id: row.pending.id, userId: row.pending.userId, stage: row.pending.stage, target: row.pending.target, email: row.email, role: row.role };
}

/** Where a finished (or expired) pending sign-in was going, so a repeated request can be sent back there. */
export async function pendingTarget(db: Db, token: string): Promise<string | null> {
  return (await first(db.select({ target: pendingSignIns.target }).from(pendingSignIns).where(eq(pendingSignIns.id, hashSecretToken(token))).limit(1)))?.target ?? null;
}

/** Uses the pending sign-in once: true for the one request that finishes it. */
export async function usePendingSignIn(db: Db, { id, at }: { id: string; at: Date }): Promise<boolean> {
  return await inTransaction(db, async (tx) =>
    (await tx.update(pendingSignIns).set({ usedAt: at.toISOString() }).where(and(eq(pendingSignIns.id, id), isNull(pendingSignIns.usedAt))).returning({ id: pendingSignIns.id })).length === 1);
}
