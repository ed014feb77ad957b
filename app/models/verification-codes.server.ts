import { first } from "./transaction.server";
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "~db/client";
import { agreementVersions, passportPrints } from "~db/tables";

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
export async function freshVerificationCode(db: Db): Promise<string> {
  const taken = async (code: string) =>
    !!await first(db.select({ id: agreementVersions.id }).from(agreementVersions).where(eq(agreementVersions.verificationCode, code)).limit(1)) ||
    !!await first(db.select({ id: passportPrints.id }).from(passportPrints).where(eq(passportPrints.verificationCode, code)).limit(1));
  let code = newVerificationCode();
  while (await taken(code)) code = newVerificationCode();
  return code;
}
