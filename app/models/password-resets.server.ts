/**
 * "Forgot your password?": a one-time link by email (only its SHA-256 stored), valid for an hour,
 * throttled per email and per address. The answer is the same whether or not an account uses the
 * email; an inactive account gets no link. Choosing the new password ends every session of the
 * user and every other link, and is audited.
 */
import { requiredProvider } from "~/domain/single-sign-on";
import { listProviders } from "./identity-providers.server";
import { and, count, desc, eq, gte, isNotNull } from "drizzle-orm";
import { linkState, PASSWORD_RESET_LIMITS, resetExpiry } from "~/domain/accounts";
import { resetMail } from "~/content/accounts";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import { queueMail } from "~/services/mail.server";
import { hashSecretToken, newSecretToken } from "~/services/tokens.server";
import type { Db } from "~db/client";
import { passwordResets, users } from "~db/tables";
import { endPasswordResetsOf, endSessionsOf, findUserByEmail } from "./users.server";

export type ResetRequestOutcome = "sent" | "no_account" | "email_throttled" | "address_throttled" | "must_use_organisation_account";

/** Whether this address has asked too often; the caller says so (it reveals nothing about accounts). */
export async function resetAddressBlocked(db: Db, { ipAddress, at }: { ipAddress: string; at: Date }): Promise<boolean> {
  const L = PASSWORD_RESET_LIMITS.address;
  const since = new Date(at.getTime() - L.minutes * 60_000).toISOString();
  const n = (await first(db.select({ n: count() }).from(passwordResets).where(and(eq(passwordResets.ipAddress, ipAddress), gte(passwordResets.requestedAt, since))).limit(1)))?.n ?? 0;
  return n >= L.requests;
}

/**
 * Records the request and, for an active account not asked for too often, queues the link.
 * The outcome is for tests and the log only: the page says the same whatever it is.
 */
export async function requestPasswordReset(db: Db, { email, ipAddress, at, publicUrl }: { email: string; ipAddress: string; at: Date; publicUrl: string }): Promise<ResetRequestOutcome> {
  return await inTransaction(db, async (tx) => {
    const address = email.trim().toLowerCase();
    if (await resetAddressBlocked(tx, { ipAddress, at })) return "address_throttled";
    const L = PASSWORD_RESET_LIMITS.email;
    const since = new Date(at.getTime() - L.minutes * 60_000).toISOString();
    const sentRecently =
      (await first(tx.select({ n: count() }).from(passwordResets).where(and(eq(passwordResets.email, address), isNotNull(passwordResets.tokenHash), gte(passwordResets.requestedAt, since))).limit(1)))?.n ?? 0;
    const user = await findUserByEmail(tx, address);
    const base = { email: address, ipAddress, requestedAt: at.toISOString() };
    if (!user || !user.active) {
      await tx.insert(passwordResets).values(base);
      return "no_account";
    }
    // Signs in with the organisation's account only: a password would not work, so no link is sent (docs/domain.md rule 20).
    if (requiredProvider(user, await listProviders(tx))) {
      await tx.insert(passwordResets).values({ ...base, userId: user.id });
      return "must_use_organisation_account";
    }
    const lastSent = await first(tx
      .select({ at: passwordResets.requestedAt })
      .from(passwordResets)
      .where(and(eq(passwordResets.email, address), isNotNull(passwordResets.tokenHash)))
      .orderBy(desc(passwordResets.requestedAt)).limit(1));
    // A double click (or a second press within the minute) sends one email, not two.
    const justSent = lastSent && at.getTime() - new Date(lastSent.at).getTime() < 60_000;
    if (sentRecently >= L.requests || justSent) {
      await tx.insert(passwordResets).values({ ...base, userId: user.id });
      return "email_throttled";
    }
    const token = newSecretToken();
    const row = await inserted(tx
      .insert(passwordResets)
      .values({ ...base, userId: user.id, tokenHash: hashSecretToken(token), expiresAt: resetExpiry(at).toISOString() })
      .returning({ id: passwordResets.id }));
    const mail = resetMail({ name: user.name, link: `${publicUrl}/reset-password?token=${token}` });
    await queueMail(tx, { dedupeKey: `password-reset:${row.id}`, toUserId: user.id, toAddress: user.email, subject: mail.subject, body: mail.body, sensitive: true });
    await recordAudit(tx, { actorId: null, action: "user.password_reset_request", entityType: "user", entityId: user.id, details: { ipAddress }, at });
    return "sent";
  });
}

async function usableReset(db: Db, token: string, now: Date) {
  const row = await first(db
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashSecretToken(token))).limit(1));
  if (!row || !row.reset.expiresAt || !row.user.active) return null;
  if (linkState({ expiresAt: row.reset.expiresAt, usedAt: row.reset.usedAt }, now) !== "usable") return null;
  return row;
}

/** The account a usable link is for (its email, for the password policy); otherwise null. */
export async function findPasswordReset(db: Db, { token, now }: { token: string; now: Date }) {
  const row = await usableReset(db, token, now);
  return row ? { email: row.user.email } : null;
}

/** Sets the new password, ends every session and link of the user; null (nothing written) when the link is not usable. */
export async function resetPassword(db: Db, { token, passwordHash, at }: { token: string; passwordHash: string; at: Date }): Promise<{ userId: number } | null> {
  return await inTransaction(db, async (tx) => {
    const row = await usableReset(tx, token, at);
    if (!row) return null;
    const userId = row.user.id;
    await tx.update(users).set({ passwordHash, passwordChangedAt: at.toISOString(), updatedAt: at.toISOString() }).where(eq(users.id, userId));
    await endSessionsOf(tx, userId, at);
    await endPasswordResetsOf(tx, userId, at);
    await recordAudit(tx, { actorId: userId, action: "user.password_reset", entityType: "user", entityId: userId, at });
    return { userId };
  });
}

