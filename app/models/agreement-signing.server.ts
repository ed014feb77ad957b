/**
 * Signatures (in the app as oneself, or on paper recorded by a signed-in user; docs/domain.md
 * rule 2) on the version waiting for them, and activation once nothing blocks it (rules 1 and 5).
 */
import { and, eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { activationBlockers, partyRoleLabel, partyWorkerId, type Party } from "~/domain/agreement";
import type { IsoDate } from "~/domain/dates";
import { mayRecordPaper, paperRefusal } from "~/domain/signing";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { agreements, agreementVersions, signatures } from "~db/tables";
import { agreementInScope, versionOf, type Agreement, type AgreementVersion } from "./agreement-access.server";
import { consentOfVersion } from "./agreement-content.server";
import { taskCover } from "./agreement-cover.server";
import { partiesActorMaySign, partiesOf } from "./agreement-parties.server";
import { RuleError } from "./errors.server";
import { tellAgreementActive } from "./notifications.server";
import type { SignatureMethod } from "~/domain/enums";

async function currentFrozenVersion(db: Db, agreement: Agreement): Promise<AgreementVersion> {
  const version = (await versionOf(db, agreement.id, agreement.currentVersion))!;
  if (version.state !== "awaiting_signatures" || !version.contentHash) {
    throw new RuleError([{ field: "form", message: "This version is not waiting for signatures" }]);
  }
  return version;
}

/**
 * Signs in the app, as oneself. The hash the signer was shown must be the version's hash, so a
 * signature can never attach to content the signer did not see.
 */
export async function signInApp(
  db: Db,
  { actor, agreementId, party, shownHash, today, at, warningDays }: { actor: Actor; agreementId: number; party: Party; shownHash: string; today: IsoDate; at: Date; warningDays: number },
): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const agreement = await agreementInScope(tx, actor, agreementId);
    if (!agreement) return null;
    const version = await currentFrozenVersion(tx, agreement);
    if (shownHash !== version.contentHash) {
      throw new RuleError([{ field: "form", message: "The agreement changed since you opened it. Read the current version, then sign again." }]);
    }
    if (!(await partiesActorMaySign(tx, actor, agreement, version)).includes(party)) {
      throw new RuleError([{ field: "form", message: "You cannot sign for this party" }]);
    }
    await addSignature(tx, { agreement, version, party, signerName: actor.name, signerRole: partyRoleLabel(party), signerUserId: actor.userId, signedAt: at.toISOString(), method: "in_app", recordedBy: null, at, actorId: actor.userId });
    await tryActivate(tx, { agreementId, today, at, warningDays });
    return true;
  });
}

/**
 * Records a signature made on paper: the person or their representative, or a named worker
 * without a sign-in (docs/domain.md rule 2). The signed-in user who records it is named with it.
 */
export async function recordPaperSignature(
  db: Db,
  {
    actor,
    agreementId,
    party,
    signerName,
    signedOn,
    shownHash,
    today,
    at,
    warningDays,
  }: { actor: Actor; agreementId: number; party: Party; signerName: string; signedOn: IsoDate; shownHash: string; today: IsoDate; at: Date; warningDays: number },
): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const agreement = await agreementInScope(tx, actor, agreementId);
    if (!agreement) return null;
    if (!mayRecordPaper(actor, agreement)) {
      throw new RuleError([{ field: "party", message: "Only a nurse of the agreement's team or a manager of its provider can record a signature made on paper" }]);
    }
    const version = await currentFrozenVersion(tx, agreement);
    if (shownHash !== version.contentHash) {
      throw new RuleError([{ field: "party", message: "The agreement changed since you opened it. Check the signed paper is for the current version." }]);
    }
    const signer = (await partiesOf(tx, agreement, version)).find((p) => p.party === party);
    if (!signer) throw new RuleError([{ field: "party", message: "Select a party to this agreement" }]);
    // docs/domain.md rule 2: paper only for the person and for workers without a sign-in.
    const refusal = paperRefusal(actor, agreement, signer);
    if (refusal) throw new RuleError([{ field: "party", message: refusal }]);
    if (signedOn > today) throw new RuleError([{ field: "signedOn", message: "The date it was signed must be today or in the past" }]);
    if (version.frozenAt && signedOn < version.frozenAt.slice(0, 10)) {
      throw new RuleError([{ field: "signedOn", message: "The date it was signed cannot be before this version was sent for signatures" }]);
    }
    await addSignature(tx, { agreement, version, party, signerName, signerRole: partyRoleLabel(party), signerUserId: null, signedAt: `${signedOn}T12:00:00.000Z`, method: "on_paper", recordedBy: actor.userId, at, actorId: actor.userId });
    await tryActivate(tx, { agreementId, today, at, warningDays });
    return true;
  });
}

