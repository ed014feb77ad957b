import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "~db/client";
import { agreementVersions, passportPrints } from "~db/schema";

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A short, unguessable code printed on every page: 8 characters from 32, about 10^12 codes. */
export function newVerificationCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * A code no printout has yet, agreement or passport: `/verify/:code` answers for both, so one
 * code must never name two printouts. Called inside the write transaction that stores it.
 */
export function freshVerificationCode(db: Db): string {
  const taken = (code: string) =>
    !!db.select({ id: agreementVersions.id }).from(agreementVersions).where(eq(agreementVersions.verificationCode, code)).get() ||
    !!db.select({ id: passportPrints.id }).from(passportPrints).where(eq(passportPrints.verificationCode, code)).get();
  let code = newVerificationCode();
  while (taken(code)) code = newVerificationCode();
  return code;
}
