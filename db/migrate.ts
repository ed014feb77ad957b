import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { fileURLToPath } from "node:url";
import type { Connection } from "./client";

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/** Applies every migration in drizzle/ that this database has not had yet. */
export function applyMigrations(connection: Connection): void {
  migrate(connection.db, { migrationsFolder });
}
