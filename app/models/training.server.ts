import { and, asc, desc, eq, exists, isNull, or, sql } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { can } from "~/domain/roles";
import { DATE_WINDOWS } from "~/domain/date-windows";
import type { IsoDate } from "~/domain/dates";
import { attendanceProblem, isUpcoming, registerProblem, scheduledSessionWindow, sessionChangeProblem, sessionStatus } from "~/domain/training";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { careWorkers, organisations, tasks, trainingAttendances, trainingSessions, users } from "~db/tables";
import { attendanceOutcomes, trainingModes } from "~/domain/enums";
import { requireDateInWindow } from "./date-checks.server";
import { RuleError } from "./errors.server";
import { workerScope } from "./scope.server";
import { labelled, sameNameWarningsOf, workerLabelColumns } from "./worker-names.server";

export type TrainingMode = (typeof trainingModes)[number];
export type AttendanceOutcome = (typeof attendanceOutcomes)[number];

/** Everyone on a session's register, in or out of the reader's scope: what its status is worked out from. */
function attendeeCount() {
  // Written out in full: drizzle leaves a column unqualified in a one-table query, where "id" would be the subquery's own.
  return sql<number>`(SELECT count(*) FROM training_attendances AS ta WHERE ta.session_id = "training_sessions"."id")`.mapWith(Number);
}

export type TrainingSessionInput = {
  taskId: number;
  heldOn: IsoDate;
  mode: TrainingMode;
  location: string;
  notes: string;
  attendees: { workerId: number; outcome: AttendanceOutcome }[];
};

/**
 * Sessions the actor may see: those they ran, and those attended by a worker in their scope.
 * (A session's attendee list is then filtered to the workers in scope.)
 */
function sessionScope(db: Db, actor: Actor) {
  if (actor.role === "admin") return undefined;
  return or(
    eq(trainingSessions.facilitatorId, actor.userId),
    exists(
      db
        .select({ one: trainingAttendances.id })
        .from(trainingAttendances)
        .innerJoin(careWorkers, eq(careWorkers.id, trainingAttendances.workerId))
        .where(and(eq(trainingAttendances.sessionId, trainingSessions.id), workerScope(actor))),
    ),
  );
}

/**
 * The sessions the actor may see, with today's status: upcoming ones first (soonest first), then
 * the rest (held, waiting for a register, cancelled), newest first.
 */
export async function listTrainingSessions(db: Db, { actor, today }: { actor: Actor; today: IsoDate }) {
  const rows = (await db
    .select({
      id: trainingSessions.id,
      heldOn: trainingSessions.heldOn,
      mode: trainingSessions.mode,
      location: trainingSessions.location,
      cancelledAt: trainingSessions.cancelledAt,
      taskName: tasks.name,
      facilitatorName: users.name,
      attendees: attendeeCount(),
    })
    .from(trainingSessions)
    .innerJoin(tasks, eq(tasks.id, trainingSessions.taskId))
    .innerJoin(users, eq(users.id, trainingSessions.facilitatorId))
    .where(sessionScope(db, actor))
    .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.id)))
    .map(({ attendees, ...s }) => ({ ...s, status: sessionStatus({ ...s, attendees }, today), upcoming: isUpcoming({ ...s, attendees }, today) }));
  return { upcoming: rows.filter((s) => s.upcoming).reverse(), past: rows.filter((s) => !s.upcoming) };
}

