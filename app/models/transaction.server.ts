import { sql } from "drizzle-orm";
import type { Db } from "~db/client";

/*
 * Every change is written inside inTransaction, and records its audit event (recordAudit in
 * ./audit-log.server.ts) in the same transaction, so a change and its record land together.
 */

/** How many write transactions this process has committed: part of databaseVersion. */
let writes = 0;

/** Runs `fn` in one write transaction (BEGIN IMMEDIATE, so a second writer waits rather than fails). */
export function inTransaction<T>(db: Db, fn: (tx: Db) => T): T {
  const result = db.transaction((tx) => fn(tx), { behavior: "immediate" });
  writes++;
  return result;
}

/**
 * Changes whenever anything is written to the database: by this process (its write transactions)
 * or by another (another server process, a command, the digest job), as SQLite's data_version
 * on this connection shows. A cache keyed by it is never stale, whichever process wrote.
 */
export function databaseVersion(db: Db): string {
  const dataVersion = db.get<{ data_version: number }>(sql`PRAGMA data_version`)?.data_version ?? 0;
  return `${writes}|${dataVersion}`;
}

/** A value read from the database and kept, per connection, until the database changes (databaseVersion). */
export function cachedUntilChange<T>(read: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, { version: string; value: T }>();
  return (db) => {
    const version = databaseVersion(db);
    const hit = cache.get(db);
    if (hit?.version === version) return hit.value;
    const value = read(db);
    cache.set(db, { version, value });
    return value;
  };
}
