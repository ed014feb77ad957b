import { aliasedTable, and, asc, count, desc, eq, gt, inArray, isNull, max, sql } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import {
  allowedActions,
  competencyStatus,
  currentSignOff,
  expiryDate,
  observationProblems,
  observationsNeeded,
  signOffBlockers,
  signOffProblems,
  stateAfter,
  strikeOutProblems,
  type CompetencyAction,
  type CompetencyStatus,
} from "~/domain/competency";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { londonDate, type IsoDate } from "~/domain/dates";
import type { MatrixCell, MatrixTraining } from "~/domain/matrix";
import { inTransaction, recordAudit } from "~/services/audit.server";
import type { Db } from "~db/client";
import {
  careWorkers,
  competencies,
  competencyChanges,
  competencySignOffs,
  organisations,
  people,
  supervisedObservations,
  taskPrerequisites,
  tasks,
  trainingAttendances,
  trainingSessions,
  users,
  workerPrerequisites,
} from "~db/schema";
import { followUpCompetencyChange, tellOfDecline } from "./competency-follow-up.server";
import { competencyScope, personScope, workerScope } from "./scope.server";

import { requireDateInWindow } from "./date-checks.server";
import { RuleError } from "./errors.server";
import { labelled, namesakesSql, workerLabelColumns } from "./worker-names.server";
import { workerLabel } from "~/domain/worker-labels";


const signers = aliasedTable(users, "signers");
const changers = aliasedTable(users, "changers");

/** Names of the task's prerequisites this worker has no evidence for. */
export function missingPrerequisites(db: Db, workerId: number, taskId: number): string[] {
  return db
    .select({ name: taskPrerequisites.name })
    .from(taskPrerequisites)
    .leftJoin(
      workerPrerequisites,
      and(eq(workerPrerequisites.prerequisiteId, taskPrerequisites.id), eq(workerPrerequisites.workerId, workerId)),
    )
    .where(and(eq(taskPrerequisites.taskId, taskId), isNull(workerPrerequisites.id)))
    .orderBy(asc(taskPrerequisites.id))
    .all()
    .map((r) => r.name);
}

/** The task's prerequisites this worker has met, with the day each was completed (docs/domain.md rule 7). */
export function metPrerequisites(db: Db, workerId: number, taskId: number): { name: string; achievedOn: IsoDate }[] {
  return db
    .select({ name: taskPrerequisites.name, achievedOn: workerPrerequisites.achievedOn })
    .from(taskPrerequisites)
    .innerJoin(
      workerPrerequisites,
      and(eq(workerPrerequisites.prerequisiteId, taskPrerequisites.id), eq(workerPrerequisites.workerId, workerId)),
    )
    .where(eq(taskPrerequisites.taskId, taskId))
    .orderBy(asc(taskPrerequisites.id))
    .all();
}

function workerInScope(db: Db, actor: Actor, workerId: number) {
  return db.select().from(careWorkers).where(and(eq(careWorkers.id, workerId), workerScope(actor))).get() ?? null;
}

function findCompetency(db: Db, workerId: number, taskId: number, personId: number | null) {
  return (
    db
      .select()
      .from(competencies)
      .where(
        and(
          eq(competencies.workerId, workerId),
          eq(competencies.taskId, taskId),
          personId ? eq(competencies.personId, personId) : isNull(competencies.personId),
        ),
      )
      .get() ?? null
  );
}

export type ObservationInput = {
  workerId: number;
  taskId: number;
  personId: number | null;
  observedOn: IsoDate;
  outcome: "satisfactory" | "not_yet";
  notes: string;
};

/**
 * Records a supervised observation (docs/domain.md rule 7: only once the prerequisites are met). The
 * competency it counts towards is opened "in training" if this is the first.
 */
