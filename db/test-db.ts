import { openDatabase, type Connection } from "./client";
import { applyMigrations } from "./migrate";

/** A fresh, fully migrated in-memory database: one per test. */
export function createTestDatabase(): Connection {
  const connection = openDatabase(":memory:");
  applyMigrations(connection);
  return connection;
}
