import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { fileURLToPath } from "node:url";
import { connect, type Connection, type PostgresConnection, type SqliteConnection } from "./client";
import { syncNameKeys } from "./name-keys";

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));
export const postgresMigrationsFolder = fileURLToPath(new URL("../drizzle-pg", import.meta.url));

/** Applies every migration in drizzle/ that this database has not had yet. */
export function applyMigrations(connection: SqliteConnection): void {
  migrate(connection.db, { migrationsFolder });
}

/**
 * Applies every migration in drizzle-pg/ this PostgreSQL database has not had yet. Servers starting
 * together (several hosts) take turns: each holds an advisory lock while it migrates, and the
 * next finds nothing left to do.
 */
export async function applyPostgresMigrations(connection: PostgresConnection): Promise<void> {
  const lock = await connection.pool.connect();
  try {
    await lock.query("SELECT pg_advisory_lock(hashtext('delegated-care migrations'))");
    await migratePostgres(connection.db as unknown as NodePgDatabase, { migrationsFolder: postgresMigrationsFolder });
  } finally {
    await lock.query("SELECT pg_advisory_unlock(hashtext('delegated-care migrations'))").catch(() => undefined);
    lock.release();
  }
}


/** Brings any database up to date: the migrations for its engine, then the name keys only the app can write (db/name-keys.ts). */
export async function migrateDatabase(connection: Connection): Promise<void> {
  if (connection.engine === "postgres") await applyPostgresMigrations(connection);
  else applyMigrations(connection);
  await syncNameKeys(connection);
}

/** Opens the database DATABASE_URL names (app/services/config.server.ts) and brings it up to date. */
export async function openMigrated(url: string): Promise<Connection> {
  const connection = await connect(url);
  await migrateDatabase(connection);
  return connection;
}