export function recordObservation(
  db: Db,
  { actor, input, today, at }: { actor: Actor; input: ObservationInput; today: IsoDate; at: Date },
): { competencyId: number; observationId: number } | null {
  return inTransaction(db, (tx) => {
    const worker = workerInScope(tx, actor, input.workerId);
    if (!worker) return null;
    const task = tx.select().from(tasks).where(and(eq(tasks.id, input.taskId), eq(tasks.active, true))).get();
    if (!task) throw new RuleError([{ field: "form", message: "Select a task from the catalogue" }]);
    const personId = task.personSpecific ? input.personId : null;
    if (personId) {
      const person = tx.select({ providerId: people.providerId }).from(people).where(and(eq(people.id, personId), personScope(actor))).get();
      if (!person || person.providerId !== worker.providerId) {
        throw new RuleError([{ field: "form", message: "Select a person cared for by this worker's provider" }]);
      }
    }
    const existing = findCompetency(tx, worker.id, task.id, personId);
    const problems = observationProblems({
      observer: { role: actor.role },
      missingPrerequisites: missingPrerequisites(tx, worker.id, task.id),
      observedOn: input.observedOn,
      today,
      personSpecific: task.personSpecific,
      personId,
      state: existing?.state ?? null,
      prerequisitesMet: metPrerequisites(tx, worker.id, task.id),
      joinedProviderOn: worker.joinedOn,
    });
    if (worker.status === "left") problems.push({ field: "form", message: "This care worker has left their provider" });
    if (problems.length) throw new RuleError(problems);

    const competencyId =
      existing?.id ??
      tx.insert(competencies).values({ workerId: worker.id, taskId: task.id, personId, state: "in_training" }).returning({ id: competencies.id }).get().id;
    if (!existing) {
      tx.insert(competencyChanges).values({ competencyId, fromState: null, toState: "in_training", reason: "First supervised observation", changedBy: actor.userId, changedAt: at.toISOString() }).run();
    }
    const observationId = tx
      .insert(supervisedObservations)
      .values({ workerId: worker.id, taskId: task.id, personId, observedOn: input.observedOn, observerId: actor.userId, outcome: input.outcome, notes: input.notes })
      .returning({ id: supervisedObservations.id })
      .get().id;
    recordAudit(tx, {
      actorId: actor.userId,
      action: "observation.record",
      entityType: "competency",
      entityId: competencyId,
      details: { observationId, workerId: worker.id, taskId: task.id, personId, outcome: input.outcome, observedOn: input.observedOn },
      at,
    });
    return { competencyId, observationId };
  });
}

/**
 * The satisfactory observations a sign-off counts (all, or those after `after` for a renewal),
 * leaving out any struck out, and the date of the last of them.
 */
function countedObservations(db: Db, c: { workerId: number; taskId: number; personId: number | null }, after: IsoDate | null): { n: number; lastOn: IsoDate | null } {
  const row = db
    .select({ n: count(), lastOn: max(supervisedObservations.observedOn) })
    .from(supervisedObservations)
    .where(
      and(
        eq(supervisedObservations.workerId, c.workerId),
        eq(supervisedObservations.taskId, c.taskId),
        c.personId ? eq(supervisedObservations.personId, c.personId) : isNull(supervisedObservations.personId),
        eq(supervisedObservations.outcome, "satisfactory"),
        isNull(supervisedObservations.struckOutAt),
        after ? gt(supervisedObservations.observedOn, after) : undefined,
      ),
    )
    .get();
  return { n: row?.n ?? 0, lastOn: row?.lastOn ?? null };
}

function competencyInScope(db: Db, actor: Actor, id: number) {
  return (
    db
      .select({ competency: competencies, worker: careWorkers, task: tasks })
      .from(competencies)
      .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
      .innerJoin(tasks, eq(tasks.id, competencies.taskId))
      .where(and(eq(competencies.id, id), competencyScope(actor)))
      .get() ?? null
  );
}

/** What a sign-off (or renewal) would need now: for the page that offers it. */
export function signOffReadiness(db: Db, { actor, id, today }: { actor: Actor; id: number; today: IsoDate }) {
  const found = competencyInScope(db, actor, id);
  if (!found) return null;
  const { competency, worker, task } = found;
  const renewal = competency.state === "competent";
  const counted = countedObservations(db, competency, renewal ? competency.signedOffOn : null);
  const satisfactory = counted.n;
  const problems = signOffBlockers({
    signer: { userId: actor.userId, role: actor.role },
    workerUserId: worker.userId,
    state: competency.state,
    satisfactoryObservations: satisfactory,
    requiredObservations: task.requiredObservations,
    missingPrerequisites: missingPrerequisites(db, worker.id, task.id),
    lastSignedOffOn: competency.signedOffOn,
    lastObservationOn: counted.lastOn,
    today,
  });
  if (worker.status === "left") problems.push({ field: "form", message: "This care worker has left their provider", cause: "left" });
  return {
    renewal,
    satisfactory,
    required: observationsNeeded(competency.state, task.requiredObservations),
    /** What stops a sign-off today (docs/domain.md rule 7); empty when the declaration may be offered. */
    problems,
    workerId: worker.id,
    expiresOnIfToday: expiryDate(today, task.validityMonths),
  };
}