export async function getTrainingSession(db: Db, { actor, id }: { actor: Actor; id: number }) {
  const session = await first(db
    .select({ session: trainingSessions, taskName: tasks.name, facilitatorName: users.name, attendeeCount: attendeeCount(),
      cancelledByName: sql<string | null>`(SELECT cancellers.name FROM users AS cancellers WHERE cancellers.id = "training_sessions"."cancelled_by")`,
    })
    .from(trainingSessions)
    .innerJoin(tasks, eq(tasks.id, trainingSessions.taskId))
    .innerJoin(users, eq(users.id, trainingSessions.facilitatorId))
    .where(and(eq(trainingSessions.id, id), sessionScope(db, actor))).limit(1));
  if (!session) return null;
  const attendees = await db
    .select({ workerId: careWorkers.id, ...workerLabelColumns(), providerName: organisations.name, outcome: trainingAttendances.outcome })
    .from(trainingAttendances)
    .innerJoin(careWorkers, eq(careWorkers.id, trainingAttendances.workerId))
    .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
    .where(and(eq(trainingAttendances.sessionId, id), workerScope(actor)))
    .orderBy(asc(careWorkers.name));
  const facts = { heldOn: session.session.heldOn, cancelledAt: session.session.cancelledAt, attendees: session.attendeeCount };
  return { ...session, attendees: labelled(attendees), facts };
}

export async function listWorkerTraining(db: Db, { actor, workerId }: { actor: Actor; workerId: number }) {
  return await db
    .select({ sessionId: trainingSessions.id, heldOn: trainingSessions.heldOn, mode: trainingSessions.mode, taskName: tasks.name, outcome: trainingAttendances.outcome })
    .from(trainingAttendances)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendances.sessionId))
    .innerJoin(tasks, eq(tasks.id, trainingSessions.taskId))
    .innerJoin(careWorkers, eq(careWorkers.id, trainingAttendances.workerId))
    .where(and(eq(trainingAttendances.workerId, workerId), workerScope(actor)))
    .orderBy(desc(trainingSessions.heldOn));
}

/** Active workers the actor may put on a session's register. */
export async function listTrainableWorkers(db: Db, { actor, providerId }: { actor: Actor; providerId?: number }) {
  const workers = await db
    .select({ id: careWorkers.id, ...workerLabelColumns(), providerId: careWorkers.providerId, providerName: organisations.name })
    .from(careWorkers)
    .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
    .where(and(workerScope(actor), eq(careWorkers.status, "active"), providerId ? eq(careWorkers.providerId, providerId) : undefined))
    .orderBy(asc(organisations.name), asc(careWorkers.name));
  return labelled(workers);
}

/**
 * What the register shows: the providers whose care workers the actor may train, the workers of
 * the chosen provider (or all), and those already marked as attending who the filter hides, so the
 * page can say so and keep them on the register.
 */
export async function registerChoices(db: Db, { actor, providerId, ticked }: { actor: Actor; providerId?: number; ticked: number[] }) {
  const all = await listTrainableWorkers(db, { actor });
  const providers = [...new Map(all.map((w) => [w.providerId, { id: w.providerId, name: w.providerName }])).values()];
  const chosen = providers.some((p) => p.id === providerId) ? providerId : undefined;
  const workers = chosen ? all.filter((w) => w.providerId === chosen) : all;
  const kept = all.filter((w) => w.providerId !== chosen && chosen !== undefined && ticked.includes(w.id));
  const strip = ({ id, name, providerName }: (typeof all)[number]) => ({ id, name, providerName });
  return { providers, providerId: chosen, workers: workers.map(strip), kept: kept.map(strip), total: all.length, sameNames: sameNameWarningsOf(workers) };
}

/**
 * Records a training session with its register; a session scheduled ahead has no register yet
 * (attendance is recorded on or after its date).
 */
