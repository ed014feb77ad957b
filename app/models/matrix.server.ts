/** The training matrix: care workers by tasks, with each cell's competencies or latest training. */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { competencyStatus, currentSignOff, type CompetencyStatus } from "~/domain/competency";
import { londonDate, type IsoDate } from "~/domain/dates";
import type { MatrixCell, MatrixTraining } from "~/domain/matrix";
import type { Db } from "~db/client";
import { careWorkers, competencies, organisations, people, tasks, trainingAttendances, trainingSessions } from "~db/tables";
import { competencyScope, workerScope } from "./scope.server";
import { labelled, workerLabelColumns } from "./worker-names.server";
import { pageSlice } from "~/domain/pages";

export type MatrixFilters = { providerId?: number; taskIds: number[]; status?: CompetencyStatus };

/**
 * The matrix with its filters applied. A status filter keeps the workers with at least one cell in
 * that status, and every cell of theirs: hiding the others would leave cells that read "Not trained"
 * for a worker who is trained.
 */
export async function filteredMatrix(
  db: Db,
  { actor, filters, today, warningDays, page }: { actor: Actor; filters: MatrixFilters; today: IsoDate; warningDays: number; /** Only this page's cells are read, unless a status filter needs every worker's. */ page?: { number: number; size: number } },
) {
  const onePage = page && !filters.status ? <T,>(workers: T[]) => pageSlice(workers, page.number, page.size).items : undefined;
  const matrix = await trainingMatrix(db, { actor, providerId: filters.providerId, taskIds: filters.taskIds, today, warningDays, only: onePage });
  const cellsOf = (workerId: number, taskId: number): MatrixCell[] => matrix.cells[`${workerId}:${taskId}`] ?? [];
  const workers = filters.status
    ? matrix.workers.filter((w) => matrix.tasks.some((t) => cellsOf(w.id, t.id).some((c) => c.status === filters.status)))
    : matrix.workers;
  const trainingOf = (workerId: number, taskId: number): MatrixTraining | null => matrix.training[`${workerId}:${taskId}`] ?? null;
  return { workers, tasks: matrix.tasks, cellsOf, trainingOf, shown: page ? pageSlice(workers, page.number, page.size) : null };
}

/**
 * The training matrix: care workers (rows) by tasks (columns). A person-specific task may hold
 * several competencies in one cell, one per person.
 */
export async function trainingMatrix(
  db: Db,
  {
    actor,
    providerId,
    taskIds,
    today,
    warningDays,
    only,
  }: { actor: Actor; providerId?: number; taskIds?: number[]; today: IsoDate; warningDays: number; /** Cells only for the workers this picks from the list (a page); every worker's otherwise. */ only?: <T extends { id: number }>(workers: T[]) => T[] },
) {
  /** The care workers the matrix shows: active, at the chosen provider when one is chosen. */
  const shownWorkers = and(eq(careWorkers.status, "active"), providerId ? eq(careWorkers.providerId, providerId) : undefined);
  // A name shared at the provider carries the staff number (app/domain/worker-labels.ts).
  const workers = labelled(
    await db
      .select({ id: careWorkers.id, ...workerLabelColumns(), staffNumberAsEntered: careWorkers.staffNumber, providerId: careWorkers.providerId, providerName: organisations.name })
      .from(careWorkers)
      .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
      .where(and(workerScope(actor), shownWorkers))
      .orderBy(asc(organisations.name), asc(careWorkers.name)),
  );
  const taskList = await db
    .select({ id: tasks.id, name: tasks.name, code: tasks.code })
    .from(tasks)
    .where(and(eq(tasks.active, true), taskIds?.length ? inArray(tasks.id, taskIds) : undefined))
    .orderBy(asc(tasks.name));
  const cellWorkers = only ? only(workers) : workers;
  /** The workers whose cells are read: those picked (by id), or every one the matrix shows. */
  const cellScope = only ? inArray(careWorkers.id, cellWorkers.map((w) => w.id)) : undefined;
  const cells = new Map<string, MatrixCell[]>();
  if (cellWorkers.length && taskList.length) {
    const rows = await db
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
          shownWorkers,
          cellScope,
          inArray(competencies.taskId, taskList.map((t) => t.id)),
        ),
      )
      .orderBy(asc(people.name));
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
  if (cellWorkers.length && taskList.length) {
    const sessions = await db
      .select({ workerId: trainingAttendances.workerId, taskId: trainingSessions.taskId, heldOn: trainingSessions.heldOn, outcome: trainingAttendances.outcome })
      .from(trainingAttendances)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendances.sessionId))
      .innerJoin(careWorkers, eq(careWorkers.id, trainingAttendances.workerId))
      .where(
        and(
          workerScope(actor),
          shownWorkers,
          cellScope,
          isNull(trainingSessions.cancelledAt),
          inArray(trainingSessions.taskId, taskList.map((t) => t.id)),
        ),
      )
      .orderBy(asc(trainingSessions.heldOn));
    for (const s of sessions) training.set(`${s.workerId}:${s.taskId}`, { heldOn: s.heldOn, outcome: s.outcome });
  }
  return { workers, tasks: taskList, cells: Object.fromEntries(cells), training: Object.fromEntries(training) };
}