/**
 * Signs off a competency, or renews it (a reassessment): a new sign-off row, a new expiry, the
 * old sign-offs kept. docs/domain.md rule 7 is checked here, in the transaction, whatever the page offered.
 */
export function signOffCompetency(
  db: Db,
  { actor, id, signedOffOn, notes, today, at }: { actor: Actor; id: number; signedOffOn: IsoDate; notes: string; today: IsoDate; at: Date },
): { expiresOn: IsoDate } | null {
  return inTransaction(db, (tx) => {
    const found = competencyInScope(tx, actor, id);
    if (!found) return null;
    const { competency, worker, task } = found;
    const renewal = competency.state === "competent";
    const counted = countedObservations(tx, competency, renewal ? competency.signedOffOn : null);
    const problems = signOffProblems({
      signer: { userId: actor.userId, role: actor.role },
      workerUserId: worker.userId,
      state: competency.state,
      satisfactoryObservations: counted.n,
      requiredObservations: task.requiredObservations,
      missingPrerequisites: missingPrerequisites(tx, worker.id, task.id),
      signOffDate: signedOffOn,
      lastSignedOffOn: competency.signedOffOn,
      lastObservationOn: counted.lastOn,
      today,
    });
    if (worker.status === "left") problems.push({ field: "form", message: "This care worker has left their provider" });
    if (problems.length) throw new RuleError(problems);
    const expiresOn = expiryDate(signedOffOn, task.validityMonths);
    tx.insert(competencySignOffs)
      .values({ competencyId: id, kind: renewal ? "renewal" : "initial", signedOffBy: actor.userId, signedOffOn, expiresOn, notes })
      .run();
    tx.update(competencies)
      .set({ state: "competent", signedOffBy: actor.userId, signedOffOn, expiresOn, updatedAt: at.toISOString() })
      .where(eq(competencies.id, id))
      .run();
    if (!renewal) {
      tx.insert(competencyChanges).values({ competencyId: id, fromState: competency.state, toState: "competent", reason: "Signed off", changedBy: actor.userId, changedAt: at.toISOString() }).run();
    }
    recordAudit(tx, {
      actorId: actor.userId,
      action: renewal ? "competency.renew" : "competency.sign_off",
      entityType: "competency",
      entityId: id,
      details: { workerId: worker.id, taskId: task.id, personId: competency.personId, signedOffOn, expiresOn },
      at,
    });
    // docs/domain.md rule 5: an agreement waiting only for this sign-off becomes active now.
    followUpCompetencyChange(tx, { workerId: worker.id, at });
    return { expiresOn };
  });
}

/**
 * Strikes out a mistaken supervised observation with a reason (docs/domain.md rules 7 and 14):
 * the row stays, marked, and is no longer counted towards sign-off; the change is audited.
 */
export function strikeOutObservation(
  db: Db,
  { actor, competencyId, observationId, reason, at }: { actor: Actor; competencyId: number; observationId: number; reason: string; at: Date },
): boolean {
  return inTransaction(db, (tx) => {
    const found = competencyInScope(tx, actor, competencyId);
    if (!found) return false;
    const { competency } = found;
    const observation = tx
      .select()
      .from(supervisedObservations)
      .where(
        and(
          eq(supervisedObservations.id, observationId),
          eq(supervisedObservations.workerId, competency.workerId),
          eq(supervisedObservations.taskId, competency.taskId),
          competency.personId ? eq(supervisedObservations.personId, competency.personId) : isNull(supervisedObservations.personId),
        ),
      )
      .get();
    if (!observation) return false;
    const problems = strikeOutProblems({ role: actor.role, observedOn: observation.observedOn, struckOut: observation.struckOutAt !== null, lastSignedOffOn: competency.signedOffOn, reason });
    if (problems.length) throw new RuleError(problems.map((message) => ({ field: "reason", message })));
    tx.update(supervisedObservations)
      .set({ struckOutAt: at.toISOString(), struckOutBy: actor.userId, struckOutReason: reason })
      .where(and(eq(supervisedObservations.id, observationId), isNull(supervisedObservations.struckOutAt)))
      .run();
    recordAudit(tx, {
      actorId: actor.userId,
      action: "observation.strike_out",
      entityType: "competency",
      entityId: competencyId,
      details: { observationId, observedOn: observation.observedOn, outcome: observation.outcome, reason },
      at,
    });
    return true;
  });
}

