/**
 * Consent, freezing a version for signature, signatures (in the app, or on paper recorded by a
 * signed-in user), and activation (docs/domain.md rules 1, 2, 5 and 6).
 */
import crypto from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { activationBlockers, partyRoleLabel, partyWorkerId, requiredParties, type Party } from "~/domain/agreement";
import { sendProblems as unsentProblems } from "~/domain/agreement-task-list";
import { canonicalJson } from "~/domain/canonical-json";
import { capacityAfterConsent, consentProblems, sameConsent } from "~/domain/consent";
import { consentSentence } from "~/content/agreements";
import { formatDate, type IsoDate } from "~/domain/dates";
import { mayRecordPaper, paperRefusal, signingRights } from "~/domain/signing";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { inTransaction, recordAudit } from "~/services/audit.server";
import type { Db } from "~db/client";
import {
  agreements,
  agreementVersions,
  agreementWorkers,
  careWorkers,
  consents,
  organisations,
  people,
  signatures,
  users,
} from "~db/schema";
import type { consentKinds, representativeAuthorities } from "~/domain/enums";
import { buildVersionContent, consentOfVersion } from "./agreement-content.server";
import { taskCover, tellDelegatorAndProvider } from "./agreement-cover.server";
import { amendAgreement } from "./agreement-lifecycle.server";
import { agreementInScope, draftSectionsOf, editableDraft, versionOf, type Agreement, type AgreementVersion } from "./agreements.server";
import { requireDateInWindow } from "./date-checks.server";
import { RuleError } from "./errors.server";
import { workerLabelColumns } from "./worker-names.server";
import { freshVerificationCode } from "./verification-codes.server";
import { workerLabel } from "~/domain/worker-labels";
import { personInitialsOf, tellAgreementActive, tellAgreementSent } from "./notifications.server";

export type ConsentInput = {
  kind: (typeof consentKinds)[number];
  representativeName: string;
  authority: (typeof representativeAuthorities)[number] | null;
  decisionDetails: string;
  givenOn: IsoDate;
  notes: string;
};

/**
 * Records consent (a newer record replaces an older one; both are kept). Consent is part of what
 * the parties sign (docs/domain.md rule 6; docs/decisions/013): on a draft it is simply recorded
 * and frozen with the version when it is sent; once a version has been sent or signed, a
 * different consent starts a new version that every party must sign, and an active agreement is
 * suspended until then. The person's capacity on record follows the latest consent.
 */
