import { and, count, eq, gte } from "drizzle-orm";
import type { Db } from "~db/client";
import { signInAttempts } from "~db/schema";

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

export function recordSignInAttempt(db: Db, attempt: { email: string; ipAddress: string; at: Date; succeeded: boolean }) {
  db.insert(signInAttempts)
    .values({ email: attempt.email, ipAddress: attempt.ipAddress, at: attempt.at.toISOString(), succeeded: attempt.succeeded })
    .run();
}

/** Why this email may not be tried from this address now (how long to wait), or null. */
export function signInBlocked(db: Db, { email, ipAddress, at }: { email: string; ipAddress: string; at: Date }): SignInBlock | null {
  const since = (minutes: number) => new Date(at.getTime() - minutes * 60_000).toISOString();
  const attempts = (succeeded: boolean, minutes: number, ...where: ReturnType<typeof eq>[]) =>
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.succeeded, succeeded), gte(signInAttempts.at, since(minutes)), ...where))
      .get()?.n ?? 0;
  const L = SIGN_IN_LIMITS;
  if (attempts(false, L.accountAtAddress.minutes, eq(signInAttempts.email, email), eq(signInAttempts.ipAddress, ipAddress)) >= L.accountAtAddress.failures) {
    return { minutes: L.accountAtAddress.minutes };
  }
  if (attempts(false, L.account.minutes, eq(signInAttempts.email, email)) >= L.account.failures) return { minutes: L.account.minutes };
  if (
    ipAddress &&
    attempts(false, L.address.minutes, eq(signInAttempts.ipAddress, ipAddress)) >= L.address.failures &&
    attempts(true, L.knownAddressDays * 24 * 60, eq(signInAttempts.email, email), eq(signInAttempts.ipAddress, ipAddress)) === 0
  ) {
    return { minutes: L.address.minutes };
  }
  return null;
}
