import { TOTP, Secret } from "otpauth";
import type { Role } from "./roles";
import type { PendingSignInStage } from "./enums";

/**
 * Two-factor authentication for local accounts (docs/domain.md rule 21, docs/decisions/023):
 * time-based one-time passwords (RFC 6238) as every authenticator app makes them, recovery
 * codes, and the throttle on wrong codes. Pure: the caller passes the time and what is stored.
 */

/** What authenticator apps expect (Google Authenticator ignores anything else): SHA-1, 6 digits, 30 seconds. */
export const TOTP_PARAMETERS = { algorithm: "SHA1", digits: 6, period: 30 } as const;
/** Codes one time step either side of the server's are accepted (a phone's clock a little out). */
export const DRIFT_STEPS = 1;
/** The name an authenticator app shows above the code. */
export const TOTP_ISSUER = "Delegated Care";

/** Wrong codes per account before code attempts stop for that account. */
export const CODE_ATTEMPT_LIMIT = { failures: 5, minutes: 15 } as const;
/** How long a sign-in waits for its second step before the password must be given again. */
export const PENDING_SIGN_IN_MINUTES = 10;
export const RECOVERY_CODE_COUNT = 10;
/** Characters of a recovery code: no 0/O, 1/l/i, so it reads back from paper without doubt. */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const RECOVERY_LENGTH = 16;

export type SignInMethodKind = "password" | "sso";

/**
 * Whether a sign-in needs a second step before any session starts: none for organisation
 * sign-in (the identity provider does its own), a code when the user has set up two-factor
 * authentication, set-up first when their role requires it and they have not.
 */
export function secondStepNeeded(input: { method: SignInMethodKind; role: Role; hasTwoFactor: boolean; requiredRoles: readonly Role[] }): "none" | PendingSignInStage {
  if (input.method !== "password") return "none";
  if (input.hasTwoFactor) return "code";
  return input.requiredRoles.includes(input.role) ? "set_up" : "none";
}

/** Whether the user may turn two-factor authentication off: never when their role requires it. */
export function mayTurnOff(role: Role, requiredRoles: readonly Role[]): boolean {
  return !requiredRoles.includes(role);
}

/** The time step (30-second period since 1970) an instant falls in. */
export function timeStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PARAMETERS.period);
}

/** The code an app shows at a time step, for a secret in base32 (what the QR code carries). */
export function codeAt(secretBase32: string, step: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secretBase32), algorithm: TOTP_PARAMETERS.algorithm, digits: TOTP_PARAMETERS.digits, period: TOTP_PARAMETERS.period, timestamp: step * TOTP_PARAMETERS.period * 1000 });
}

export type CodeCheck = { ok: true; step: number } | { ok: false; problem: "wrong" | "used" };

/**
 * Checks a 6-digit code at `at`: it must be the code of the current step or one either side
 * (DRIFT_STEPS), and of a step later than the last one accepted, so a code that was seen (over a
 * shoulder, in a phishing page) cannot be used again, nor an older one after it.
 */
export function checkCode(input: { code: string; secretBase32: string; at: Date; lastUsedStep: number }): CodeCheck {
  const code = normaliseCode(input.code);
  if (!/^\d{6}$/.test(code)) return { ok: false, problem: "wrong" };
  const now = timeStep(input.at);
  for (let delta = -DRIFT_STEPS; delta <= DRIFT_STEPS; delta++) {
    const step = now + delta;
    if (codeAt(input.secretBase32, step) === code) return step > input.lastUsedStep ? { ok: true, step } : { ok: false, problem: "used" };
  }
  return { ok: false, problem: "wrong" };
}

/** What was typed, without spaces and hyphens ("123 456" is 123456), lower case. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]+/g, "").toLowerCase();
}

export function isSixDigitCode(typed: string): boolean {
  return /^\d{6}$/.test(normaliseCode(typed));
}

/** Whether what was typed could be a recovery code (16 letters and digits from the alphabet). */
export function looksLikeRecoveryCode(typed: string): boolean {
  const code = normaliseCode(typed);
  return code.length === RECOVERY_LENGTH && [...code].every((c) => RECOVERY_ALPHABET.includes(c));
}

/** New recovery codes from random bytes (the caller passes crypto.randomBytes). */
export function newRecoveryCodes(randomBytes: (n: number) => Uint8Array, count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    // Rejection sampling keeps every character equally likely (31 does not divide 256).
    const limit = 256 - (256 % RECOVERY_ALPHABET.length);
    let code = "";
    while (code.length < RECOVERY_LENGTH) {
      for (const byte of randomBytes(RECOVERY_LENGTH)) {
        if (byte < limit && code.length < RECOVERY_LENGTH) code += RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length];
      }
    }
    codes.add(code);
  }
  return [...codes];
}

/** A recovery code as printed: four groups of four ("abcd-efgh-jkmn-pqrs"). */
export function groupRecoveryCode(code: string): string {
  return normaliseCode(code).match(/.{1,4}/g)?.join("-") ?? "";
}

/** The key written out for typing into an app: groups of four letters and digits. */
export function groupKey(secretBase32: string): string {
  return secretBase32.match(/.{1,4}/g)?.join(" ") ?? "";
}

/** The otpauth:// address the QR code carries, which every authenticator app reads. */
export function keyUri(secretBase32: string, accountEmail: string): string {
  return new TOTP({ issuer: TOTP_ISSUER, label: accountEmail, secret: Secret.fromBase32(secretBase32), ...TOTP_PARAMETERS }).toString();
}

/**
 * The throttle on wrong codes, per account: CODE_ATTEMPT_LIMIT.failures wrong codes within
 * CODE_ATTEMPT_LIMIT.minutes stop code attempts for that account until the oldest of them is
 * that old. Returns the whole minutes to wait, or null.
 */
export function codeAttemptsBlocked(failures: readonly Date[], at: Date): { minutes: number } | null {
  const windowMs = CODE_ATTEMPT_LIMIT.minutes * 60_000;
  const recent = failures.filter((f) => at.getTime() - f.getTime() < windowMs && f.getTime() <= at.getTime()).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < CODE_ATTEMPT_LIMIT.failures) return null;
  const oldest = recent[recent.length - CODE_ATTEMPT_LIMIT.failures]!;
  return { minutes: Math.max(1, Math.ceil((oldest.getTime() + windowMs - at.getTime()) / 60_000)) };
}

/** The message for a blocked account, in minutes. */
export function blockedMessage(minutes: number): string {
  return `Too many wrong codes. Wait ${minutes} minute${minutes === 1 ? "" : "s"}, then sign in again.`;
}

/** Whether a pending sign-in can still be finished. */
export function pendingSignInUsable(pending: { expiresAt: string; usedAt: string | null }, at: Date): boolean {
  return !pending.usedAt && new Date(pending.expiresAt).getTime() > at.getTime();
}
