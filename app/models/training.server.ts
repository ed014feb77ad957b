import { and, asc, desc, eq, exists, or } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { DATE_WINDOWS } from "~/domain/date-windows";
import type { IsoDate } from "~/domain/dates";
import { attendanceProblem } from "~/domain/training";
import { inTransaction, recordAudit } from "~/services/audit.server";
import type { Db } from "~db/client";
import { attendanceOutcomes, careWorkers, organisations, tasks, trainingAttendances, trainingSessions, trainingModes, users } from "~db/schema";
import { requireDateInWindow } from "./date-checks.server";
import { RuleError } from "./errors.server";
import { workerScope } from "./scope.server";
import { labelled, workerLabelColumns } from "./worker-names.server";

export type TrainingMode = (typeof trainingModes)[number];
export type AttendanceOutcome = (typeof attendanceOutcomes)[number];

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

export function listTrainingSessions(db: Db, { actor }: { actor: Actor }) {
  return db
    .select({
      id: trainingSessions.id,
      heldOn: trainingSessions.heldOn,
      mode: trainingSessions.mode,
      taskName: tasks.name,
      facilitatorName: users.name,
    })
    .from(trainingSessions)
    .innerJoin(tasks, eq(tasks.id, trainingSessions.taskId))
    .innerJoin(users, eq(users.id, trainingSessions.facilitatorId))
    .where(sessionScope(db, actor))
    .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.id))
    .all();
}

export function getTrainingSession(db: Db, { actor, id }: { actor: Actor; id: number }) {
  const session = db
    .select({ session: trainingSessions, taskName: tasks.name, facilitatorName: users.name })
    .from(trainingSessions)
    .innerJoin(tasks, eq(tasks.id, trainingSessions.taskId))
    .innerJoin(users, eq(users.id, trainingSessions.facilitatorId))
    .where(and(eq(trainingSessions.id, id), sessionScope(db, actor)))
    .get();
  if (!session) return null;
  const attendees = db
    .select({ workerId: careWorkers.id, ...workerLabelColumns(), providerName: organisations.name, outcome: trainingAttendances.outcome })
    .from(trainingAttendances)
    .innerJoin(careWorkers, eq(careWorkers.id, trainingAttendances.workerId))
    .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
    .where(and(eq(trainingAttendances.sessionId, id), workerScope(actor)))
    .orderBy(asc(careWorkers.name))
    .all();
  return { ...session, attendees: labelled(attendees) };
}

export function listWorkerTraining(db: Db, { actor, workerId }: { actor: Actor; workerId: number }) {
  return db
    .select({ sessionId: trainingSessions.id, heldOn: trainingSessions.heldOn, mode: trainingSessions.mode, taskName: tasks.name, outcome: trainingAttendances.outcome })
    .from(trainingAttendances)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendances.sessionId))
    .innerJoin(tasks, eq(tasks.id, trainingSessions.taskId))
    .innerJoin(careWorkers, eq(careWorkers.id, trainingAttendances.workerId))
    .where(and(eq(trainingAttendances.workerId, workerId), workerScope(actor)))
    .orderBy(desc(trainingSessions.heldOn))
    .all();
}

/** Active workers the actor may put on a session's register. */
export function listTrainableWorkers(db: Db, { actor, providerId }: { actor: Actor; providerId?: number }) {
  const workers = db
    .select({ id: careWorkers.id, ...workerLabelColumns(), providerId: careWorkers.providerId, providerName: organisations.name })
    .from(careWorkers)
    .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
    .where(and(workerScope(actor), eq(careWorkers.status, "active"), providerId ? eq(careWorkers.providerId, providerId) : undefined))
    .orderBy(asc(organisations.name), asc(careWorkers.name))
    .all();
  return labelled(workers);
}

/**
 * Records a training session with its register; a session scheduled ahead has no register yet
 * (attendance is recorded on or after its date).
 */