export async function createTrainingSession(db: Db, { actor, input, today, at }: { actor: Actor; input: TrainingSessionInput; today: IsoDate; at: Date }): Promise<number> {
  return await inTransaction(db, async (tx) => {
    requireTrainer(actor, "record");
    const task = await first(tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.id, input.taskId), eq(tasks.active, true))).limit(1));
    if (!task) throw new RuleError([{ field: "taskId", message: "Select a task from the catalogue" }]);
    requireDateInWindow("heldOn", "Date of the session", input.heldOn, DATE_WINDOWS.trainingSession(today));
    const ids = input.attendees.map((a) => a.workerId);
    const allowed = ids.length ? (await listTrainableWorkers(tx, { actor })).filter((w) => ids.includes(w.id)) : [];
    if (new Set(ids).size !== ids.length) throw new RuleError([{ field: "attendees", message: "Choose one outcome for each care worker" }]);
    const early = attendanceProblem(input.heldOn, today, ids.length);
    if (early) throw new RuleError([{ field: "attendees", message: early }]);
    if (!ids.length && input.heldOn <= today) throw new RuleError([{ field: "attendees", message: "Record at least one care worker who attended" }]);
    if (allowed.length !== new Set(ids).size) throw new RuleError([{ field: "attendees", message: "Select care workers from the list" }]);
    const id = (await inserted(tx
      .insert(trainingSessions)
      .values({ taskId: input.taskId, heldOn: input.heldOn, facilitatorId: actor.userId, mode: input.mode, location: input.location, notes: input.notes })
      .returning({ id: trainingSessions.id }))).id;
    for (const a of input.attendees) await tx.insert(trainingAttendances).values({ sessionId: id, workerId: a.workerId, outcome: a.outcome });
    await recordAudit(tx, { actorId: actor.userId, action: "training.record", entityType: "training_session", entityId: id, details: { taskId: input.taskId, heldOn: input.heldOn, attendees: input.attendees }, at });
    return id;
  });
}


/**
 * Records the register of a session scheduled ahead, once its day has come (docs/domain.md rule 8). A session
 * whose register is already recorded keeps it.
 */
export async function recordAttendance(
  db: Db,
  { actor, sessionId, attendees, today, at }: { actor: Actor; sessionId: number; attendees: { workerId: number; outcome: AttendanceOutcome }[]; today: IsoDate; at: Date },
): Promise<{ id: number } | null> {
  return await inTransaction(db, async (tx) => {
    requireTrainer(actor, "record");
    const session = await first(tx
      .select({ heldOn: trainingSessions.heldOn, cancelledAt: trainingSessions.cancelledAt, attendees: attendeeCount() })
      .from(trainingSessions)
      .where(and(eq(trainingSessions.id, sessionId), sessionScope(tx, actor))).limit(1));
    if (!session) return null;
    // docs/domain.md rule 8: not before the session's day, never for a cancelled session, once.
    const refused = registerProblem(session, today);
    if (refused) throw new RuleError([{ field: "attendees", message: refused }]);
    const ids = attendees.map((a) => a.workerId);
    if (!ids.length) throw new RuleError([{ field: "attendees", message: "Record at least one care worker who attended" }]);
    const allowed = (await listTrainableWorkers(tx, { actor })).filter((w) => ids.includes(w.id));
    if (allowed.length !== new Set(ids).size) throw new RuleError([{ field: "attendees", message: "Select care workers from the list" }]);
    for (const a of attendees) await tx.insert(trainingAttendances).values({ sessionId, workerId: a.workerId, outcome: a.outcome });
    await recordAudit(tx, { actorId: actor.userId, action: "training.attendance", entityType: "training_session", entityId: sessionId, details: { attendees }, at });
    return { id: sessionId };
  });
}

export type ScheduledSessionInput = Omit<TrainingSessionInput, "attendees">;

/** Nurses and facilitators record and arrange training; anyone else is told so. */
function requireTrainer(actor: Actor, verb: "record" | "arrange") {
  if (!can(actor.role, "manage", "training")) throw new RuleError([{ field: "form", message: `Only a nurse or a facilitator can ${verb} training` }]);
}

async function requireActiveTask(db: Db, taskId: number) {
  const task = await first(db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.id, taskId), eq(tasks.active, true))).limit(1));
  if (!task) throw new RuleError([{ field: "taskId", message: "Select a task from the catalogue" }]);
}

