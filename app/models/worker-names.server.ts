import { sql, type SQL } from "drizzle-orm";
import { sameNameWarnings, workerLabel } from "~/domain/worker-labels";
import { careWorkers } from "~db/tables";

// Spelt out with the table name: drizzle leaves columns unqualified in a one-table query, and
// inside the subquery an unqualified provider_id would be the namesake's own.
const OUTER = { providerId: sql`"care_workers"."provider_id"`, name: sql`"care_workers"."name"` };

/**
 * How many workers at a worker's provider (any status, the worker included) share their name:
 * the SQL half of app/domain/worker-labels.ts, for selecting next to `careWorkers` in any query
 * (or, in raw SQL, with the aliased columns: `{ providerId: sql\`cw.provider_id\`, name: sql\`cw.name\` }`).
 * SQLite's lower() folds ASCII only; the forms compare with the domain's fuller key.
 */
export function namesakesSql(worker: { providerId: SQL; name: SQL } = OUTER): SQL<number> {
  return sql<number>`(SELECT count(*) FROM ${careWorkers} AS namesake WHERE namesake.provider_id = ${worker.providerId} AND lower(trim(namesake.name)) = lower(trim(${worker.name})))`;
}

/** The columns a query selects to label a worker: add to a select next to careWorkers. */
export function workerLabelColumns() {
  return { name: careWorkers.name, staffNumber: careWorkers.staffNumber, namesakes: namesakesSql() };
}

/**
 * Replaces each row's name with the worker's label (the name, with the staff number when shared),
 * keeping the name as entered in `plainName` and the count for sameNameWarningsOf.
 */
export function labelled<T extends { name: string; staffNumber: string | null; namesakes: number }>(rows: T[]): (Omit<T, "staffNumber"> & { plainName: string })[] {
  return rows.map(({ staffNumber, ...rest }) => ({ ...rest, name: workerLabel({ name: rest.name, staffNumber, namesakes: rest.namesakes }), plainName: rest.name }));
}

/** The warnings for a list of labelled workers ("2 care workers at … are called …"). */
export function sameNameWarningsOf(rows: { plainName: string; namesakes: number; providerId: number; providerName: string }[]): string[] {
  return sameNameWarnings(rows.map((r) => ({ name: r.plainName, staffNumber: null, namesakes: r.namesakes, providerId: r.providerId, providerName: r.providerName })));
}
