import { first } from "./transaction.server";
/** Reading competencies: one with its whole history, and a worker's skills passport. */
import { aliasedTable, and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { allowedActions, competencyStatus, currentSignOff, strikeOutProblems, type CompetencyStatus } from "~/domain/competency";
import type { IsoDate } from "~/domain/dates";
import { workerLabel } from "~/domain/worker-labels";
import type { Db } from "~db/client";
import { careWorkers, competencies, competencyChanges, competencySignOffs, organisations, people, supervisedObservations, tasks, users } from "~db/tables";
import { competencyScope } from "./scope.server";
import { namesakesSql } from "./worker-names.server";

const signers = aliasedTable(users, "signers");
const changers = aliasedTable(users, "changers");

/** The competency with its worker and task, when it is in the actor's scope; otherwise null. */
export async function competencyInScope(db: Db, actor: Actor, id: number) {
  return (
    await first(db
      .select({ competency: competencies, worker: careWorkers, task: tasks })
      .from(competencies)
      .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
      .innerJoin(tasks, eq(tasks.id, competencies.taskId))
      .where(and(eq(competencies.id, id), competencyScope(actor))).limit(1)) ?? null
  );
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
export async function listWorkerCompetencies(
  db: Db,
  { actor, workerId, today, warningDays }: { actor: Actor; workerId: number; today: IsoDate; warningDays: number },
): Promise<PassportEntry[]> {
  const rows = await db
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
    .orderBy(asc(tasks.name), asc(people.name));
  return rows.map(({ state, ...r }) => {
    const status = competencyStatus({ state, expiresOn: r.expiresOn }, today, warningDays);
    // docs/domain.md rule 12: a declined or revoked competency shows no sign-off or expiry as if current.
    const current = currentSignOff({ ...r, status });
    return { ...r, status, signedOffOn: current?.signedOffOn ?? null, expiresOn: current?.expiresOn ?? null, signedOffByName: current ? r.signedOffByName : null };
  });
}

/** One competency with its whole history: sign-offs, changes of state and observations. */
export async function getCompetency(db: Db, { actor, id, today, warningDays }: { actor: Actor; id: number; today: IsoDate; warningDays: number }) {
  const found = await first(db
    .select({ competency: competencies, worker: careWorkers, namesakes: namesakesSql(), task: tasks, personName: people.name, providerName: organisations.name })
    .from(competencies)
    .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
    .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
    .innerJoin(tasks, eq(tasks.id, competencies.taskId))
    .leftJoin(people, eq(people.id, competencies.personId))
    .where(and(eq(competencies.id, id), competencyScope(actor))).limit(1));
  if (!found) return null;
  const { competency } = found;
  const signOffs = await db
    .select({ id: competencySignOffs.id, kind: competencySignOffs.kind, signedOffOn: competencySignOffs.signedOffOn, expiresOn: competencySignOffs.expiresOn, notes: competencySignOffs.notes, byName: signers.name })
    .from(competencySignOffs)
    .innerJoin(signers, eq(signers.id, competencySignOffs.signedOffBy))
    .where(eq(competencySignOffs.competencyId, id))
    .orderBy(desc(competencySignOffs.signedOffOn), desc(competencySignOffs.id));
  const changes = await db
    .select({ id: competencyChanges.id, fromState: competencyChanges.fromState, toState: competencyChanges.toState, reason: competencyChanges.reason, changedAt: competencyChanges.changedAt, byName: changers.name })
    .from(competencyChanges)
    .innerJoin(changers, eq(changers.id, competencyChanges.changedBy))
    .where(eq(competencyChanges.competencyId, id))
    .orderBy(desc(competencyChanges.changedAt), desc(competencyChanges.id));
  const observations = await db
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
    .orderBy(desc(supervisedObservations.observedOn), desc(supervisedObservations.id));
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
