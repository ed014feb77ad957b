import { first } from "./transaction.server";
/**
 * The parties of a version and what each user may do with it: sign for a party in the app, record
 * a signature made on paper (docs/domain.md rule 2), or change the agreement
 * (app/domain/agreement-actions.ts), read from the rows once.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { partyRoleLabel, partyWorkerId, requiredParties, type Party } from "~/domain/agreement";
import { agreementActions, signaturesLeft, type AgreementActions } from "~/domain/agreement-actions";
import { signingRights, type SigningParty } from "~/domain/signing";
import { workerLabel } from "~/domain/worker-labels";
import type { Db } from "~db/client";
import { agreementVersions, agreementWorkers, careWorkers, organisations, people, signatures, users } from "~db/tables";
import type { Agreement, AgreementVersion } from "./agreement-access.server";
import { agreementHistory } from "./agreement-deletion.server";
import { chunked, groupBy } from "./batches.server";
import { workerLabelColumns } from "./worker-names.server";

type VersionOf = { agreement: Agreement; version: AgreementVersion };
export type NamedParty = { party: Party; name: string; role: string; workerUserId: number | null };

/** The parties of a version with their display names. */
export async function partiesOf(db: Db, agreement: Agreement, version: AgreementVersion): Promise<NamedParty[]> {
  return (await partiesOfEach(db, [{ agreement, version }])).get(version.id)!;
}

/**
 * The parties of each version, by version id, in four queries however many versions there are
 * (a list on a home page reads them together rather than one version at a time).
 */
export async function partiesOfEach(db: Db, versions: VersionOf[]): Promise<Map<number, NamedParty[]>> {
  const workers = groupBy(
    await chunked(versions.map((v) => v.version.id), (ids) =>
      db
        .select({ versionId: agreementWorkers.versionId, id: careWorkers.id, ...workerLabelColumns(), userId: careWorkers.userId })
        .from(agreementWorkers)
        .innerJoin(careWorkers, eq(careWorkers.id, agreementWorkers.workerId))
        .where(inArray(agreementWorkers.versionId, ids))
        .orderBy(asc(careWorkers.name)),
    ),
    (w) => w.versionId,
  );
  const namesOf = async (table: typeof users | typeof organisations | typeof people, ids: number[]) =>
    new Map((await chunked(ids, (slice) => db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, slice)))).map((r) => [r.id, r.name]));
  const delegators = await namesOf(users, versions.map((v) => v.agreement.delegatorId));
  const providers = await namesOf(organisations, versions.map((v) => v.agreement.providerId));
  const persons = await namesOf(people, versions.map((v) => v.agreement.personId));
  const out = new Map<number, NamedParty[]>();
  for (const { agreement, version } of versions) {
    const named = workers.get(version.id) ?? [];
    out.set(
      version.id,
      requiredParties(named.map((w) => w.id)).map((party) => {
        const workerId = partyWorkerId(party);
        const found = named.find((w) => w.id === workerId);
        const worker = found ? { ...found, name: workerLabel(found) } : undefined;
        const name =
          party === "delegator" ? delegators.get(agreement.delegatorId)! : party === "provider" ? providers.get(agreement.providerId)! : party === "person" ? persons.get(agreement.personId)! : (worker?.name ?? party);
        return { party, name, role: partyRoleLabel(party), workerUserId: worker?.userId ?? null };
      }),
    );
  }
  return out;
}

/** The parties that have signed this version. */
export async function signedParties(db: Db, versionId: number): Promise<Party[]> {
  return (await signedPartiesOfEach(db, [versionId])).get(versionId) ?? [];
}

/** The parties that have signed each version, by version id (none: no entry). */
async function signedPartiesOfEach(db: Db, versionIds: number[]): Promise<Map<number, Party[]>> {
  const rows = await chunked(versionIds, (ids) => db.select({ versionId: signatures.versionId, party: signatures.party }).from(signatures).where(inArray(signatures.versionId, ids)));
  return new Map([...groupBy(rows, (r) => r.versionId)].map(([id, list]) => [id, list.map((r) => r.party as Party)]));
}

/** The parties this actor may sign for in the app, as themselves (docs/domain.md rule 2, in app/domain/signing.ts). */
export async function partiesActorMaySign(db: Db, actor: Actor, agreement: Agreement, version: AgreementVersion): Promise<Party[]> {
  return signingRights(actor, agreement, await partiesOf(db, agreement, version)).inApp;
}

/** The parties this actor signs for in the app on this version and has not signed yet (none unless it waits for signatures). */
export async function partiesActorStillSigns(db: Db, actor: Actor, agreement: Agreement, version: AgreementVersion): Promise<Party[]> {
  return (await partiesActorStillSignsOnEach(db, actor, [{ agreement, version }])).get(version.id)!;
}

/** The same for each of several versions, by version id, in five queries however many there are. */
export async function partiesActorStillSignsOnEach(db: Db, actor: Actor, versions: VersionOf[]): Promise<Map<number, Party[]>> {
  const waiting = versions.filter((v) => v.version.state === "awaiting_signatures");
  const parties = await partiesOfEach(db, waiting);
  const signed = await signedPartiesOfEach(db, waiting.map((v) => v.version.id));
  const out = new Map<number, Party[]>(versions.map((v) => [v.version.id, []]));
  for (const { agreement, version } of waiting) {
    out.set(version.id, signaturesLeft(agreement, { state: version.state, parties: parties.get(version.id)!, signed: signed.get(version.id) ?? [] }, actor).sign);
  }
  return out;
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
