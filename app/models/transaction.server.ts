import type { SQL } from "drizzle-orm";
import { engineOf, type Db } from "~db/client";
import type { Actor } from "~/domain/actor";

/*
 * The few primitives every model uses, the same on SQLite and PostgreSQL (db/client.ts):
 * queries are awaited; every change is written inside inTransaction, and records its audit event
 * (recordAudit in ./audit-log.server.ts) in the same transaction, so a change and its record land
 * together.
 */

/**
 * Runs `fn` in one write transaction: on SQLite BEGIN IMMEDIATE, one writer at a time, so a second
 * writer waits rather than fails. Called inside a transaction (by `fn`, directly or not), it runs in
 * a savepoint of that transaction. `fn` does database work only: it may run again on PostgreSQL.
 */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return engineOf(db).transaction(fn);
}

/**
 * Runs `fn` once the transaction `db` is part of has committed (never if it rolls back; outside a
 * transaction, at once): for what must not happen before others can read the change, such as waking
 * the mailer for a message the transaction queued.
 */
export function afterCommit(db: Db, fn: () => void): void {
  engineOf(db).afterCommit(fn);
}

/** The first row of a query (add `.limit(1)` to a select that could return more). */
export async function first<T>(rows: PromiseLike<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}

/** The rows of a raw SQL statement. */
export function rawRows<T>(db: Db, query: SQL): Promise<T[]> {
  return engineOf(db).all<T>(db, query);
}

/**
 * Changes whenever anything is written to the database: by this process or by another (another
 * server process, a command, the digest job). A cache keyed by it is never stale, whichever process
 * wrote.
 */
export function databaseVersion(db: Db): Promise<string> {
  return engineOf(db).version(db);
}

/** A value read from the database and kept, per connection, until the database changes (databaseVersion). */
export function cachedUntilChange<T>(read: (db: Db) => Promise<T>): (db: Db) => Promise<T> {
  const cache = new WeakMap<Db, { version: string; value: T }>();
  return async (db) => {
    const version = await databaseVersion(db);
    const hit = cache.get(db);
    if (hit?.version === version) return hit.value;
    const value = await read(db);
    cache.set(db, { version, value });
    return value;
  };
}

/**
 * Values derived from the database for a key (a user's scope and the day, say), kept per database
 * until anything is written to it (databaseVersion), at most `size` keys at a time: for what every
 * page reads and few writes change, such as alerts and the header's "needs your action" count.
 * Inside a transaction it always computes afresh: the transaction may have written what the
 * version does not show until it commits.
 */
export function derivedUntilChange<T>(size = 500): (db: Db, key: string, compute: () => Promise<T>) => Promise<T> {
  const caches = new WeakMap<Db, Map<string, T>>();
  return async (db, key, compute) => {
    if (engineOf(db).inTransaction()) return await compute();
    const full = `${key}|${await databaseVersion(db)}`;
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = new Map()));
    const hit = cache.get(full);
    if (hit !== undefined) return hit;
    const value = await compute();
    if (cache.size >= size) cache.clear();
    cache.set(full, value);
    return value;
  };
}

/** The part of a derivedUntilChange key that names whose scope the value is for. */
export function actorKey(actor: Actor): string {
  return `${actor.role}:${actor.userId}`;
}

/** The row an insert returned (`.returning(…)`): there is always one. */
export async function inserted<T>(rows: PromiseLike<T[]>): Promise<T> {
  const row = (await rows)[0];
  if (row === undefined) throw new Error("An insert returned no row");
  return row;
}
