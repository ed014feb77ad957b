/**
 * Recording consent, part of what the parties sign (docs/domain.md rule 6; docs/decisions/013):
 * a change once a version is sent starts a new version, and the person's capacity on record
 * follows the latest consent.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import type { SignedConsent } from "~/domain/agreement-content";
import { capacityAfterConsent, consentProblems, sameConsent } from "~/domain/consent";
import { consentSentence } from "~/content/agreements";
import { formatDate, type IsoDate } from "~/domain/dates";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { consents, people } from "~db/tables";
import { agreementFor } from "./agreement-access.server";
import { consentOfVersion } from "./agreement-content.server";
import { tellDelegatorAndProvider } from "./agreement-cover.server";
import { amendAgreement } from "./agreement-lifecycle.server";
import { requireDateInWindow } from "./date-checks.server";
import { RuleError } from "./errors.server";
import { personInitialsOf } from "./notifications.server";

/** Consent as recorded: what the parties sign, and the nurse's notes. */
export type ConsentInput = SignedConsent & { notes: string };

/**
 * Records consent (a newer record replaces an older one; both are kept). Consent is part of what
 * the parties sign (docs/domain.md rule 6; docs/decisions/013): on a draft it is simply recorded
 * and frozen with the version when it is sent; once a version has been sent or signed, a
 * different consent starts a new version that every party must sign, and an active agreement is
 * suspended until then. The person's capacity on record follows the latest consent.
 */
export async function recordConsent(
  db: Db,
  { actor, agreementId, input, today, at }: { actor: Actor; agreementId: number; input: ConsentInput; today: IsoDate; at: Date; warningDays: number },
): Promise<{ newVersion: number | null } | null> {
  return await inTransaction(db, async (tx) => {
    const found = await agreementFor(tx, { actor, agreementId, change: "consent", fields: { role: "kind", state: "kind" } });
    if (!found) return null;
    const { agreement, version: current } = found;
    const problems = consentProblems(input);
    if (problems.length) throw new RuleError(problems);
    const person = (await first(tx.select({ dateOfBirth: people.dateOfBirth }).from(people).where(eq(people.id, agreement.personId)).limit(1)))!;
    requireDateInWindow("givenOn", "Date of consent", input.givenOn, DATE_WINDOWS.consent(today, person.dateOfBirth));
    const frozen = current.state !== "draft";
    if (frozen && sameConsent(input, await consentOfVersion(tx, agreement, current))) {
      throw new RuleError([{ field: "kind", message: `This is the consent version ${current.version} was sent with: nothing has changed. Record consent only when it has changed.` }]);
    }
    await tx.update(consents).set({ withdrawnAt: at.toISOString() }).where(and(eq(consents.agreementId, agreementId), isNull(consents.withdrawnAt)));
    await tx.insert(consents).values({ agreementId, ...input, recordedBy: actor.userId });
    await recordAudit(tx, { actorId: actor.userId, action: "agreement.consent", entityType: "agreement", entityId: agreementId, details: { kind: input.kind, authority: input.authority, givenOn: input.givenOn, version: agreement.currentVersion }, at });
    await keepCapacityInStep(tx, { actorId: actor.userId, personId: agreement.personId, consent: input, at });
    if (!frozen) return { newVersion: null };
    const wasActive = agreement.state === "active";
    const newVersion = (await amendAgreement(tx, {
      actor,
      agreementId,
      keepInForce: false,
      reason: `Consent changed on ${formatDate(input.givenOn)}: ${consentSentence(input)}`,
      at,
      suspendReason: `Consent changed on ${formatDate(input.givenOn)}: suspended until version ${current.version + 1}, with the new consent, is signed by every party`,
    }))!;
    if (wasActive) {
      const who = await personInitialsOf(tx, agreement.personId);
      await tellDelegatorAndProvider(tx, {
        agreement,
        at,
        subject: `Agreement ${agreement.reference} (${who}) suspended: consent changed`,
        body: `${actor.name} recorded a change of consent for agreement ${agreement.reference} (${who}). The signed version no longer matches the consent on record, so the agreement is suspended until version ${newVersion}, with the new consent, is signed by every party.\n\nNo named care worker may carry out its tasks until then.`,
        key: `consent:${agreementId}:${at.toISOString()}`,
      });
    }
    return { newVersion };
  });
}

/** The person's capacity on record follows the latest consent (the old wording stays in the audit trail). */
async function keepCapacityInStep(db: Db, { actorId, personId, consent, at }: { actorId: number; personId: number; consent: ConsentInput; at: Date }) {
  const person = (await first(db.select({ capacityNotes: people.capacityNotes }).from(people).where(eq(people.id, personId)).limit(1)))!;
  const capacity = capacityAfterConsent(consent);
  if (person.capacityNotes === capacity) return;
  await db.update(people).set({ capacityNotes: capacity, updatedAt: at.toISOString() }).where(eq(people.id, personId));
  await recordAudit(db, { actorId, action: "person.capacity", entityType: "person", entityId: personId, details: { from: person.capacityNotes, to: capacity, cause: "consent" }, at });
}
