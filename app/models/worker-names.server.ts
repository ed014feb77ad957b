import { sql, type SQL } from "drizzle-orm";
import { sameNameWarnings, workerLabel } from "~/domain/worker-labels";
import { careWorkers } from "~db/tables";

// Spelt out with the table name: drizzle leaves columns unqualified in a one-table query, and
// inside the subquery an unqualified provider_id would be the namesake's own.
const OUTER = { providerId: sql`"care_workers"."provider_id"`, nameKey: sql`"care_workers"."name_key"` };

/**
 * How many workers at a worker's provider (any status, the worker included) share their name:
 * those with the same name key, which the app writes with every name from the domain's
 * `sameNameKey` (app/domain/worker-labels.ts, db/name-keys.ts), so lists count namesakes exactly
 * as the rule that requires a staff number does. For selecting next to `careWorkers` in any query
 * (or, in raw SQL, with the aliased columns: `{ providerId: sql\`cw.provider_id\`, nameKey: sql\`cw.name_key\` }`).
 */
export function namesakesSql(worker: { providerId: SQL; nameKey: SQL } = OUTER): SQL<number> {
  return sql<number>`(SELECT count(*) FROM ${careWorkers} AS namesake WHERE namesake.provider_id = ${worker.providerId} AND namesake.name_key = ${worker.nameKey})`;
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
