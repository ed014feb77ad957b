import type { Actor } from "~/domain/actor";
import { COMPETENCY_STATUS_LABELS, type CompetencyStatus } from "~/domain/competency";
import { formatDate, type IsoDate } from "~/domain/dates";
import type { Db } from "~db/client";
import { trainingMatrix, type MatrixCell } from "./competencies.server";

export type MatrixFilters = { providerId?: number; taskId?: number; status?: CompetencyStatus };

/** The matrix with its filters applied: a status filter keeps only workers with such a cell. */
export function filteredMatrix(db: Db, { actor, filters, today, warningDays }: { actor: Actor; filters: MatrixFilters; today: IsoDate; warningDays: number }) {
  const matrix = trainingMatrix(db, { actor, providerId: filters.providerId, taskId: filters.taskId, today, warningDays });
  const cellsOf = (workerId: number, taskId: number): MatrixCell[] => {
    const cells = matrix.cells[`${workerId}:${taskId}`] ?? [];
    return filters.status ? cells.filter((c) => c.status === filters.status) : cells;
  };
  const workers = filters.status
    ? matrix.workers.filter((w) => matrix.tasks.some((t) => cellsOf(w.id, t.id).length > 0))
    : matrix.workers;
  return { workers, tasks: matrix.tasks, cellsOf };
}

/** One line of text per cell, for the CSV: "Competent, expires 22 November 2027 (Edith Clarke)". */
export function cellText(cell: MatrixCell): string {
  const expiry = cell.expiresOn ? `, ${cell.status === "expired" ? "expired" : "expires"} ${formatDate(cell.expiresOn)}` : "";
  return `${COMPETENCY_STATUS_LABELS[cell.status]}${expiry}${cell.personName ? ` (${cell.personName})` : ""}`;
}
