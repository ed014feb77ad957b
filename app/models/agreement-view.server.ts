import { first } from "./transaction.server";
/**
 * Everything the agreement page shows of one version: the agreement with its parties' names and
 * contacts, the version's tasks, named workers, signatures, consent, reviews and timeline, and
 * who may carry out each task today. A care worker opens only the versions naming them.
 */
import { aliasedTable, and, asc, desc, eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { agreementStatus } from "~/domain/agreement";
import type { IsoDate } from "~/domain/dates";
import type { Db } from "~db/client";
import { agreements, agreementVersions, agreementWorkers, auditEvents, careWorkers, consents, organisations, people, reviews, signatures, users } from "~db/tables";
import { agreementInScope, versionOf } from "./agreement-access.server";
import { versionTasks } from "./agreement-content.server";
import { enforceInterlock, taskCover } from "./agreement-cover.server";
import { versionScope } from "./scope.server";
import { labelled, workerLabelColumns } from "./worker-names.server";

const providers = aliasedTable(organisations, "providers");
const teams = aliasedTable(organisations, "teams");
const delegators = aliasedTable(users, "delegators");

/** Everything the agreement page shows, for one version (the current one unless asked). */
export async function getAgreement(
  db: Db,
  { actor, id, version, today, at, reviewDueDays, warningDays }: { actor: Actor; id: number; version?: number; today: IsoDate; at: Date; reviewDueDays: number; warningDays: number },
) {
  if (!await agreementInScope(db, actor, id)) return null;
  await enforceInterlock(db, { today, at, warningDays, ids: [id] });
  const head = (await first(db
    .select({
      agreement: agreements,
      person: people,
      providerName: providers.name,
      providerPhone: providers.phone,
      providerEscalationInHours: providers.escalationInHours,
      providerEscalationOutOfHours: providers.escalationOutOfHours,
      teamName: teams.name,
      teamPhone: teams.phone,
      teamEscalationInHours: teams.escalationInHours,
      teamEscalationOutOfHours: teams.escalationOutOfHours,
      delegatorName: delegators.name,
      delegatorPin: delegators.professionalRegistration,
    })
    .from(agreements)
    .innerJoin(people, eq(people.id, agreements.personId))
    .innerJoin(providers, eq(providers.id, agreements.providerId))
    .innerJoin(teams, eq(teams.id, agreements.teamId))
    .innerJoin(delegators, eq(delegators.id, agreements.delegatorId))
    .where(eq(agreements.id, id)).limit(1)))!;
  const a = head.agreement;
  const versions = await db
    .select({ version: agreementVersions.version, state: agreementVersions.state, frozenAt: agreementVersions.frozenAt, activatedAt: agreementVersions.activatedAt, changeReason: agreementVersions.changeReason })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, id), versionScope(actor)))
    .orderBy(asc(agreementVersions.version));
  // A care worker opens only the versions naming them: by default the current one, else the one in force.
  const may = (n: number | null) => n !== null && versions.some((x) => x.version === n);
  const v = await versionOf(db, id, version ?? (may(a.currentVersion) ? a.currentVersion : (a.inForceVersion ?? a.currentVersion)));
  if (!v || !may(v.version)) return null;
  // Named as on every list: a name shared at the provider carries the staff number.
  const namedWorkers = labelled(
    await db
      .select({ id: careWorkers.id, ...workerLabelColumns(), jobTitle: careWorkers.jobTitle, userId: careWorkers.userId })
      .from(agreementWorkers)
      .innerJoin(careWorkers, eq(careWorkers.id, agreementWorkers.workerId))
      .where(eq(agreementWorkers.versionId, v.id))
      .orderBy(asc(careWorkers.name)),
  );
  const recorders = aliasedTable(users, "recorders");
  const versionSignatures = await db
    .select({ signature: signatures, recordedByName: recorders.name })
    .from(signatures)
    .leftJoin(recorders, eq(recorders.id, signatures.recordedBy))
    .where(eq(signatures.versionId, v.id))
    .orderBy(asc(signatures.signedAt));
  const consentRows = await db
    .select({ consent: consents, recordedByName: users.name })
    .from(consents)
    .innerJoin(users, eq(users.id, consents.recordedBy))
    .where(eq(consents.agreementId, id))
    .orderBy(desc(consents.id));
  const reviewRows = await db
    .select({ review: reviews, reviewerName: users.name })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(reviews.agreementId, id))
    .orderBy(desc(reviews.reviewedOn), desc(reviews.id));
  const actors = aliasedTable(users, "actors");
  const timeline = await db
    .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, details: auditEvents.details, actorName: actors.name })
    .from(auditEvents)
    .leftJoin(actors, eq(actors.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, "agreement"), eq(auditEvents.entityId, String(id))))
    .orderBy(desc(auditEvents.id));
  const cover = await taskCover(db, { versionId: v.id, today, warningDays });
  const inForce = a.inForceVersion ? await versionOf(db, id, a.inForceVersion) : null;
  const inForceCover = inForce && inForce.id !== v.id ? await taskCover(db, { versionId: inForce.id, today, warningDays }) : cover;
  return {
    ...head,
    agreement: a,
    status: agreementStatus(a, today, reviewDueDays),
    version: v,
    tasks: await versionTasks(db, v.id),
    namedWorkers,
    signatures: versionSignatures,
    consent: consentRows.find((c) => c.consent.withdrawnAt === null) ?? null,
    consentHistory: consentRows,
    reviews: reviewRows,
    versions,
    timeline,
    cover,
    /** Who may carry out each task today: from the version in force. */
    inForceCover: inForce ? inForceCover : [],
  };
}

export type AgreementView = NonNullable<Awaited<ReturnType<typeof getAgreement>>>;
