import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type SqliteConnection } from "./client";
import { applyMigrations } from "./migrate";

/** A fresh, fully migrated in-memory database: one per test. */
export function createTestDatabase(): SqliteConnection {
  const connection = openDatabase(":memory:");
  applyMigrations(connection);
  return connection;
}

/**
 * A fresh, fully migrated database file in a temporary folder, for tests of several server
 * processes: each `open()` is another connection to it, as another process would have. `remove()`
 * closes what is still open and deletes the folder.
 */
export function createSharedTestDatabase() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dc-shared-"));
  const file = path.join(folder, "dc.db");
  const opened: SqliteConnection[] = [];
  const open = () => {
    const connection = openDatabase(file);
    opened.push(connection);
    return connection;
  };
  applyMigrations(open());
  return {
    open,
    /** The first connection, which migrated the file. */
    first: opened[0]!,
    remove() {
      for (const c of opened) if (c.sqlite.open) c.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