/** Suspend, reinstate, revoke (assessors) or decline (the worker themselves), with a reason. */
export function changeCompetencyState(
  db: Db,
  { actor, id, action, reason, at }: { actor: Actor; id: number; action: CompetencyAction; reason: string; at: Date },
): boolean {
  return inTransaction(db, (tx) => {
    const found = competencyInScope(tx, actor, id);
    if (!found) return false;
    const { competency, worker } = found;
    const isOwn = actor.workerId === worker.id;
    if (!allowedActions(competency.state, actor.role, isOwn).includes(action)) {
      throw new RuleError([{ field: "form", message: `This competency cannot be changed that way now (it is ${competency.state.replace("_", " ")})` }]);
    }
    const toState = stateAfter(action, competency.signedOffOn !== null);
    tx.update(competencies)
      .set({ state: toState, stateReason: reason, stateChangedBy: actor.userId, stateChangedAt: at.toISOString(), updatedAt: at.toISOString() })
      .where(eq(competencies.id, id))
      .run();
    tx.insert(competencyChanges).values({ competencyId: id, fromState: competency.state, toState, reason, changedBy: actor.userId, changedAt: at.toISOString() }).run();
    recordAudit(tx, { actorId: actor.userId, action: `competency.${action}`, entityType: "competency", entityId: id, details: { from: competency.state, to: toState, reason }, at });
    if (action === "decline") tellOfDecline(tx, { competency, workerName: worker.name, taskName: found.task.name, reason, at });
    // docs/domain.md rule 5: activation and the interlock are re-evaluated at once.
    followUpCompetencyChange(tx, { workerId: worker.id, at });
    return true;
  });
}

export function recordPrerequisite(
  db: Db,
  { actor, workerId, prerequisiteId, achievedOn, evidence, at }: { actor: Actor; workerId: number; prerequisiteId: number; achievedOn: IsoDate; evidence: string; at: Date },
): boolean {
  return inTransaction(db, (tx) => {
    if (actor.role !== "nurse" && actor.role !== "facilitator") return false;
    const worker = workerInScope(tx, actor, workerId);
    if (!worker) return false;
    requireDateInWindow("achievedOn", "Date achieved", achievedOn, DATE_WINDOWS.pastRecord(londonDate(at)));
    const prerequisite = tx.select().from(taskPrerequisites).where(eq(taskPrerequisites.id, prerequisiteId)).get();
    if (!prerequisite) throw new RuleError([{ field: "prerequisiteId", message: "Select a prerequisite from the list" }]);
    const already = tx
      .select({ id: workerPrerequisites.id })
      .from(workerPrerequisites)
      .where(and(eq(workerPrerequisites.workerId, workerId), eq(workerPrerequisites.prerequisiteId, prerequisiteId)))
      .get();
    if (already) throw new RuleError([{ field: "prerequisiteId", message: `${prerequisite.name} is already recorded for this worker` }]);
    tx.insert(workerPrerequisites).values({ workerId, prerequisiteId, achievedOn, evidence, recordedBy: actor.userId }).run();
    recordAudit(tx, { actorId: actor.userId, action: "prerequisite.record", entityType: "worker", entityId: workerId, details: { prerequisiteId, achievedOn }, at });
    return true;
  });
}

/** Every prerequisite in the catalogue, with whether this worker has it. */
export function listWorkerPrerequisites(db: Db, workerId: number) {
  return db
    .select({
      id: taskPrerequisites.id,
      name: taskPrerequisites.name,
      taskName: tasks.name,
      achievedOn: workerPrerequisites.achievedOn,
      evidence: workerPrerequisites.evidence,
    })
    .from(taskPrerequisites)
    .innerJoin(tasks, eq(tasks.id, taskPrerequisites.taskId))
    .leftJoin(workerPrerequisites, and(eq(workerPrerequisites.prerequisiteId, taskPrerequisites.id), eq(workerPrerequisites.workerId, workerId)))
    .where(eq(tasks.active, true))
    .orderBy(asc(tasks.name), asc(taskPrerequisites.id))
    .all();
}

export type PassportEntry = {
  id: number;
  taskId: number;
  taskName: string;
  taskCode: string;
  personName: string | null;
  status: CompetencyStatus;
  signedOffByName: string | null;
  signedOffOn: IsoDate | null;
  expiresOn: IsoDate | null;
  reason: string;
};

/**
 * The skills passport: every competency the worker holds or has held, with today's status.
 * Plain data, shaped for the page and the PDF alike.
 */
