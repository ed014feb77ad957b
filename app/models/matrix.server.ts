import type { Actor } from "~/domain/actor";
import type { CompetencyStatus } from "~/domain/competency";
import type { IsoDate } from "~/domain/dates";
import type { MatrixCell, MatrixTraining } from "~/domain/matrix";
import type { Db } from "~db/client";
import { trainingMatrix } from "./competencies.server";

export type MatrixFilters = { providerId?: number; taskIds: number[]; status?: CompetencyStatus };

/**
 * The matrix with its filters applied. A status filter keeps the workers with at least one cell in
 * that status, and every cell of theirs: hiding the others would leave cells that read "Not trained"
 * for a worker who is trained.
 */
export function filteredMatrix(db: Db, { actor, filters, today, warningDays }: { actor: Actor; filters: MatrixFilters; today: IsoDate; warningDays: number }) {
  const matrix = trainingMatrix(db, { actor, providerId: filters.providerId, taskIds: filters.taskIds, today, warningDays });
  const cellsOf = (workerId: number, taskId: number): MatrixCell[] => matrix.cells[`${workerId}:${taskId}`] ?? [];
  const workers = filters.status
    ? matrix.workers.filter((w) => matrix.tasks.some((t) => cellsOf(w.id, t.id).some((c) => c.status === filters.status)))
    : matrix.workers;
  const trainingOf = (workerId: number, taskId: number): MatrixTraining | null => matrix.training[`${workerId}:${taskId}`] ?? null;
  return { workers, tasks: matrix.tasks, cellsOf, trainingOf };
}
