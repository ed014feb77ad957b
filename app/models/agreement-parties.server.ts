import { first } from "./transaction.server";
/**
 * The parties of a version and what each user may do with it: sign for a party in the app, record
 * a signature made on paper (docs/domain.md rule 2), or change the agreement
 * (app/domain/agreement-actions.ts), read from the rows once.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { partyRoleLabel, partyWorkerId, requiredParties, type Party } from "~/domain/agreement";
import { agreementActions, signaturesLeft, type AgreementActions } from "~/domain/agreement-actions";
import { signingRights, type SigningParty } from "~/domain/signing";
import { workerLabel } from "~/domain/worker-labels";
import type { Db } from "~db/client";
import { agreementVersions, agreementWorkers, careWorkers, organisations, people, signatures, users } from "~db/tables";
import type { Agreement, AgreementVersion } from "./agreement-access.server";
import { agreementHistory } from "./agreement-deletion.server";
import { workerLabelColumns } from "./worker-names.server";

/** The parties of a version with their display names. */
export async function partiesOf(db: Db, agreement: Agreement, version: AgreementVersion): Promise<{ party: Party; name: string; role: string; workerUserId: number | null }[]> {
  const workers = await db
    .select({ id: careWorkers.id, ...workerLabelColumns(), userId: careWorkers.userId })
    .from(agreementWorkers)
    .innerJoin(careWorkers, eq(careWorkers.id, agreementWorkers.workerId))
    .where(eq(agreementWorkers.versionId, version.id))
    .orderBy(asc(careWorkers.name));
  const delegator = (await first(db.select({ name: users.name }).from(users).where(eq(users.id, agreement.delegatorId)).limit(1)))!;
  const provider = (await first(db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, agreement.providerId)).limit(1)))!;
  const person = (await first(db.select({ name: people.name }).from(people).where(eq(people.id, agreement.personId)).limit(1)))!;
  return requiredParties(workers.map((w) => w.id)).map((party) => {
    const workerId = partyWorkerId(party);
    const found = workers.find((w) => w.id === workerId);
    const worker = found ? { ...found, name: workerLabel(found) } : undefined;
    const name = party === "delegator" ? delegator.name : party === "provider" ? provider.name : party === "person" ? person.name : (worker?.name ?? party);
    return { party, name, role: partyRoleLabel(party), workerUserId: worker?.userId ?? null };
  });
}

/** The parties that have signed this version. */
export async function signedParties(db: Db, versionId: number): Promise<Party[]> {
  return (await db.select({ party: signatures.party }).from(signatures).where(eq(signatures.versionId, versionId))).map((s) => s.party as Party);
}

/** The parties this actor may sign for in the app, as themselves (docs/domain.md rule 2, in app/domain/signing.ts). */
export async function partiesActorMaySign(db: Db, actor: Actor, agreement: Agreement, version: AgreementVersion): Promise<Party[]> {
  return signingRights(actor, agreement, await partiesOf(db, agreement, version)).inApp;
}

/** The parties this actor signs for in the app on this version and has not signed yet (none unless it waits for signatures). */
export async function partiesActorStillSigns(db: Db, actor: Actor, agreement: Agreement, version: AgreementVersion): Promise<Party[]> {
  if (version.state !== "awaiting_signatures") return [];
  return signaturesLeft(agreement, { state: version.state, parties: await partiesOf(db, agreement, version), signed: await signedParties(db, version.id) }, actor).sign;
}

/**
 * Everything this actor may do with this agreement on this version (app/domain/agreement-actions.ts),
 * from its rows; `parties` when the caller has read them already.
 */
export async function actionsOn(
  db: Db,
  { actor, agreement, version, parties: known }: { actor: Actor; agreement: Agreement; version: AgreementVersion; parties?: SigningParty[] },
): Promise<AgreementActions> {
  const parties = known ?? (await partiesOf(db, agreement, version));
  return agreementActions({ ...agreement, ...await agreementHistory(db, agreement.id) }, { ...version, parties, signed: await signedParties(db, version.id) }, actor);
}

/** The version of this agreement whose content (by hash) this user has already signed in the app, if any. */
export async function versionSignedBy(db: Db, { actor, agreementId, contentHash }: { actor: Actor; agreementId: number; contentHash: string }): Promise<number | null> {
  return (
    (await first(db
      .select({ version: agreementVersions.version })
      .from(signatures)
      .innerJoin(agreementVersions, eq(agreementVersions.id, signatures.versionId))
      .where(and(eq(agreementVersions.agreementId, agreementId), eq(signatures.contentHash, contentHash), eq(signatures.signerUserId, actor.userId))).limit(1)))?.version ?? null
  );
}
