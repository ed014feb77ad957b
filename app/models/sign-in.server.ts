import { and, count, eq, gte } from "drizzle-orm";
import type { Db } from "~db/client";
import { signInAttempts } from "~db/schema";

/** Failed attempts allowed in the window, per account and per address. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

export function recordSignInAttempt(db: Db, attempt: { email: string; ipAddress: string; at: Date; succeeded: boolean }) {
  db.insert(signInAttempts)
    .values({ email: attempt.email, ipAddress: attempt.ipAddress, at: attempt.at.toISOString(), succeeded: attempt.succeeded })
    .run();
}

/** True when this account or this address has failed too often lately. */
export function signInBlocked(db: Db, { email, ipAddress, at }: { email: string; ipAddress: string; at: Date }): boolean {
  const since = new Date(at.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000).toISOString();
  const failures = (where: ReturnType<typeof and>) =>
    db.select({ n: count() }).from(signInAttempts).where(where).get()?.n ?? 0;
  const byAccount = failures(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gte(signInAttempts.at, since)));
  if (byAccount >= SIGN_IN_LIMITS.perAccount) return true;
  if (!ipAddress) return false;
  const byAddress = failures(and(eq(signInAttempts.ipAddress, ipAddress), eq(signInAttempts.succeeded, false), gte(signInAttempts.at, since)));
  return byAddress >= SIGN_IN_LIMITS.perAddress;
}
