/**
 * Concerns and incidents (app/domain/concerns.ts): recorded about an agreement (and optionally
 * one of its tasks and named workers) or about a care worker; the delegating nurse and the
 * provider's managers are emailed in the same transaction; closed with an outcome; follow-ups
 * point back at them. This module holds concerns as lists and in other records'
 * pages (an agreement's timeline and printout, a worker's page, the home page) and the
 * follow-ups made from them; raising one is concern-raising.server.ts, one concern's page
 * concern-detail.server.ts, scope (docs/domain.md rule 15) concern-scope.server.ts.
 */
import { aliasedTable, and, asc, desc, eq, sql } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { closeProblems, mayCloseConcern, type ConcernFollowUpKind } from "~/domain/concerns";
import { londonDate } from "~/domain/dates";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { agreements, agreementVersions, auditEvents, careWorkers, concernFollowUps, concerns, reviews, tasks, users } from "~db/tables";
import { RuleError } from "./errors.server";
import { concernScope } from "./concern-scope.server";
import { getConcern } from "./concern-detail.server";

/** Concerns in the actor's scope about an agreement or a worker, open ones first, newest first. */
export async function listConcerns(db: Db, { actor, agreementId, workerId }: { actor: Actor; agreementId?: number; workerId?: number }) {
  return await db
    .select({
      id: concerns.id,
      occurredOn: concerns.occurredOn,
      status: concerns.status,
      harm: concerns.harm,
      taskName: tasks.name,
      workerName: careWorkers.name,
      agreementReference: agreements.reference,
      followUps: sql<number>`(SELECT count(*) FROM ${concernFollowUps} WHERE ${concernFollowUps.concernId} = ${concerns.id})`,
    })
    .from(concerns)
    .leftJoin(tasks, eq(tasks.id, concerns.taskId))
    .leftJoin(careWorkers, eq(careWorkers.id, concerns.workerId))
    .leftJoin(agreements, eq(agreements.id, concerns.agreementId))
    .where(and(agreementId !== undefined ? eq(concerns.agreementId, agreementId) : undefined, workerId !== undefined ? eq(concerns.workerId, workerId) : undefined, concernScope(actor)))
    .orderBy(desc(sql`${concerns.status} = 'open'`), desc(concerns.createdAt), desc(concerns.id));
}

/**
 * The open concerns this actor should act on (for the "needs your action" home page): for the
 * delegating team's nurses and the provider's managers, every open concern in their scope,
 * oldest first; nothing for anyone else.
 */
export async function concernsToActOn(db: Db, actor: Actor) {
  if (!mayCloseConcern(actor.role)) return [];
  return await db
    .select({
      id: concerns.id,
      occurredOn: concerns.occurredOn,
      createdAt: concerns.createdAt,
      harm: concerns.harm,
      agreementId: concerns.agreementId,
      agreementReference: agreements.reference,
      workerName: careWorkers.name,
      taskName: tasks.name,
    })
    .from(concerns)
    .leftJoin(agreements, eq(agreements.id, concerns.agreementId))
    .leftJoin(careWorkers, eq(careWorkers.id, concerns.workerId))
    .leftJoin(tasks, eq(tasks.id, concerns.taskId))
    .where(and(eq(concerns.status, "open"), concernScope(actor)))
    .orderBy(asc(concerns.createdAt), asc(concerns.id));
}

/**
 * The open concern a follow-up is made from, when the actor may make that follow-up from it:
 * for a suspension, the competency must be one the concern offers. Null otherwise (the
 * follow-up page then works as it always did, linked to nothing).
 */
export async function concernForFollowUp(db: Db, { actor, concernId, kind, competencyId, agreementId }: { actor: Actor; concernId: number; kind: ConcernFollowUpKind; competencyId?: number; agreementId?: number }) {
  const found = await getConcern(db, { actor, id: concernId });
  if (!found) return null;
  if (kind === "competency_suspended" && !found.suspendable.some((s) => s.id === competencyId)) return null;
  if (kind === "agreement_reviewed" && (!found.mayReview || found.concern.agreementId !== agreementId)) return null;
  return { id: found.concern.id, createdAt: found.concern.createdAt, whatHappened: found.concern.whatHappened };
}

/**
 * Records that a follow-up came from a concern, inside the follow-up's own transaction, so the
 * link and the change land together. The record it made (the competency suspended, the review)
 * is named by id.
 */