export function recordConsent(
  db: Db,
  { actor, agreementId, input, today, at }: { actor: Actor; agreementId: number; input: ConsentInput; today: IsoDate; at: Date; warningDays: number },
): { newVersion: number | null } | false {
  return inTransaction(db, (tx) => {
    const agreement = agreementInScope(tx, actor, agreementId);
    if (!agreement) return false;
    if (actor.role !== "nurse") throw new RuleError([{ field: "kind", message: "Only a nurse on the agreement's team can record consent" }]);
    if (agreement.state === "ended") throw new RuleError([{ field: "kind", message: "This agreement has ended" }]);
    const problems = consentProblems(input);
    if (problems.length) throw new RuleError(problems);
    const person = tx.select({ dateOfBirth: people.dateOfBirth }).from(people).where(eq(people.id, agreement.personId)).get()!;
    requireDateInWindow("givenOn", "Date of consent", input.givenOn, DATE_WINDOWS.consent(today, person.dateOfBirth));
    const current = versionOf(tx, agreementId, agreement.currentVersion)!;
    const frozen = current.state !== "draft";
    if (frozen && sameConsent(input, consentOfVersion(tx, agreement, current))) {
      throw new RuleError([{ field: "kind", message: `This is the consent version ${current.version} was sent with: nothing has changed. Record consent only when it has changed.` }]);
    }
    tx.update(consents).set({ withdrawnAt: at.toISOString() }).where(and(eq(consents.agreementId, agreementId), isNull(consents.withdrawnAt))).run();
    tx.insert(consents).values({ agreementId, ...input, recordedBy: actor.userId }).run();
    recordAudit(tx, { actorId: actor.userId, action: "agreement.consent", entityType: "agreement", entityId: agreementId, details: { kind: input.kind, authority: input.authority, givenOn: input.givenOn, version: agreement.currentVersion }, at });
    keepCapacityInStep(tx, { actorId: actor.userId, personId: agreement.personId, consent: input, at });
    if (!frozen) return { newVersion: null };
    const wasActive = agreement.state === "active";
    const newVersion = amendAgreement(tx, {
      actor,
      agreementId,
      keepInForce: false,
      reason: `Consent changed on ${formatDate(input.givenOn)}: ${consentSentence(input)}`,
      at,
      suspendReason: `Consent changed on ${formatDate(input.givenOn)}: suspended until version ${current.version + 1}, with the new consent, is signed by every party`,
    })!;
    if (wasActive) {
      const who = personInitialsOf(tx, agreement.personId);
      tellDelegatorAndProvider(tx, {
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
function keepCapacityInStep(db: Db, { actorId, personId, consent, at }: { actorId: number; personId: number; consent: ConsentInput; at: Date }) {
  const person = db.select({ capacityNotes: people.capacityNotes }).from(people).where(eq(people.id, personId)).get()!;
  const capacity = capacityAfterConsent(consent);
  if (person.capacityNotes === capacity) return;
  db.update(people).set({ capacityNotes: capacity, updatedAt: at.toISOString() }).where(eq(people.id, personId)).run();
  recordAudit(db, { actorId, action: "person.capacity", entityType: "person", entityId: personId, details: { from: person.capacityNotes, to: capacity, cause: "consent" }, at });
}

export function contentHash(content: unknown): string {
  return crypto.createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/**
 * What must be in place before a draft can go for signature: every section of the guided
 * agreement completed, consent included (docs/domain.md rules 1 and 6); the dates are checked
 * again, as the tasks and so the review interval may have changed (rules 8 and 9). Each problem
 * names the section of the "Check and send" page it belongs to (`field`).
 */
export function sendProblems(db: Db, version: AgreementVersion, today: IsoDate): { field: string; message: string }[] {
  return unsentProblems(draftSectionsOf(db, { version, today })).map((p) => ({ field: p.anchor, message: p.message }));
}

/**
 * Freezes the draft as version N: its canonical content, SHA-256 hash and verification code
 * are written once and never change (docs/domain.md rule 6). Signatures start empty.
 */
export function sendForSignatures(
  db: Db,
  { actor, agreementId, today, at, warningDays }: { actor: Actor; agreementId: number; today: IsoDate; at: Date; warningDays: number },
): boolean {
  return inTransaction(db, (tx) => {
    const draft = editableDraft(tx, actor, agreementId);
    if (!draft) return false;
    const problems = sendProblems(tx, draft.version, today);
    if (problems.length) throw new RuleError(problems);
    const content = buildVersionContent(tx, draft.agreement, draft.version);
    const code = freshVerificationCode(tx);
    tx.update(agreementVersions)
      .set({ state: "awaiting_signatures", content: canonicalJson(content), contentHash: contentHash(content), verificationCode: code, frozenAt: at.toISOString(), frozenBy: actor.userId })
      .where(eq(agreementVersions.id, draft.version.id))
      .run();
    const first = draft.agreement.inForceVersion === null;
    tx.update(agreements)
      .set({
        // A first version is now awaiting signatures; an amendment leaves the agreement's state as it is.
        state: first && draft.agreement.state === "draft" ? "awaiting_signatures" : draft.agreement.state,
        awaitingSignaturesSince: at.toISOString(),
        stateChangedAt: first ? at.toISOString() : draft.agreement.stateChangedAt,
        updatedAt: at.toISOString(),
      })
      .where(eq(agreements.id, agreementId))
      .run();
    recordAudit(tx, { actorId: actor.userId, action: "agreement.send", entityType: "agreement", entityId: agreementId, details: { version: draft.version.version, contentHash: contentHash(content), verificationCode: code }, at });
    // However sending is reached, every party who signs in the app is asked to, in the same transaction.
    tellAgreementSent(tx, { agreement: draft.agreement, versionId: draft.version.id, version: draft.version.version, sentBy: actor.name, today, at });
    return true;
  });
}

/** The parties of a version with their display names. */
export function partiesOf(db: Db, agreement: Agreement, version: AgreementVersion): { party: Party; name: string; role: string; workerUserId: number | null }[] {
  const workers = db
    .select({ id: careWorkers.id, ...workerLabelColumns(), userId: careWorkers.userId })
    .from(agreementWorkers)
    .innerJoin(careWorkers, eq(careWorkers.id, agreementWorkers.workerId))
    .where(eq(agreementWorkers.versionId, version.id))
    .orderBy(asc(careWorkers.name))
    .all();
  const delegator = db.select({ name: users.name }).from(users).where(eq(users.id, agreement.delegatorId)).get()!;
  const provider = db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, agreement.providerId)).get()!;
  const person = db.select({ name: people.name }).from(people).where(eq(people.id, agreement.personId)).get()!;
  return requiredParties(workers.map((w) => w.id)).map((party) => {
    const workerId = partyWorkerId(party);
    const found = workers.find((w) => w.id === workerId);
    const worker = found ? { ...found, name: workerLabel(found) } : undefined;
    const name = party === "delegator" ? delegator.name : party === "provider" ? provider.name : party === "person" ? person.name : (worker?.name ?? party);
    return { party, name, role: partyRoleLabel(party), workerUserId: worker?.userId ?? null };
  });
}

/**
 * The parties this actor may sign in the app, as themselves, and those whose paper signature
 * they may record (docs/domain.md rule 2, in app/domain/signing.ts).
 */
export function signingRightsOf(db: Db, actor: Actor, agreement: Agreement, version: AgreementVersion) {
  return signingRights(actor, agreement, partiesOf(db, agreement, version));
}

/** The parties this actor may sign for in the app, as themselves. */
export function partiesActorMaySign(db: Db, actor: Actor, agreement: Agreement, version: AgreementVersion): Party[] {
  return signingRightsOf(db, actor, agreement, version).inApp;
}

/** The parties this actor signs for in the app on this version and has not signed yet (none unless it waits for signatures). */
export function partiesActorStillSigns(db: Db, actor: Actor, agreement: Agreement, version: AgreementVersion): Party[] {
  if (version.state !== "awaiting_signatures") return [];
  const signed = new Set(db.select({ party: signatures.party }).from(signatures).where(eq(signatures.versionId, version.id)).all().map((s) => s.party));
  return partiesActorMaySign(db, actor, agreement, version).filter((p) => !signed.has(p));
}

/** The version of this agreement whose content (by hash) this user has already signed in the app, if any. */
export function versionSignedBy(db: Db, { actor, agreementId, contentHash }: { actor: Actor; agreementId: number; contentHash: string }): number | null {
  return (
    db
      .select({ version: agreementVersions.version })
      .from(signatures)
      .innerJoin(agreementVersions, eq(agreementVersions.id, signatures.versionId))
      .where(and(eq(agreementVersions.agreementId, agreementId), eq(signatures.contentHash, contentHash), eq(signatures.signerUserId, actor.userId)))
      .get()?.version ?? null
  );
}

function currentFrozenVersion(db: Db, agreement: Agreement): AgreementVersion {
  const version = versionOf(db, agreement.id, agreement.currentVersion)!;
  if (version.state !== "awaiting_signatures" || !version.contentHash) {
    throw new RuleError([{ field: "form", message: "This version is not waiting for signatures" }]);
  }
  return version;
}

/**
 * Signs in the app, as oneself. The hash the signer was shown must be the version's hash, so a
 * signature can never attach to content the signer did not see.
 */
export function signInApp(
  db: Db,
  { actor, agreementId, party, shownHash, today, at, warningDays }: { actor: Actor; agreementId: number; party: Party; shownHash: string; today: IsoDate; at: Date; warningDays: number },
): boolean {
  return inTransaction(db, (tx) => {
    const agreement = agreementInScope(tx, actor, agreementId);
    if (!agreement) return false;
    const version = currentFrozenVersion(tx, agreement);
    if (shownHash !== version.contentHash) {
      throw new RuleError([{ field: "form", message: "The agreement changed since you opened it. Read the current version, then sign again." }]);
    }
    if (!partiesActorMaySign(tx, actor, agreement, version).includes(party)) {
      throw new RuleError([{ field: "form", message: "You cannot sign for this party" }]);
    }
    addSignature(tx, { agreement, version, party, signerName: actor.name, signerRole: partyRoleLabel(party), signerUserId: actor.userId, signedAt: at.toISOString(), method: "in_app", recordedBy: null, at, actorId: actor.userId });
    tryActivate(tx, { agreementId, today, at, warningDays });
    return true;
  });
}

/**
 * Records a signature made on paper: the person or their representative, or a named worker
 * without a sign-in (docs/domain.md rule 2). The signed-in user who records it is named with it.
 */
export function recordPaperSignature(
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
): boolean {
  return inTransaction(db, (tx) => {
    const agreement = agreementInScope(tx, actor, agreementId);
    if (!agreement) return false;
    if (!mayRecordPaper(actor, agreement)) {
      throw new RuleError([{ field: "party", message: "Only a nurse of the agreement's team or a manager of its provider can record a signature made on paper" }]);
    }
    const version = currentFrozenVersion(tx, agreement);
    if (shownHash !== version.contentHash) {
      throw new RuleError([{ field: "party", message: "The agreement changed since you opened it. Check the signed paper is for the current version." }]);
    }
    const signer = partiesOf(tx, agreement, version).find((p) => p.party === party);
    if (!signer) throw new RuleError([{ field: "party", message: "Select a party to this agreement" }]);
    // docs/domain.md rule 2: paper only for the person and for workers without a sign-in.
    const refusal = paperRefusal(actor, agreement, signer);
    if (refusal) throw new RuleError([{ field: "party", message: refusal }]);
    if (signedOn > today) throw new RuleError([{ field: "signedOn", message: "The date it was signed must be today or in the past" }]);
    if (version.frozenAt && signedOn < version.frozenAt.slice(0, 10)) {
      throw new RuleError([{ field: "signedOn", message: "The date it was signed cannot be before this version was sent for signatures" }]);
    }
    addSignature(tx, { agreement, version, party, signerName, signerRole: partyRoleLabel(party), signerUserId: null, signedAt: `${signedOn}T12:00:00.000Z`, method: "on_paper", recordedBy: actor.userId, at, actorId: actor.userId });
    tryActivate(tx, { agreementId, today, at, warningDays });
    return true;
  });
}

function addSignature(
  db: Db,
  s: {
    agreement: Agreement;
    version: AgreementVersion;
    party: Party;
    signerName: string;
    signerRole: string;
    signerUserId: number | null;
    signedAt: string;
    method: "in_app" | "on_paper";
    recordedBy: number | null;
    at: Date;
    actorId: number;
  },
) {
  const existing = db.select({ id: signatures.id }).from(signatures).where(and(eq(signatures.versionId, s.version.id), eq(signatures.party, s.party))).get();
  if (existing) throw new RuleError([{ field: "party", message: "This party has already signed this version" }]);
  db.insert(signatures)
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
    })
    .run();
  recordAudit(db, {
    actorId: s.actorId,
    action: "agreement.sign",
    entityType: "agreement",
    entityId: s.agreement.id,
    details: { version: s.version.version, party: s.party, method: s.method, signerName: s.signerName, contentHash: s.version.contentHash },
    at: s.at,
  });
}

/** What still stands between the current version and activation (for the page and for activation). */
export function blockersFor(db: Db, { agreement, version, today, warningDays }: { agreement: Agreement; version: AgreementVersion; today: IsoDate; warningDays: number }): string[] {
  const parties = partiesOf(db, agreement, version);
  return activationBlockers({
    // The consent the version was signed on (docs/domain.md rule 6), not whatever was recorded later.
    consentRecorded: !!consentOfVersion(db, agreement, version),
    versionHash: version.contentHash,
    required: parties.map((p) => p.party),
    signatures: db.select({ party: signatures.party, contentHash: signatures.contentHash }).from(signatures).where(eq(signatures.versionId, version.id)).all(),
    cover: taskCover(db, { versionId: version.id, today, warningDays }),
    partyNames: Object.fromEntries(parties.map((p) => [p.party, p.name])),
  });
}

/**
 * Activates the current version when nothing blocks it (docs/domain.md rule 1): it becomes the version
 * in force, any earlier one is superseded, and the agreement is active.
 */
export function tryActivate(db: Db, { agreementId, today, at, warningDays }: { agreementId: number; today: IsoDate; at: Date; warningDays: number }): boolean {
  const agreement = db.select().from(agreements).where(eq(agreements.id, agreementId)).get();
  if (!agreement || agreement.state === "ended") return false;
  const version = versionOf(db, agreementId, agreement.currentVersion);
  if (!version || version.state !== "awaiting_signatures") return false;
  if (blockersFor(db, { agreement, version, today, warningDays }).length) return false;
  if (agreement.inForceVersion !== null) {
    db.update(agreementVersions).set({ state: "superseded" }).where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.version, agreement.inForceVersion))).run();
  }
  db.update(agreementVersions).set({ state: "signed", activatedAt: at.toISOString() }).where(eq(agreementVersions.id, version.id)).run();
  db.update(agreements)
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
    .where(eq(agreements.id, agreementId))
    .run();
  recordAudit(db, { actorId: null, action: "agreement.activate", entityType: "agreement", entityId: agreementId, details: { version: version.version, contentHash: version.contentHash }, at });
  tellAgreementActive(db, { agreementId, today, at });
  return true;
}