/**
 * Schedules a session ahead of its day (docs/domain.md rule 8): today or up to a year ahead, with
 * no register; attendance is recorded from its day.
 */
export async function scheduleTrainingSession(db: Db, { actor, input, today, at }: { actor: Actor; input: ScheduledSessionInput; today: IsoDate; at: Date }): Promise<number> {
  return await inTransaction(db, async (tx) => {
    requireTrainer(actor, "arrange");
    await requireActiveTask(tx, input.taskId);
    requireDateInWindow("heldOn", "Date of the session", input.heldOn, scheduledSessionWindow(today));
    const id = (await inserted(tx
      .insert(trainingSessions)
      .values({ taskId: input.taskId, heldOn: input.heldOn, facilitatorId: actor.userId, mode: input.mode, location: input.location, notes: input.notes })
      .returning({ id: trainingSessions.id }))).id;
    await recordAudit(tx, { actorId: actor.userId, action: "training.schedule", entityType: "training_session", entityId: id, details: { ...input }, at });
    return id;
  });
}

/** A session in scope that may still change (docs/domain.md rules 8 and 14), or null when not found. */
async function changeableSession(db: Db, actor: Actor, id: number, today: IsoDate) {
  requireTrainer(actor, "arrange");
  const session = await first(db
    .select({ session: trainingSessions, attendees: attendeeCount() })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.id, id), sessionScope(db, actor))).limit(1));
  if (!session) return null;
  const problem = sessionChangeProblem({ heldOn: session.session.heldOn, cancelledAt: session.session.cancelledAt, attendees: session.attendees }, today);
  if (problem) throw new RuleError([{ field: "form", message: problem }]);
  return session.session;
}

/** Changes a session that has not happened yet: its task, day, how and where. The change is audited with what it was. */
export async function changeScheduledSession(
  db: Db,
  { actor, id, input, today, at }: { actor: Actor; id: number; input: ScheduledSessionInput; today: IsoDate; at: Date },
): Promise<{ id: number } | null> {
  return await inTransaction(db, async (tx) => {
    const session = await changeableSession(tx, actor, id, today);
    if (!session) return null;
    await requireActiveTask(tx, input.taskId);
    requireDateInWindow("heldOn", "Date of the session", input.heldOn, scheduledSessionWindow(today));
    await tx.update(trainingSessions)
      .set({ taskId: input.taskId, heldOn: input.heldOn, mode: input.mode, location: input.location, notes: input.notes })
      .where(and(eq(trainingSessions.id, id), isNull(trainingSessions.cancelledAt)));
    const before = { taskId: session.taskId, heldOn: session.heldOn, mode: session.mode, location: session.location, notes: session.notes };
    await recordAudit(tx, { actorId: actor.userId, action: "training.change", entityType: "training_session", entityId: id, details: { before, after: { ...input } }, at });
    return { id };
  });
}

/**
 * Cancels a session that has not happened yet, with a reason (docs/domain.md rule 14): it stays
 * in the history, shown as cancelled, and takes no register.
 */
export async function cancelTrainingSession(db: Db, { actor, id, reason, today, at }: { actor: Actor; id: number; reason: string; today: IsoDate; at: Date }): Promise<{ id: number } | null> {
  return await inTransaction(db, async (tx) => {
    const session = await changeableSession(tx, actor, id, today);
    if (!session) return null;
    if (!reason.trim()) throw new RuleError([{ field: "reason", message: "Say why the session is cancelled" }]);
    await tx.update(trainingSessions)
      .set({ cancelledAt: at.toISOString(), cancelledBy: actor.userId, cancelReason: reason })
      .where(and(eq(trainingSessions.id, id), isNull(trainingSessions.cancelledAt)));
    await recordAudit(tx, { actorId: actor.userId, action: "training.cancel", entityType: "training_session", entityId: id, details: { heldOn: session.heldOn, reason }, at });
    return { id };
  });
}
