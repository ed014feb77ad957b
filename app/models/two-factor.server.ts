/**
 * Two-factor authentication for local accounts (docs/domain.md rule 21, docs/decisions/023):
 * setting it up, recovery codes, the second step at sign-in (with its throttle), turning it off
 * and an administrator's reset. Every change is audited in its transaction.
 */
import crypto from "node:crypto";
import { and, eq, gte, isNull } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { checkCode, codeAttemptsBlocked, CODE_ATTEMPT_LIMIT, looksLikeRecoveryCode, newRecoveryCodes, normaliseCode } from "~/domain/two-factor";
import { twoFactorResetMail, twoFactorSetUpMail } from "~/content/two-factor";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import { queueMail } from "~/services/mail.server";
import { hashRecoveryCode, openSecret, sealSecret, type SecretKey } from "~/services/two-factor-secret.server";
import type { Db } from "~db/client";
import { pendingSignIns, twoFactorAttempts, twoFactorCredentials, twoFactorRecoveryCodes, users } from "~db/tables";

/** What a stored secret is sealed for (a set-up form's seal uses another purpose, so neither opens as the other). */
const STORED = "two-factor stored";

async function liveCredential(db: Db, userId: number) {
  return await first(db
    .select()
    .from(twoFactorCredentials)
    .where(and(eq(twoFactorCredentials.userId, userId), isNull(twoFactorCredentials.endedAt))).limit(1));
}

async function liveCodes(db: Db, credentialId: number) {
  return await db
    .select()
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.credentialId, credentialId), isNull(twoFactorRecoveryCodes.usedAt), isNull(twoFactorRecoveryCodes.endedAt)));
}

export async function hasTwoFactor(db: Db, userId: number): Promise<boolean> {
  return !!await liveCredential(db, userId);
}

/** Whether the user has two-factor authentication, since when, and how many recovery codes are left. */
export async function twoFactorStatus(db: Db, userId: number): Promise<{ setUpAt: string; recoveryCodesLeft: number } | null> {
  const credential = await liveCredential(db, userId);
  if (!credential) return null;
  return { setUpAt: credential.confirmedAt, recoveryCodesLeft: (await liveCodes(db, credential.id)).length };
}

async function storeCodes(tx: Db, credentialId: number, at: Date): Promise<string[]> {
  const codes = newRecoveryCodes((n) => crypto.randomBytes(n));
  for (const code of codes) {
    await tx.insert(twoFactorRecoveryCodes).values({ credentialId, codeHash: hashRecoveryCode(code), createdAt: at.toISOString() });
  }
  return codes;
}

export type SetUpResult = { ok: true; recoveryCodes: string[] } | { ok: false; problem: "wrong" | "used" | "already" };

/**
 * Confirms a new authenticator app: the code must be right for the new secret. Stores the secret
 * sealed and 10 recovery codes hashed, and returns the codes (the only time they are seen).
 */
export async function setUpTwoFactor(db: Db, input: { userId: number; secret: string; code: string; key: SecretKey; at: Date }): Promise<SetUpResult> {
  return await inTransaction(db, async (tx): Promise<SetUpResult> => {
    if (await liveCredential(tx, input.userId)) return { ok: false, problem: "already" };
    const checked = checkCode({ code: input.code, secretBase32: input.secret, at: input.at, lastUsedStep: 0 });
    if (!checked.ok) return { ok: false, problem: checked.problem };
    const credential = await inserted(tx
      .insert(twoFactorCredentials)
      .values({
        userId: input.userId,
        secretSealed: sealSecret(input.key, input.secret, { userId: input.userId, purpose: STORED }),
        confirmedAt: input.at.toISOString(),
        lastUsedStep: checked.step,
      })
      .returning({ id: twoFactorCredentials.id }));
    const recoveryCodes = await storeCodes(tx, credential.id, input.at);
    await recordAudit(tx, { actorId: input.userId, action: "user.two_factor_set_up", entityType: "user", entityId: input.userId, at: input.at });
    // Told by email, so someone who set it up with a stolen password is noticed by the owner.
    const user = await first(tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, input.userId)).limit(1));
    if (user) {
      const mail = twoFactorSetUpMail({ name: user.name });
      await queueMail(tx, { dedupeKey: `two-factor-set-up:${credential.id}`, toUserId: input.userId, toAddress: user.email, subject: mail.subject, body: mail.body });
    }
    return { ok: true, recoveryCodes };
  });
}

/** New recovery codes; the old ones stop working. Null when the user has no two-factor authentication. */
export async function replaceRecoveryCodes(db: Db, { userId, at }: { userId: number; at: Date }): Promise<string[] | null> {
  return await inTransaction(db, async (tx) => {
    const credential = await liveCredential(tx, userId);
    if (!credential) return null;
    await tx.update(twoFactorRecoveryCodes)
      .set({ endedAt: at.toISOString() })
      .where(and(eq(twoFactorRecoveryCodes.credentialId, credential.id), isNull(twoFactorRecoveryCodes.endedAt)));
    const codes = await storeCodes(tx, credential.id, at);
    await recordAudit(tx, { actorId: userId, action: "user.two_factor_recovery_codes", entityType: "user", entityId: userId, at });
    return codes;
  });
}