export function listWorkerCompetencies(
  db: Db,
  { actor, workerId, today, warningDays }: { actor: Actor; workerId: number; today: IsoDate; warningDays: number },
): PassportEntry[] {
  const rows = db
    .select({
      id: competencies.id,
      taskId: tasks.id,
      taskName: tasks.name,
      taskCode: tasks.code,
      personName: people.name,
      state: competencies.state,
      signedOffByName: signers.name,
      signedOffOn: competencies.signedOffOn,
      expiresOn: competencies.expiresOn,
      reason: competencies.stateReason,
    })
    .from(competencies)
    .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
    .innerJoin(tasks, eq(tasks.id, competencies.taskId))
    .leftJoin(people, eq(people.id, competencies.personId))
    .leftJoin(signers, eq(signers.id, competencies.signedOffBy))
    .where(and(eq(competencies.workerId, workerId), competencyScope(actor)))
    .orderBy(asc(tasks.name), asc(people.name))
    .all();
  return rows.map(({ state, ...r }) => {
    const status = competencyStatus({ state, expiresOn: r.expiresOn }, today, warningDays);
    // docs/domain.md rule 12: a declined or revoked competency shows no sign-off or expiry as if current.
    const current = currentSignOff({ ...r, status });
    return { ...r, status, signedOffOn: current?.signedOffOn ?? null, expiresOn: current?.expiresOn ?? null, signedOffByName: current ? r.signedOffByName : null };
  });
}

/** One competency with its whole history: sign-offs, changes of state and observations. */
export function getCompetency(db: Db, { actor, id, today, warningDays }: { actor: Actor; id: number; today: IsoDate; warningDays: number }) {
  const found = db
    .select({ competency: competencies, worker: careWorkers, namesakes: namesakesSql(), task: tasks, personName: people.name, providerName: organisations.name })
    .from(competencies)
    .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
    .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
    .innerJoin(tasks, eq(tasks.id, competencies.taskId))
    .leftJoin(people, eq(people.id, competencies.personId))
    .where(and(eq(competencies.id, id), competencyScope(actor)))
    .get();
  if (!found) return null;
  const { competency } = found;
  const signOffs = db
    .select({ id: competencySignOffs.id, kind: competencySignOffs.kind, signedOffOn: competencySignOffs.signedOffOn, expiresOn: competencySignOffs.expiresOn, notes: competencySignOffs.notes, byName: signers.name })
    .from(competencySignOffs)
    .innerJoin(signers, eq(signers.id, competencySignOffs.signedOffBy))
    .where(eq(competencySignOffs.competencyId, id))
    .orderBy(desc(competencySignOffs.signedOffOn), desc(competencySignOffs.id))
    .all();
  const changes = db
    .select({ id: competencyChanges.id, fromState: competencyChanges.fromState, toState: competencyChanges.toState, reason: competencyChanges.reason, changedAt: competencyChanges.changedAt, byName: changers.name })
    .from(competencyChanges)
    .innerJoin(changers, eq(changers.id, competencyChanges.changedBy))
    .where(eq(competencyChanges.competencyId, id))
    .orderBy(desc(competencyChanges.changedAt), desc(competencyChanges.id))
    .all();
  const observations = db
    .select({
      id: supervisedObservations.id,
      observedOn: supervisedObservations.observedOn,
      outcome: supervisedObservations.outcome,
      notes: supervisedObservations.notes,
      observerName: users.name,
      struckOutAt: supervisedObservations.struckOutAt,
      struckOutReason: supervisedObservations.struckOutReason,
      struckOutByName: sql<string | null>`(SELECT strikers.name FROM users AS strikers WHERE strikers.id = ${supervisedObservations.struckOutBy})`,
    })
    .from(supervisedObservations)
    .innerJoin(users, eq(users.id, supervisedObservations.observerId))
    .where(
      and(
        eq(supervisedObservations.workerId, competency.workerId),
        eq(supervisedObservations.taskId, competency.taskId),
        competency.personId ? eq(supervisedObservations.personId, competency.personId) : isNull(supervisedObservations.personId),
      ),
    )
    .orderBy(desc(supervisedObservations.observedOn), desc(supervisedObservations.id))
    .all();
  const status = competencyStatus(competency, today, warningDays);
  const mayStrikeOut = (o: (typeof observations)[number]) =>
    !strikeOutProblems({ role: actor.role, observedOn: o.observedOn, struckOut: o.struckOutAt !== null, lastSignedOffOn: competency.signedOffOn }).length;
  const { namesakes, ...rest } = found;
  return {
    ...rest,
    // Named as everywhere: a name shared at the provider carries the staff number, so nobody signs off the wrong one (hazard H43).
    worker: { ...found.worker, name: workerLabel({ ...found.worker, namesakes }) },
    status,
    /** docs/domain.md rule 12: null when declined or revoked, so no sign-off or expiry is shown as if current. */
    current: currentSignOff({ ...competency, status }),
    signOffs,
    changes,
    observations: observations.map((o) => ({ ...o, mayStrikeOut: mayStrikeOut(o) })),
    actions: allowedActions(competency.state, actor.role, actor.workerId === found.worker.id),
  };
}