async function addSignature(
  db: Db,
  s: {
    agreement: Agreement;
    version: AgreementVersion;
    party: Party;
    signerName: string;
    signerRole: string;
    signerUserId: number | null;
    signedAt: string;
    method: SignatureMethod;
    recordedBy: number | null;
    at: Date;
    actorId: number;
  },
) {
  const existing = await first(db.select({ id: signatures.id }).from(signatures).where(and(eq(signatures.versionId, s.version.id), eq(signatures.party, s.party))).limit(1));
  if (existing) throw new RuleError([{ field: "party", message: "This party has already signed this version" }]);
  await db.insert(signatures)
    .values({
      versionId: s.version.id,
      party: s.party,
      workerId: partyWorkerId(s.party),
      signerName: s.signerName,
      signerRole: s.signerRole,
      signerUserId: s.signerUserId,
      signedAt: s.signedAt,
      method: s.method,
      recordedBy: s.recordedBy,
      contentHash: s.version.contentHash!,
    });
  await recordAudit(db, {
    actorId: s.actorId,
    action: "agreement.sign",
    entityType: "agreement",
    entityId: s.agreement.id,
    details: { version: s.version.version, party: s.party, method: s.method, signerName: s.signerName, contentHash: s.version.contentHash },
    at: s.at,
  });
}

/** What still stands between the current version and activation (for the page and for activation). */
export async function blockersFor(db: Db, { agreement, version, today, warningDays }: { agreement: Agreement; version: AgreementVersion; today: IsoDate; warningDays: number }): Promise<string[]> {
  const parties = await partiesOf(db, agreement, version);
  return activationBlockers({
    // The consent the version was signed on (docs/domain.md rule 6), not whatever was recorded later.
    consentRecorded: !!await consentOfVersion(db, agreement, version),
    versionHash: version.contentHash,
    required: parties.map((p) => p.party),
    signatures: await db.select({ party: signatures.party, contentHash: signatures.contentHash }).from(signatures).where(eq(signatures.versionId, version.id)),
    cover: await taskCover(db, { versionId: version.id, today, warningDays }),
    partyNames: Object.fromEntries(parties.map((p) => [p.party, p.name])),
  });
}

/**
 * Activates the current version when nothing blocks it (docs/domain.md rule 1): it becomes the version
 * in force, any earlier one is superseded, and the agreement is active.
 */
export async function tryActivate(db: Db, { agreementId, today, at, warningDays }: { agreementId: number; today: IsoDate; at: Date; warningDays: number }): Promise<boolean> {
  return await inTransaction(db, async (tx) => {
    const agreement = await first(tx.select().from(agreements).where(eq(agreements.id, agreementId)).limit(1));
    if (!agreement || agreement.state === "ended") return false;
    const version = await versionOf(tx, agreementId, agreement.currentVersion);
    if (!version || version.state !== "awaiting_signatures") return false;
    if ((await blockersFor(tx, { agreement, version, today, warningDays })).length) return false;
    if (agreement.inForceVersion !== null) {
      await tx.update(agreementVersions).set({ state: "superseded" }).where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.version, agreement.inForceVersion)));
    }
    await tx.update(agreementVersions).set({ state: "signed", activatedAt: at.toISOString() }).where(eq(agreementVersions.id, version.id));
    await tx.update(agreements)
      .set({
        state: "active",
        inForceVersion: version.version,
        startDate: version.startDate,
        reviewDate: version.reviewDate,
        stateReason: "",
        suspendedAutomatically: false,
        awaitingSignaturesSince: null,
        stateChangedAt: at.toISOString(),
        updatedAt: at.toISOString(),
      })
      .where(eq(agreements.id, agreementId));
    await recordAudit(tx, { actorId: null, action: "agreement.activate", entityType: "agreement", entityId: agreementId, details: { version: version.version, contentHash: version.contentHash }, at });
    await tellAgreementActive(tx, { agreementId, today, at });
    return true;
  });
}