export function createTrainingSession(db: Db, { actor, input, today, at }: { actor: Actor; input: TrainingSessionInput; today: IsoDate; at: Date }): number {
  return inTransaction(db, (tx) => {
    if (actor.role !== "nurse" && actor.role !== "facilitator") throw new RuleError([{ field: "form", message: "Only a nurse or a facilitator can record training" }]);
    const task = tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.id, input.taskId), eq(tasks.active, true))).get();
    if (!task) throw new RuleError([{ field: "taskId", message: "Select a task from the catalogue" }]);
    requireDateInWindow("heldOn", "Date of the session", input.heldOn, DATE_WINDOWS.trainingSession(today));
    const ids = input.attendees.map((a) => a.workerId);
    const allowed = ids.length ? listTrainableWorkers(tx, { actor }).filter((w) => ids.includes(w.id)) : [];
    if (new Set(ids).size !== ids.length) throw new RuleError([{ field: "attendees", message: "Choose one outcome for each care worker" }]);
    const early = attendanceProblem(input.heldOn, today, ids.length);
    if (early) throw new RuleError([{ field: "attendees", message: early }]);
    if (!ids.length && input.heldOn <= today) throw new RuleError([{ field: "attendees", message: "Record at least one care worker who attended" }]);
    if (allowed.length !== new Set(ids).size) throw new RuleError([{ field: "attendees", message: "Select care workers from the list" }]);
    const id = tx
      .insert(trainingSessions)
      .values({ taskId: input.taskId, heldOn: input.heldOn, facilitatorId: actor.userId, mode: input.mode, location: input.location, notes: input.notes })
      .returning({ id: trainingSessions.id })
      .get().id;
    for (const a of input.attendees) tx.insert(trainingAttendances).values({ sessionId: id, workerId: a.workerId, outcome: a.outcome }).run();
    recordAudit(tx, { actorId: actor.userId, action: "training.record", entityType: "training_session", entityId: id, details: { taskId: input.taskId, heldOn: input.heldOn, attendees: input.attendees }, at });
    return id;
  });
}


/**
 * Records the register of a session scheduled ahead, once its day has come (docs/domain.md rule 8). A session
 * whose register is already recorded keeps it.
 */
export function recordAttendance(
  db: Db,
  { actor, sessionId, attendees, today, at }: { actor: Actor; sessionId: number; attendees: { workerId: number; outcome: AttendanceOutcome }[]; today: IsoDate; at: Date },
): boolean {
  return inTransaction(db, (tx) => {
    if (actor.role !== "nurse" && actor.role !== "facilitator") throw new RuleError([{ field: "form", message: "Only a nurse or a facilitator can record training" }]);
    const session = tx.select().from(trainingSessions).where(and(eq(trainingSessions.id, sessionId), sessionScope(tx, actor))).get();
    if (!session) return false;
    const early = attendanceProblem(session.heldOn, today, attendees.length);
    if (early) throw new RuleError([{ field: "attendees", message: early }]);
    if (tx.select({ id: trainingAttendances.id }).from(trainingAttendances).where(eq(trainingAttendances.sessionId, sessionId)).get()) {
      throw new RuleError([{ field: "attendees", message: "Attendance at this session has already been recorded" }]);
    }
    const ids = attendees.map((a) => a.workerId);
    if (!ids.length) throw new RuleError([{ field: "attendees", message: "Record at least one care worker who attended" }]);
    const allowed = listTrainableWorkers(tx, { actor }).filter((w) => ids.includes(w.id));
    if (allowed.length !== new Set(ids).size) throw new RuleError([{ field: "attendees", message: "Select care workers from the list" }]);
    for (const a of attendees) tx.insert(trainingAttendances).values({ sessionId, workerId: a.workerId, outcome: a.outcome }).run();
    recordAudit(tx, { actorId: actor.userId, action: "training.attendance", entityType: "training_session", entityId: sessionId, details: { attendees }, at });
    return true;
  });
}