/**
 * The training matrix: care workers (rows) by tasks (columns). A person-specific task may hold
 * several competencies in one cell, one per person.
 */
export function trainingMatrix(
  db: Db,
  { actor, providerId, taskIds, today, warningDays }: { actor: Actor; providerId?: number; taskIds?: number[]; today: IsoDate; warningDays: number },
) {
  // A name shared at the provider carries the staff number (app/domain/worker-labels.ts).
  const workers = labelled(
    db
      .select({ id: careWorkers.id, ...workerLabelColumns(), staffNumberAsEntered: careWorkers.staffNumber, providerId: careWorkers.providerId, providerName: organisations.name })
      .from(careWorkers)
      .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
      .where(and(workerScope(actor), eq(careWorkers.status, "active"), providerId ? eq(careWorkers.providerId, providerId) : undefined))
      .orderBy(asc(organisations.name), asc(careWorkers.name))
      .all(),
  );
  const taskList = db
    .select({ id: tasks.id, name: tasks.name, code: tasks.code })
    .from(tasks)
    .where(and(eq(tasks.active, true), taskIds?.length ? inArray(tasks.id, taskIds) : undefined))
    .orderBy(asc(tasks.name))
    .all();
  const cells = new Map<string, MatrixCell[]>();
  if (workers.length && taskList.length) {
    const rows = db
      .select({
        competencyId: competencies.id,
        workerId: competencies.workerId,
        taskId: competencies.taskId,
        state: competencies.state,
        expiresOn: competencies.expiresOn,
        stateChangedAt: competencies.stateChangedAt,
        personName: people.name,
      })
      .from(competencies)
      .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
      .leftJoin(people, eq(people.id, competencies.personId))
      .where(
        and(
          competencyScope(actor),
          eq(careWorkers.status, "active"),
          providerId ? eq(careWorkers.providerId, providerId) : undefined,
          inArray(competencies.taskId, taskList.map((t) => t.id)),
        ),
      )
      .orderBy(asc(people.name))
      .all();
    for (const r of rows) {
      const key = `${r.workerId}:${r.taskId}`;
      const status = competencyStatus(r, today, warningDays);
      const cell: MatrixCell = {
        competencyId: r.competencyId,
        status,
        expiresOn: currentSignOff({ ...r, signedOffOn: null, status })?.expiresOn ?? null,
        changedOn: r.stateChangedAt ? londonDate(new Date(r.stateChangedAt)) : null,
        personName: r.personName,
      };
      cells.set(key, [...(cells.get(key) ?? []), cell]);
    }
  }
  // For a task the worker holds no competency in: the latest training session of each worker and
  // task that was not cancelled, with its outcome.
  const training = new Map<string, MatrixTraining>();
  if (workers.length && taskList.length) {
    const sessions = db
      .select({ workerId: trainingAttendances.workerId, taskId: trainingSessions.taskId, heldOn: trainingSessions.heldOn, outcome: trainingAttendances.outcome })
      .from(trainingAttendances)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendances.sessionId))
      .innerJoin(careWorkers, eq(careWorkers.id, trainingAttendances.workerId))
      .where(
        and(
          workerScope(actor),
          eq(careWorkers.status, "active"),
          providerId ? eq(careWorkers.providerId, providerId) : undefined,
          isNull(trainingSessions.cancelledAt),
          inArray(trainingSessions.taskId, taskList.map((t) => t.id)),
        ),
      )
      .orderBy(asc(trainingSessions.heldOn))
      .all();
    for (const s of sessions) training.set(`${s.workerId}:${s.taskId}`, { heldOn: s.heldOn, outcome: s.outcome });
  }
  return { workers, tasks: taskList, cells: Object.fromEntries(cells), training: Object.fromEntries(training) };
}

