/**
 * Concerns and incidents (app/domain/concerns.ts): recorded about an agreement (and optionally
 * one of its tasks and named workers) or about a care worker; the delegating nurse and the
 * provider's managers are emailed in the same transaction; closed with an outcome; follow-ups
 * point back at them. Scope is in every WHERE (docs/domain.md rule 15): a concern about an
 * agreement is seen by those who see the agreement, one about a worker by those who see the
 * worker, and a care worker sees only the concerns they recorded themselves.
 */
import { aliasedTable, and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { CONCERN_HARM_SHORT } from "~/content/concerns";
import type { Actor } from "~/domain/actor";
import { closeProblems, followUpsOffered, mayCloseConcern, mayRaiseConcern, subjectProblems, type ConcernFollowUpKind, type ConcernHarm } from "~/domain/concerns";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { formatDate, londonDate, type IsoDate } from "~/domain/dates";
import { initials } from "~/domain/names";
import { inTransaction, recordAudit } from "~/services/audit.server";
import type { Db } from "~db/client";
import { notify } from "./notifications.server";
import {
  agreements,
  agreementTasks,
  agreementVersions,
  agreementWorkers,
  auditEvents,
  careWorkers,
  competencies,
  concernFollowUps,
  concerns,
  organisations,
  people,
  reviews,
  tasks,
  users,
} from "~db/schema";
import { requireDateInWindow } from "./date-checks.server";
import { RuleError } from "./errors.server";
import { agreementScope, competencyScope, workerScope } from "./scope.server";

const NOTHING = sql`0`;

/** The concerns an actor may see, as SQL for a WHERE on `concerns`. */
export function concernScope(actor: Actor): SQL {
  const aboutAgreement = sql`${concerns.agreementId} IN (SELECT ${agreements.id} FROM ${agreements} WHERE ${agreementScope(actor)})`;
  const aboutWorker = and(isNull(concerns.agreementId), sql`${concerns.workerId} IN (SELECT ${careWorkers.id} FROM ${careWorkers} WHERE ${workerScope(actor)})`)!;
  const inScope = or(aboutAgreement, aboutWorker)!;
  switch (actor.role) {
    case "admin":
      return sql`1`;
    case "care_worker":
      return actor.workerId ? and(eq(concerns.raisedBy, actor.userId), inScope)! : NOTHING;
    default:
      return inScope;
  }
}

/** Agreement versions that count for an agreement's tasks and named workers: the current one and the one in force. */
function liveVersionIds(agreementId: number) {
  return sql`(SELECT ${agreementVersions.id} FROM ${agreementVersions} INNER JOIN ${agreements} ON ${agreements.id} = ${agreementVersions.agreementId} WHERE ${agreementVersions.agreementId} = ${agreementId} AND ${agreementVersions.version} IN (${agreements.currentVersion}, ${agreements.inForceVersion}))`;
}

export type ConcernSubject = { agreementId: number } | { workerId: number };

/**
 * What the "Report a concern" form offers for its subject, in the actor's scope: the agreement
 * (its tasks and named workers) or the worker (the tasks they hold a competency for). Null when
 * the subject is not in scope or the actor may not raise concerns.
 */
export function concernFormFor(db: Db, { actor, subject }: { actor: Actor; subject: ConcernSubject }) {
  if (!mayRaiseConcern(actor.role)) return null;
  if ("agreementId" in subject) {
    const found = db
      .select({ id: agreements.id, reference: agreements.reference, personName: people.name, escalationInHours: organisations.escalationInHours, escalationOutOfHours: organisations.escalationOutOfHours })
      .from(agreements)
      .innerJoin(people, eq(people.id, agreements.personId))
      .innerJoin(organisations, eq(organisations.id, agreements.teamId))
      .where(and(eq(agreements.id, subject.agreementId), agreementScope(actor)))
      .get();
    if (!found) return null;
    const taskOptions = db
      .selectDistinct({ id: tasks.id, name: tasks.name })
      .from(agreementTasks)
      .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
      .where(sql`${agreementTasks.versionId} IN ${liveVersionIds(found.id)}`)
      .orderBy(asc(tasks.name))
      .all();
    const named = db
      .selectDistinct({ id: careWorkers.id, name: careWorkers.name })
      .from(agreementWorkers)
      .innerJoin(careWorkers, eq(careWorkers.id, agreementWorkers.workerId))
      .where(sql`${agreementWorkers.versionId} IN ${liveVersionIds(found.id)}`)
      .orderBy(asc(careWorkers.name))
      .all();
    // A care worker records concerns about their own practice, never a colleague's (app/domain/concerns.ts).
    const workerOptions = actor.role === "care_worker" ? named.filter((w) => w.id === actor.workerId) : named;
    return { kind: "agreement" as const, agreement: found, worker: null, taskOptions, workerOptions };
  }
  if (subjectProblems({ role: actor.role, actorWorkerId: actor.workerId, workerId: subject.workerId }).length) return null;
  const worker = db
    .select({ id: careWorkers.id, name: careWorkers.name, escalationInHours: organisations.escalationInHours, escalationOutOfHours: organisations.escalationOutOfHours })
    .from(careWorkers)
    .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
    .where(and(eq(careWorkers.id, subject.workerId), workerScope(actor)))
    .get();
  if (!worker) return null;
  const taskOptions = db
    .selectDistinct({ id: tasks.id, name: tasks.name })
    .from(competencies)
    .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
    .innerJoin(tasks, eq(tasks.id, competencies.taskId))
    .where(and(eq(competencies.workerId, worker.id), competencyScope(actor)))
    .orderBy(asc(tasks.name))
    .all();
  return { kind: "worker" as const, agreement: null, worker, taskOptions, workerOptions: [] as { id: number; name: string }[] };
}

export type ConcernInput = {
  taskId: number | null;
  workerId: number | null;
  occurredOn: IsoDate;
  whatHappened: string;
  actionTaken: string;
  harm: ConcernHarm;
};

/**
 * Records a concern and tells the delegating nurse and the provider's managers, in one
 * transaction. Returns the new concern's id, or null when the subject is not in scope.
 */
export function raiseConcern(
  db: Db,
  { actor, subject, input, today, at, publicUrl }: { actor: Actor; subject: ConcernSubject; input: ConcernInput; today: IsoDate; at: Date; publicUrl: string },
): { id: number } | null {
  return inTransaction(db, (tx) => {
    const form = concernFormFor(tx, { actor, subject });
    if (!form) return null;
    // docs/domain.md rule 8: checked again here, whatever the page checked.
    requireDateInWindow("occurredOn", "Date it happened", input.occurredOn, DATE_WINDOWS.concern(today));
    const problems = subjectProblems({ role: actor.role, actorWorkerId: actor.workerId, workerId: input.workerId });
    if (problems.length) throw new RuleError(problems.map((message) => ({ field: "workerId", message })));
    if (input.taskId !== null && !form.taskOptions.some((t) => t.id === input.taskId)) {
      throw new RuleError([{ field: "taskId", message: form.kind === "agreement" ? "Choose a task on this agreement, or say it is not about one task" : "Choose a task this care worker is trained for, or say it is not about one task" }]);
    }
    const workerId = form.kind === "worker" ? form.worker.id : input.workerId;
    if (form.kind === "agreement" && workerId !== null && !form.workerOptions.some((w) => w.id === workerId)) {
      throw new RuleError([{ field: "workerId", message: "Choose a care worker named on this agreement, or say it is not about one care worker" }]);
    }
    const row = tx
      .insert(concerns)
      .values({
        agreementId: form.agreement?.id ?? null,
        workerId,
        taskId: input.taskId,
        occurredOn: input.occurredOn,
        whatHappened: input.whatHappened,
        actionTaken: input.actionTaken,
        harm: input.harm,
        raisedBy: actor.userId,
        createdAt: at.toISOString(),
      })
      .returning({ id: concerns.id })
      .get();
    recordAudit(tx, {
      actorId: actor.userId,
      action: "concern.raise",
      entityType: "concern",
      entityId: row.id,
      details: { agreementId: form.agreement?.id ?? null, workerId, taskId: input.taskId, occurredOn: input.occurredOn, harm: input.harm },
      at,
    });
    tellOfConcern(tx, { actor, concernId: row.id, agreementId: form.agreement?.id ?? null, workerId, harm: input.harm, occurredOn: input.occurredOn, publicUrl, at });
    return { id: row.id };
  });
}

/**
 * Tells the delegating nurse(s) and the provider's managers (not the one who recorded it), in the
 * app and by email, through the one `notify` (docs/domain.md rule 18). Only the agreement reference and the person's initials, never what happened: email
 * leaves the service, so the details stay behind the sign-in.
 */
function tellOfConcern(
  db: Db,
  { actor, concernId, agreementId, workerId, harm, occurredOn, publicUrl, at }: { actor: Actor; concernId: number; agreementId: number | null; workerId: number | null; harm: ConcernHarm; occurredOn: IsoDate; publicUrl: string; at: Date },
) {
  let providerId: number;
  let nurseIds: number[];
  let about: string;
  if (agreementId !== null) {
    const a = db.select({ reference: agreements.reference, providerId: agreements.providerId, delegatorId: agreements.delegatorId, personName: people.name }).from(agreements).innerJoin(people, eq(people.id, agreements.personId)).where(eq(agreements.id, agreementId)).get()!;
    providerId = a.providerId;
    nurseIds = [a.delegatorId];
    about = `agreement ${a.reference} (${initials(a.personName)})`;
  } else {
    const w = db.select({ providerId: careWorkers.providerId, providerName: organisations.name }).from(careWorkers).innerJoin(organisations, eq(organisations.id, careWorkers.providerId)).where(eq(careWorkers.id, workerId!)).get()!;
    providerId = w.providerId;
    // The delegating nurses of the live agreements that name the worker.
    nurseIds = db
      .selectDistinct({ id: agreements.delegatorId })
      .from(agreementWorkers)
      .innerJoin(agreementVersions, eq(agreementVersions.id, agreementWorkers.versionId))
      .innerJoin(agreements, and(eq(agreements.id, agreementVersions.agreementId), or(eq(agreementVersions.version, agreements.currentVersion), eq(agreementVersions.version, agreements.inForceVersion))))
      .where(and(eq(agreementWorkers.workerId, workerId!), inArray(agreements.state, ["awaiting_signatures", "active", "suspended"])))
      .all()
      .map((r) => r.id);
    about = `a care worker of ${w.providerName}`;
  }
  const recipients = db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        or(
          nurseIds.length ? inArray(users.id, nurseIds) : undefined,
          and(eq(users.role, "provider_manager"), eq(users.organisationId, providerId)),
        ),
      ),
    )
    .all()
    .filter((r) => r.id !== actor.userId);
  const body = [
    `A concern was recorded in Delegated Care about ${about}.`,
    `It happened on ${formatDate(occurredOn)}. Was anyone harmed: ${CONCERN_HARM_SHORT[harm]}.`,
    "Read it, act on it and record the outcome. Sign in to see the details: they are not sent by email.",
  ].join("\n\n");
  notify(db, { to: recipients, notice: { kind: "concern_recorded", title: `Concern recorded about ${about}`, body, link: `/concerns/${concernId}` }, key: `concern:${concernId}`, at, publicUrl });
}