export async function linkConcernFollowUp(
  db: Db,
  { actor, concernId, kind, competencyId, reviewId, at }: { actor: Actor; concernId: number; kind: ConcernFollowUpKind; competencyId?: number; reviewId?: number; at: Date },
): Promise<{ id: number } | null> {
  return await inTransaction(db, async (tx) => {
    const found = await first(tx.select({ id: concerns.id }).from(concerns).where(and(eq(concerns.id, concernId), eq(concerns.status, "open"), concernScope(actor))).limit(1));
    if (!found) return null;
    await tx.insert(concernFollowUps)
      .values({ concernId, kind, competencyId: competencyId ?? null, reviewId: reviewId ?? null, recordedBy: actor.userId, at: at.toISOString() });
    await recordAudit(tx, { actorId: actor.userId, action: "concern.follow_up", entityType: "concern", entityId: concernId, details: { kind, competencyId: competencyId ?? null, reviewId: reviewId ?? null }, at });
    return { id: concernId };
  });
}

/** The newest review of an agreement, to link a review made from a concern (read inside the same transaction). */
export async function latestReviewId(db: Db, agreementId: number): Promise<number | null> {
  return (await first(db.select({ id: reviews.id }).from(reviews).where(eq(reviews.agreementId, agreementId)).orderBy(desc(reviews.id)).limit(1)))?.id ?? null;
}

/** Closes an open concern with its outcome (the nurse or the provider's manager). Null when not in scope. */
export async function closeConcern(db: Db, { actor, id, outcome, at }: { actor: Actor; id: number; outcome: string; at: Date }): Promise<{ id: number } | null> {
  return await inTransaction(db, async (tx) => {
    const found = await first(tx.select().from(concerns).where(and(eq(concerns.id, id), concernScope(actor))).limit(1));
    if (!found) return null;
    const problems = closeProblems({ role: actor.role, status: found.status, outcome });
    if (problems.length) throw new RuleError(problems.map((message) => ({ field: "outcome", message })));
    await tx.update(concerns).set({ status: "closed", closedAt: at.toISOString(), closedBy: actor.userId, outcome }).where(eq(concerns.id, id));
    await recordAudit(tx, { actorId: actor.userId, action: "concern.close", entityType: "concern", entityId: id, details: { outcome }, at });
    return { id };
  });
}

/** The audit events of the concerns on an agreement the actor may see, shaped like the agreement's timeline. */
export async function concernTimeline(db: Db, { actor, agreementId }: { actor: Actor; agreementId: number }) {
  const actors = aliasedTable(users, "actors");
  return await db
    .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, details: auditEvents.details, actorName: actors.name })
    .from(auditEvents)
    .leftJoin(actors, eq(actors.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.entityType, "concern"),
        sql`${auditEvents.entityId} IN (SELECT CAST(${concerns.id} AS TEXT) FROM ${concerns} WHERE ${eq(concerns.agreementId, agreementId)} AND ${concernScope(actor)})`,
      ),
    )
    .orderBy(desc(auditEvents.id));
}

/** One timeline, newest first: the agreement's own events and its concerns'. */
export function withConcernEvents<T extends { id: number }>(timeline: T[], concernEvents: T[]): T[] {
  return [...timeline, ...concernEvents].sort((a, b) => b.id - a.id);
}

/**
 * Concerns recorded while a version was in force (from the day every party had signed it until
 * a later version replaced it), for the printed agreement's history; in the actor's scope.
 */
export async function concernsWhileInForce(db: Db, { actor, agreementId, version }: { actor: Actor; agreementId: number; version: { version: number; activatedAt: string | null } }) {
  if (!version.activatedAt) return [];
  const next = await first(db
    .select({ activatedAt: agreementVersions.activatedAt })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, agreementId), sql`${agreementVersions.version} > ${version.version}`, sql`${agreementVersions.activatedAt} IS NOT NULL`))
    .orderBy(asc(agreementVersions.version))
    .limit(1));
  return (await db
    .select({ id: concerns.id, createdAt: concerns.createdAt, occurredOn: concerns.occurredOn, harm: concerns.harm, status: concerns.status, closedAt: concerns.closedAt, taskName: tasks.name, outcome: concerns.outcome })
    .from(concerns)
    .leftJoin(tasks, eq(tasks.id, concerns.taskId))
    .where(
      and(
        eq(concerns.agreementId, agreementId),
        sql`${concerns.createdAt} >= ${version.activatedAt}`,
        next?.activatedAt ? sql`${concerns.createdAt} < ${next.activatedAt}` : undefined,
        concernScope(actor),
      ),
    )
    .orderBy(asc(concerns.createdAt), asc(concerns.id)))
    .map((c) => ({ ...c, raisedOn: londonDate(new Date(c.createdAt)) }));
}
