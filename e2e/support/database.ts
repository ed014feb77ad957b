/**
 * A read-only look into an end-to-end server's database, for tests to find ids and prove what was
 * (or was not) written, on either engine: the SQLite file, or the server's PostgreSQL database,
 * asked through psql so that a test reads it as plainly as the file (one program run per query).
 * Queries take `?` for each parameter, as SQLite does; on PostgreSQL each becomes a quoted value.
 */
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { postgresBin } from "../../scripts/test-support/postgres";

export type Statement = { get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
export type ReadOnlyDatabase = { engine: "sqlite" | "postgres"; prepare(sql: string): Statement; close(): void };

/** Where the PostgreSQL server of an end-to-end run writes its URL (e2e/start-servers.mjs). */
export const POSTGRES_URL_FILE = ".cache/e2e-postgres/url";

/** The name of the PostgreSQL database of the server on `port`. */
export function postgresDatabaseName(port: number | string): string {
  return `e2e_${port}`;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** `?` outside quoted text, each replaced by the next parameter as a literal. */
function bind(sql: string, params: unknown[]): string {
  let i = 0;
  let quoted = false;
  let out = "";
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    if (ch === "?" && !quoted) {
      if (i >= params.length) throw new Error(`Too few parameters for: ${sql}`);
      out += literal(params[i++]);
    } else out += ch;
  }
  if (i !== params.length) throw new Error(`Too many parameters for: ${sql}`);
  return out;
}

function psql(): string {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed: apt-get install postgresql, or set PG_BIN");
  return path.join(bin, "psql");
}

function openPostgres(url: string): ReadOnlyDatabase {
  const rows = (sql: string, params: unknown[]): unknown[] => {
    const query = `SELECT coalesce(json_agg(q), '[]') FROM (${bind(sql, params)}) q`;
    const out = execFileSync(psql(), [url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", query], { encoding: "utf8" });
    return JSON.parse(out) as unknown[];
  };
  return {
    engine: "postgres",
    prepare: (sql) => ({ get: (...params) => rows(sql, params)[0], all: (...params) => rows(sql, params) }),
    close() {},
  };
}

function openSqlite(file: string): ReadOnlyDatabase {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    engine: "sqlite",
    prepare: (sql) => {
      const statement = db.prepare(sql);
      return { get: (...params) => statement.get(...params), all: (...params) => statement.all(...params) };
    },
    close: () => db.close(),
  };
}

/** The database of the end-to-end server on `port`, which runs on `engine` (playwright.config.ts). */
export function openServerDatabase(port: number | string, engine: "sqlite" | "postgres"): ReadOnlyDatabase {
  if (engine === "postgres") {
    const url = new URL(fs.readFileSync(POSTGRES_URL_FILE, "utf8").trim());
    url.pathname = `/${postgresDatabaseName(port)}`;
    return openPostgres(url.toString());
  }
  return openSqlite(`.cache/e2e-${port}/e2e.db`);
}
