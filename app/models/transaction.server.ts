import type { Db } from "~db/client";

/*
 * Every change is written inside inTransaction, and records its audit event (recordAudit in
 * ./audit-log.server.ts) in the same transaction, so a change and its record land together.
 */

let writes = 0;

/** How many write transactions this process has committed: a key for caches of derived data. */
export function writeGeneration(): number {
  return writes;
}

/** Runs `fn` in one write transaction (BEGIN IMMEDIATE, so a second writer waits rather than fails). */
export function inTransaction<T>(db: Db, fn: (tx: Db) => T): T {
  const result = db.transaction((tx) => fn(tx), { behavior: "immediate" });
  writes++;
  return result;
}
