import { sql, type SQL } from "drizzle-orm";
import { workerLabel } from "~/domain/worker-labels";
import { careWorkers } from "~db/schema";

/**
 * How many workers at a worker's provider (any status, the worker included) share their name:
 * the SQL half of app/domain/worker-labels.ts, for selecting next to `careWorkers` in any query.
 * SQLite's lower() folds ASCII only; the forms compare with the domain's fuller key.
 */
export function namesakesSql(): SQL<number> {
  return sql<number>`(SELECT count(*) FROM ${careWorkers} AS namesake WHERE namesake.provider_id = ${careWorkers.providerId} AND lower(trim(namesake.name)) = lower(trim(${careWorkers.name})))`;
}

/** The columns a query selects to label a worker: add to a select next to careWorkers. */
export function workerLabelColumns() {
  return { name: careWorkers.name, staffNumber: careWorkers.staffNumber, namesakes: namesakesSql() };
}

/** Replaces each row's name with the worker's label (the name, with the staff number when shared). */
export function labelled<T extends { name: string; staffNumber: string | null; namesakes: number }>(rows: T[]): (Omit<T, "staffNumber" | "namesakes"> & { name: string; sharesName: boolean })[] {
  return rows.map(({ staffNumber, namesakes, ...rest }) => ({ ...rest, name: workerLabel({ name: rest.name, staffNumber, namesakes }), sharesName: namesakes > 1 }));
}
