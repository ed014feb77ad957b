import { first } from "./transaction.server";
/**
 * The one reader of a version's content (docs/domain.md rule 6): a frozen version is read from
 * the canonical JSON that was hashed and signed, never rebuilt from tables that may have changed
 * since (the task catalogue, a person's details); a draft is built from its rows.
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { parseVersionContent, specificsOf, type SignedConsent, type VersionContent } from "~/domain/agreement-content";
import type { Db } from "~db/client";
import { agreementTasks, agreementWorkers, careWorkers, consents, organisations, people, tasks, users } from "~db/tables";
import type { Agreement, AgreementVersion } from "./agreement-access.server";
import { chunked, groupBy } from "./batches.server";

/** The consent on record for an agreement now (the newest not replaced), as it would be signed. */
export async function latestConsent(db: Db, agreementId: number): Promise<SignedConsent | null> {
  return (await latestConsentOfEach(db, [agreementId])).get(agreementId) ?? null;
}

/** The same for several agreements in one query, by agreement id (none on record: no entry). */
export async function latestConsentOfEach(db: Db, agreementIds: number[]): Promise<Map<number, SignedConsent>> {
  const rows = await chunked(agreementIds, (ids) =>
    db
      .select()
      .from(consents)
      .where(and(inArray(consents.agreementId, ids), isNull(consents.withdrawnAt)))
      .orderBy(desc(consents.id)),
  );
  const out = new Map<number, SignedConsent>();
  for (const c of rows) {
    // Newest first: the first row of each agreement is its consent now.
    if (!out.has(c.agreementId)) out.set(c.agreementId, { kind: c.kind, representativeName: c.representativeName, authority: c.authority, decisionDetails: c.decisionDetails, givenOn: c.givenOn });
  }
  return out;
}

/**
 * A version's tasks as its rows hold them: the catalogue's task and the care-plan details written
 * for this person. The one reader of them, for the page, the draft's sections and the content
 * frozen when it is sent.
 */
export async function versionTasks(db: Db, versionId: number, order: "name" | "code" = "name") {
  return (await versionTasksOfEach(db, [versionId], order)).get(versionId) ?? [];
}

/** The same for several versions in one query, by version id (no tasks: no entry). */
export async function versionTasksOfEach(db: Db, versionIds: number[], order: "name" | "code" = "name") {
  const rows = await chunked(versionIds, (ids) =>
    db
      .select({ specifics: agreementTasks, task: tasks })
      .from(agreementTasks)
      .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
      .where(inArray(agreementTasks.versionId, ids))
      .orderBy(asc(order === "code" ? tasks.code : tasks.name)),
  );
  return groupBy(rows, (r) => r.specifics.versionId);
}

/** Builds the canonical content of a draft from its rows: everything a signer agrees to, and nothing else. */
export async function buildVersionContent(db: Db, agreement: Agreement, version: AgreementVersion): Promise<VersionContent> {
  const person = (await first(db.select().from(people).where(eq(people.id, agreement.personId)).limit(1)))!;
  const org = async (id: number) => (await first(db.select().from(organisations).where(eq(organisations.id, id)).limit(1)))!;
  const team = await org(agreement.teamId);
  const provider = await org(agreement.providerId);
  const delegator = (await first(db.select().from(users).where(eq(users.id, agreement.delegatorId)).limit(1)))!;
  const workerRows = await db
    .select({ id: careWorkers.id, name: careWorkers.name, jobTitle: careWorkers.jobTitle })
    .from(agreementWorkers)
    .innerJoin(careWorkers, eq(careWorkers.id, agreementWorkers.workerId))
    .where(eq(agreementWorkers.versionId, version.id))
    .orderBy(asc(careWorkers.id));
  return {
    reference: agreement.reference,
    version: version.version,
    person: { name: person.name, nhsNumber: person.nhsNumber, dateOfBirth: person.dateOfBirth },
    team: { name: team.name, odsCode: team.odsCode },
    provider: { name: provider.name, cqcLocationId: provider.cqcLocationId },
    delegator: { name: delegator.name, nmcPin: delegator.professionalRegistration },
    startDate: version.startDate,
    reviewDate: version.reviewDate,
    supervisionArrangements: version.supervisionArrangements,
    earlyReviewTriggers: version.earlyReviewTriggers,
    // In code order: the order the content was hashed in since the first version was signed.
    tasks: (await versionTasks(db, version.id, "code")).map(({ task, specifics }) => ({
      code: task.code,
      name: task.name,
      inScope: task.inScope,
      excluded: task.excluded,
      ...specificsOf(specifics),
    })),
    workers: workerRows,
    consent: await latestConsent(db, agreement.id),
  };
}

/** What version N says: its frozen content once sent for signatures, else what it would freeze as now. */
export async function versionContentOf(db: Db, agreement: Agreement, version: AgreementVersion): Promise<VersionContent> {
  return version.content ? parseVersionContent(version.content) : await buildVersionContent(db, agreement, version);
}

/**
 * The consent a version rests on: the one frozen in it, or for a version frozen before consent
 * was part of the signed content (or a draft), the consent on record.
 */
export async function consentOfVersion(db: Db, agreement: Agreement, version: AgreementVersion): Promise<SignedConsent | null> {
  const content = await versionContentOf(db, agreement, version);
  return content.consent !== undefined ? content.consent : await latestConsent(db, agreement.id);
}
