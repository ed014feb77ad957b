/**
 * Databases for tests, on the engine the test run names: SQLite unless DATABASE_URL is a
 * postgres:// URL, as it is in the "postgres" test project (vitest.config.ts), where it points at
 * the throwaway PostgreSQL server of scripts/test-support/postgres-global.ts. Every database opened
 * here is closed (and on PostgreSQL dropped) after the test file by `closeTestDatabases`, which
 * scripts/test-support/close-databases.ts registers for every file.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, openPostgres, type Connection, type SqliteConnection } from "./client";
import { databaseEngine } from "./engine-name";
import { applyMigrations } from "./migrate";

/** The PostgreSQL databases every test copies: migrated and empty, or holding the demo (postgres-global.ts). */
export const POSTGRES_TEMPLATES = { migrated: "dc_migrated", demo: "dc_demo" } as const;

/** The engine of this test run. */
export function testEngine(): "sqlite" | "postgres" {
  return databaseEngine(process.env.DATABASE_URL);
}

const opened = new Set<Connection>();
const created: string[] = [];
const folders: string[] = [];
let admin: Promise<pg.Client> | null = null;
let named = 0;

function remember<C extends Connection>(connection: C): C {
  opened.add(connection);
  return connection;
}

/** The PostgreSQL server's URL with another database name. */
function postgresUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A new PostgreSQL database copied from a template (a copy takes a fraction of the time migrating or seeding would). */
export async function copyPostgresTemplate(template: string): Promise<string> {
  admin ??= (async () => {
    const client = new pg.Client({ connectionString: postgresUrl("postgres") });
    await client.connect();
    return client;
  })();
  const client = await admin;
  const name = `t_${process.pid}_${++named}`;
  await client.query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  created.push(name);
  return postgresUrl(name);
}

/** A fresh, fully migrated in-memory SQLite database, for tests of SQLite itself. */
export function createSqliteTestDatabase(): SqliteConnection {
  const connection = openDatabase(":memory:");
  applyMigrations(connection);
  return remember(connection);
}

/** A fresh, fully migrated, empty database of the run's engine: one per test. */
export async function createTestDatabase(): Promise<Connection> {
  if (testEngine() === "sqlite") return createSqliteTestDatabase();
  return remember(await openPostgres(await copyPostgresTemplate(POSTGRES_TEMPLATES.migrated), { max: 4 }));
}

/** Opens another connection to a database a test made, and closes it with the others after the file. */
export async function openTestConnection(url: string): Promise<Connection> {
  return remember(testEngine() === "sqlite" ? openDatabase(url) : await openPostgres(url, { max: 4 }));
}

/**
 * A fresh, fully migrated database that several connections share, for tests of several server
 * processes: each `open()` is another connection to it, as another process would have.
 */
export async function createSharedTestDatabase() {
  let url: string;
  if (testEngine() === "sqlite") {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dc-shared-"));
    folders.push(folder);
    url = path.join(folder, "dc.db");
    applyMigrations(remember(openDatabase(url)));
  } else {
    url = await copyPostgresTemplate(POSTGRES_TEMPLATES.migrated);
  }
  const open = () => openTestConnection(url);
  return { open, first: await open() };
}

/** Closes every database this file opened, and drops the PostgreSQL ones it made. */
export async function closeTestDatabases(): Promise<void> {
  for (const connection of opened) {
    if (connection.engine === "postgres") await connection.close();
    else connection.close();
  }
  opened.clear();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  if (admin) {
    const client = await admin;
    for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
    admin = null;
  }
}
