import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The database or a transaction on it: models accept either, so callers compose them. */
export type Db = BaseSQLiteDatabase<"sync", Database.RunResult, Schema>;
export type Connection = { db: BetterSQLite3Database<Schema>; sqlite: Database.Database };

/**
 * Opens the SQLite file with the pragmas these governance records need:
 * WAL (readers never block the writer), foreign keys enforced, a busy timeout so a second
 * process (a CLI, a backup) waits instead of failing, and synchronous=FULL so an
 * acknowledged write survives power loss (docs/decisions/003-sqlite-durability.md).
 */
export function openDatabase(file: string): Connection {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  if (file !== ":memory:") sqlite.pragma("journal_mode = WAL");
  return withPragmas(sqlite);
}

/**
 * An in-memory database holding a copy of `image` (bytes from `sqlite.serialize()`): tests seed the
 * demo once and give each test its own copy, instead of seeding it again for every test.
 */
export function openDatabaseCopy(image: Buffer): Connection {
  return withPragmas(new Database(image));
}

function withPragmas(sqlite: Database.Database): Connection {
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  return { db: drizzle(sqlite, { schema }), sqlite };
}
