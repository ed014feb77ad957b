import { first } from "./transaction.server";
/** One concern with its follow-ups, and the follow-ups the actor may make from it now. */
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { followUpsOffered, mayCloseConcern } from "~/domain/concerns";
import type { Db } from "~db/client";
import { agreements, agreementTasks, agreementWorkers, careWorkers, competencies, concernFollowUps, concerns, people, reviews, tasks, users } from "~db/tables";
import { competencyScope } from "./scope.server";
import { concernScope, liveVersionIds } from "./concern-scope.server";

/** One concern in scope, with its follow-ups and the follow-ups the actor may make now. */
export async function getConcern(db: Db, { actor, id }: { actor: Actor; id: number }) {
  const head = await first(db
    .select({
      concern: concerns,
      taskName: tasks.name,
      workerName: careWorkers.name,
      raisedByName: users.name,
      closedByName: sql<string | null>`(SELECT closers.name FROM ${users} AS closers WHERE closers.id = ${concerns.closedBy})`,
    })
    .from(concerns)
    .innerJoin(users, eq(users.id, concerns.raisedBy))
    .leftJoin(tasks, eq(tasks.id, concerns.taskId))
    .leftJoin(careWorkers, eq(careWorkers.id, concerns.workerId))
    .where(and(eq(concerns.id, id), concernScope(actor))).limit(1));
  if (!head) return null;
  const agreement = head.concern.agreementId
    ? (await first(db
        .select({ reference: agreements.reference, state: agreements.state, personId: agreements.personId, personName: people.name })
        .from(agreements)
        .innerJoin(people, eq(people.id, agreements.personId))
        .where(eq(agreements.id, head.concern.agreementId)).limit(1)) ?? null)
    : null;
  const found = { ...head, agreementReference: agreement?.reference ?? null, agreementState: agreement?.state ?? null, agreementPersonId: agreement?.personId ?? null, personName: agreement?.personName ?? null };
  const c = found.concern;
  const followUps = await db
    .select({
      id: concernFollowUps.id,
      kind: concernFollowUps.kind,
      at: concernFollowUps.at,
      byName: users.name,
      competencyId: concernFollowUps.competencyId,
      reviewId: concernFollowUps.reviewId,
      taskName: sql<string | null>`(SELECT ${tasks.name} FROM ${competencies} INNER JOIN ${tasks} ON ${tasks.id} = ${competencies.taskId} WHERE ${competencies.id} = ${concernFollowUps.competencyId})`,
      workerName: sql<string | null>`(SELECT ${careWorkers.name} FROM ${competencies} INNER JOIN ${careWorkers} ON ${careWorkers.id} = ${competencies.workerId} WHERE ${competencies.id} = ${concernFollowUps.competencyId})`,
      reviewOutcome: reviews.outcome,
      reviewedOn: reviews.reviewedOn,
    })
    .from(concernFollowUps)
    .innerJoin(users, eq(users.id, concernFollowUps.recordedBy))
    .leftJoin(reviews, eq(reviews.id, concernFollowUps.reviewId))
    .where(eq(concernFollowUps.concernId, id))
    .orderBy(asc(concernFollowUps.id));
  const offered = followUpsOffered({ role: actor.role, status: c.status, agreementState: found.agreementState });
  const suspendable = offered.includes("competency_suspended") ? await suspendableCompetencies(db, { actor, concern: c, personId: found.agreementPersonId }) : [];
  return {
    ...found,
    followUps,
    suspendable,
    mayReview: offered.includes("agreement_reviewed"),
    mayClose: mayCloseConcern(actor.role) && c.status === "open",
  };
}

/**
 * The competencies a suspension from this concern may be about: the concern's worker (or the
 * agreement's named workers), for its task (or the agreement's tasks), that can be suspended now
 * (competent or in training), in the actor's scope (docs/domain.md rule 15).
 */
async function suspendableCompetencies(db: Db, { actor, concern, personId }: { actor: Actor; concern: typeof concerns.$inferSelect; personId: number | null }) {
  const workerIds =
    concern.workerId !== null
      ? [concern.workerId]
      : concern.agreementId !== null
        ? (await db.selectDistinct({ id: agreementWorkers.workerId }).from(agreementWorkers).where(sql`${agreementWorkers.versionId} IN ${liveVersionIds(concern.agreementId)}`)).map((r) => r.id)
        : [];
  if (!workerIds.length) return [];
  const taskIds =
    concern.taskId !== null
      ? [concern.taskId]
      : concern.agreementId !== null
        ? (await db.selectDistinct({ id: agreementTasks.taskId }).from(agreementTasks).where(sql`${agreementTasks.versionId} IN ${liveVersionIds(concern.agreementId)}`)).map((r) => r.id)
        : null;
  return await db
    .select({ id: competencies.id, workerName: careWorkers.name, taskName: tasks.name })
    .from(competencies)
    .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
    .innerJoin(tasks, eq(tasks.id, competencies.taskId))
    .where(
      and(
        inArray(competencies.workerId, workerIds),
        taskIds ? inArray(competencies.taskId, taskIds.length ? taskIds : [-1]) : undefined,
        inArray(competencies.state, ["competent", "in_training"]),
        personId !== null ? or(isNull(competencies.personId), eq(competencies.personId, personId)) : isNull(competencies.personId),
        competencyScope(actor),
      ),
    )
    .orderBy(asc(careWorkers.name), asc(tasks.name));
}