/** Concerns in the actor's scope about an agreement or a worker, open ones first, newest first. */
export function listConcerns(db: Db, { actor, agreementId, workerId }: { actor: Actor; agreementId?: number; workerId?: number }) {
  return db
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
    .orderBy(desc(sql`${concerns.status} = 'open'`), desc(concerns.createdAt), desc(concerns.id))
    .all();
}

/**
 * The open concerns this actor should act on (for the "needs your action" home page): for the
 * delegating team's nurses and the provider's managers, every open concern in their scope,
 * oldest first; nothing for anyone else.
 */
export function concernsToActOn(db: Db, actor: Actor) {
  if (!mayCloseConcern(actor.role)) return [];
  return db
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
    .orderBy(asc(concerns.createdAt), asc(concerns.id))
    .all();
}

/** One concern in scope, with its follow-ups and the follow-ups the actor may make now. */
export function getConcern(db: Db, { actor, id }: { actor: Actor; id: number }) {
  const head = db
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
    .where(and(eq(concerns.id, id), concernScope(actor)))
    .get();
  if (!head) return null;
  const agreement = head.concern.agreementId
    ? (db
        .select({ reference: agreements.reference, state: agreements.state, personId: agreements.personId, personName: people.name })
        .from(agreements)
        .innerJoin(people, eq(people.id, agreements.personId))
        .where(eq(agreements.id, head.concern.agreementId))
        .get() ?? null)
    : null;
  const found = { ...head, agreementReference: agreement?.reference ?? null, agreementState: agreement?.state ?? null, agreementPersonId: agreement?.personId ?? null, personName: agreement?.personName ?? null };
  const c = found.concern;
  const followUps = db
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
    .orderBy(asc(concernFollowUps.id))
    .all();
  const offered = followUpsOffered({ role: actor.role, status: c.status, agreementState: found.agreementState });
  const suspendable = offered.includes("competency_suspended") ? suspendableCompetencies(db, { actor, concern: c, personId: found.agreementPersonId }) : [];
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
function suspendableCompetencies(db: Db, { actor, concern, personId }: { actor: Actor; concern: typeof concerns.$inferSelect; personId: number | null }) {
  const workerIds =
    concern.workerId !== null
      ? [concern.workerId]
      : concern.agreementId !== null
        ? db.selectDistinct({ id: agreementWorkers.workerId }).from(agreementWorkers).where(sql`${agreementWorkers.versionId} IN ${liveVersionIds(concern.agreementId)}`).all().map((r) => r.id)
        : [];
  if (!workerIds.length) return [];
  const taskIds =
    concern.taskId !== null
      ? [concern.taskId]
      : concern.agreementId !== null
        ? db.selectDistinct({ id: agreementTasks.taskId }).from(agreementTasks).where(sql`${agreementTasks.versionId} IN ${liveVersionIds(concern.agreementId)}`).all().map((r) => r.id)
        : null;
  return db
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
    .orderBy(asc(careWorkers.name), asc(tasks.name))
    .all();
}

/**
 * The open concern a follow-up is made from, when the actor may make that follow-up from it:
 * for a suspension, the competency must be one the concern offers. Null otherwise (the
 * follow-up page then works as it always did, linked to nothing).
 */
export function concernForFollowUp(db: Db, { actor, concernId, kind, competencyId, agreementId }: { actor: Actor; concernId: number; kind: ConcernFollowUpKind; competencyId?: number; agreementId?: number }) {
  const found = getConcern(db, { actor, id: concernId });
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
export function linkConcernFollowUp(
  db: Db,
  { actor, concernId, kind, competencyId, reviewId, at }: { actor: Actor; concernId: number; kind: ConcernFollowUpKind; competencyId?: number; reviewId?: number; at: Date },
): boolean {
  const found = db.select({ id: concerns.id }).from(concerns).where(and(eq(concerns.id, concernId), eq(concerns.status, "open"), concernScope(actor))).get();
  if (!found) return false;
  db.insert(concernFollowUps)
    .values({ concernId, kind, competencyId: competencyId ?? null, reviewId: reviewId ?? null, recordedBy: actor.userId, at: at.toISOString() })
    .run();
  recordAudit(db, { actorId: actor.userId, action: "concern.follow_up", entityType: "concern", entityId: concernId, details: { kind, competencyId: competencyId ?? null, reviewId: reviewId ?? null }, at });
  return true;
}

/** The newest review of an agreement, to link a review made from a concern (read inside the same transaction). */
export function latestReviewId(db: Db, agreementId: number): number | null {
  return db.select({ id: reviews.id }).from(reviews).where(eq(reviews.agreementId, agreementId)).orderBy(desc(reviews.id)).limit(1).get()?.id ?? null;
}

/** Closes an open concern with its outcome (the nurse or the provider's manager). Null when not in scope. */
export function closeConcern(db: Db, { actor, id, outcome, at }: { actor: Actor; id: number; outcome: string; at: Date }): { id: number } | null {
  return inTransaction(db, (tx) => {
    const found = tx.select().from(concerns).where(and(eq(concerns.id, id), concernScope(actor))).get();
    if (!found) return null;
    const problems = closeProblems({ role: actor.role, status: found.status, outcome });
    if (problems.length) throw new RuleError(problems.map((message) => ({ field: "outcome", message })));
    tx.update(concerns).set({ status: "closed", closedAt: at.toISOString(), closedBy: actor.userId, outcome }).where(eq(concerns.id, id)).run();
    recordAudit(tx, { actorId: actor.userId, action: "concern.close", entityType: "concern", entityId: id, details: { outcome }, at });
    return { id };
  });
}

/** The audit events of the concerns on an agreement the actor may see, shaped like the agreement's timeline. */
export function concernTimeline(db: Db, { actor, agreementId }: { actor: Actor; agreementId: number }) {
  const actors = aliasedTable(users, "actors");
  return db
    .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, details: auditEvents.details, actorName: actors.name })
    .from(auditEvents)
    .leftJoin(actors, eq(actors.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.entityType, "concern"),
        sql`${auditEvents.entityId} IN (SELECT CAST(${concerns.id} AS TEXT) FROM ${concerns} WHERE ${eq(concerns.agreementId, agreementId)} AND ${concernScope(actor)})`,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .all();
}

/** One timeline, newest first: the agreement's own events and its concerns'. */
export function withConcernEvents<T extends { id: number }>(timeline: T[], concernEvents: T[]): T[] {
  return [...timeline, ...concernEvents].sort((a, b) => b.id - a.id);
}

/**
 * Concerns recorded while a version was in force (from the day every party had signed it until
 * a later version replaced it), for the printed agreement's history; in the actor's scope.
 */
export function concernsWhileInForce(db: Db, { actor, agreementId, version }: { actor: Actor; agreementId: number; version: { version: number; activatedAt: string | null } }) {
  if (!version.activatedAt) return [];
  const next = db
    .select({ activatedAt: agreementVersions.activatedAt })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, agreementId), sql`${agreementVersions.version} > ${version.version}`, sql`${agreementVersions.activatedAt} IS NOT NULL`))
    .orderBy(asc(agreementVersions.version))
    .limit(1)
    .get();
  return db
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
    .orderBy(asc(concerns.createdAt), asc(concerns.id))
    .all()
    .map((c) => ({ ...c, raisedOn: londonDate(new Date(c.createdAt)) }));
}