async function endCredential(tx: Db, credentialId: number, reason: "turned_off" | "reset", at: Date) {
  await tx.update(twoFactorCredentials).set({ endedAt: at.toISOString(), endReason: reason }).where(eq(twoFactorCredentials.id, credentialId));
  await tx.update(twoFactorRecoveryCodes)
    .set({ endedAt: at.toISOString() })
    .where(and(eq(twoFactorRecoveryCodes.credentialId, credentialId), isNull(twoFactorRecoveryCodes.endedAt)));
}

/** The user turns it off (the page allows it only where their role does not require it). */
export async function turnOffTwoFactor(db: Db, { userId, at }: { userId: number; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const credential = await liveCredential(tx, userId);
    if (!credential) return null;
    await endCredential(tx, credential.id, "turned_off", at);
    await recordAudit(tx, { actorId: userId, action: "user.two_factor_turn_off", entityType: "user", entityId: userId, at });
    return true;
  });
}

/**
 * An administrator resets a user's second factor (a lost phone): the app and the recovery codes
 * stop working, any sign-in waiting for a code ends, and the user is told by email. They set it up
 * again at their next sign-in if their role requires it. Null when there was nothing to reset.
 */
export async function resetTwoFactor(db: Db, { actor, userId, at }: { actor: Actor; userId: number; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const user = await first(tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).limit(1));
    const credential = user ? await liveCredential(tx, userId) : undefined;
    if (!user || !credential) return null;
    await endCredential(tx, credential.id, "reset", at);
    await tx.update(pendingSignIns).set({ usedAt: at.toISOString() }).where(and(eq(pendingSignIns.userId, userId), isNull(pendingSignIns.usedAt)));
    await recordAudit(tx, { actorId: actor.userId, action: "user.two_factor_reset", entityType: "user", entityId: userId, at });
    const mail = twoFactorResetMail({ name: user.name, adminName: actor.name });
    await queueMail(tx, { dedupeKey: `two-factor-reset:${credential.id}`, toUserId: userId, toAddress: user.email, subject: mail.subject, body: mail.body });
    return true;
  });
}

export type SecondStepResult =
  | { ok: true; via: "code" }
  | { ok: true; via: "recovery_code"; recoveryCodesLeft: number }
  | { ok: false; problem: "blocked"; minutes: number }
  | { ok: false; problem: "wrong" | "used" | "not_set_up" };

/**
 * The second step at sign-in: a code from the app (a step not used before) or an unused recovery
 * code. Wrong codes are counted per account; CODE_ATTEMPT_LIMIT of them stop attempts for a while.
 */
export async function checkSecondStep(db: Db, input: { userId: number; typed: string; key: SecretKey; at: Date; ipAddress: string }): Promise<SecondStepResult> {
  return await inTransaction(db, async (tx): Promise<SecondStepResult> => {
    const since = new Date(input.at.getTime() - CODE_ATTEMPT_LIMIT.minutes * 60_000).toISOString();
    const failures = (await tx
      .select({ at: twoFactorAttempts.at })
      .from(twoFactorAttempts)
      .where(and(eq(twoFactorAttempts.userId, input.userId), eq(twoFactorAttempts.succeeded, false), gte(twoFactorAttempts.at, since))))
      .map((f) => new Date(f.at));
    const blocked = codeAttemptsBlocked(failures, input.at);
    if (blocked) return { ok: false, problem: "blocked", minutes: blocked.minutes };
    const credential = await liveCredential(tx, input.userId);
    if (!credential) return { ok: false, problem: "not_set_up" };
    const record = async (succeeded: boolean) => await tx.insert(twoFactorAttempts).values({ userId: input.userId, at: input.at.toISOString(), succeeded, ipAddress: input.ipAddress });

    if (looksLikeRecoveryCode(input.typed)) {
      const hash = hashRecoveryCode(normaliseCode(input.typed));
      const found = (await liveCodes(tx, credential.id)).find((c) => c.codeHash === hash);
      if (!found) {
        await record(false);
        return { ok: false, problem: "wrong" };
      }
      await tx.update(twoFactorRecoveryCodes).set({ usedAt: input.at.toISOString() }).where(and(eq(twoFactorRecoveryCodes.id, found.id), isNull(twoFactorRecoveryCodes.usedAt)));
      await record(true);
      const left = (await liveCodes(tx, credential.id)).length;
      await recordAudit(tx, { actorId: input.userId, action: "user.two_factor_recovery_code_used", entityType: "user", entityId: input.userId, details: { recoveryCodesLeft: left }, at: input.at });
      return { ok: true, via: "recovery_code", recoveryCodesLeft: left };
    }
    const secret = openSecret(input.key, credential.secretSealed, { userId: input.userId, purpose: STORED });
    const checked = secret ? checkCode({ code: input.typed, secretBase32: secret, at: input.at, lastUsedStep: credential.lastUsedStep }) : ({ ok: false, problem: "wrong" } as const);
    if (!checked.ok) {
      await record(false);
      return { ok: false, problem: checked.problem };
    }
    await tx.update(twoFactorCredentials).set({ lastUsedStep: checked.step }).where(eq(twoFactorCredentials.id, credential.id));
    await record(true);
    return { ok: true, via: "code" };
  });
}
