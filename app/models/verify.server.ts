import { first } from "./transaction.server";
import { and, eq } from "drizzle-orm";
import { agreementStatus, agreementStatusLabel } from "~/domain/agreement";
import type { IsoDate } from "~/domain/dates";
import { initials } from "~/domain/names";
import { isUsable, printoutStatus, printoutWords } from "~/domain/printout";
import type { Db } from "~db/client";
import { agreements, agreementVersions, people } from "~db/tables";

/** Codes are 8 characters from an alphabet without 0, O, 1 or I; shown as XXXX-XXXX. */
export function normaliseCode(input: string): string | null {
  const c = input.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return /^[A-HJ-NP-Z2-9]{8}$/.test(c) ? `${c.slice(0, 4)}-${c.slice(4)}` : null;
}

/**
 * What a printout's verification code says today, for anyone holding the printout: no
 * personal data beyond the person's initials. The case, and its words, come from the same
 * decision the printout's own status line uses (docs/domain.md rule 11).
 */
export async function verifyCode(db: Db, { code, today, reviewDueDays }: { code: string; today: IsoDate; reviewDueDays: number }) {
  const row = await first(db
    .select({ version: agreementVersions, agreement: agreements, personName: people.name })
    .from(agreementVersions)
    .innerJoin(agreements, eq(agreements.id, agreementVersions.agreementId))
    .innerJoin(people, eq(people.id, agreements.personId))
    .where(and(eq(agreementVersions.verificationCode, code))).limit(1));
  if (!row) return null;
  const { version: v, agreement: a } = row;
  const status = printoutStatus({ agreement: a, version: v, today });
  return {
    code,
    reference: a.reference,
    version: v.version,
    personInitials: initials(row.personName),
    signedOn: v.activatedAt,
    latestSignedVersion: a.inForceVersion,
    agreementStatus: agreementStatusLabel(agreementStatus(a, today, reviewDueDays), a.startDate),
    status,
    words: printoutWords(status, v.version),
    canBeUsed: isUsable(status),
  };
}
