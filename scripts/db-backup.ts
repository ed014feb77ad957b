/**
 * Online backup: `npm run db:backup -- <file>`, safe while servers are writing. On SQLite through
 * SQLite's backup API, then the copy is checked with integrity_check. On PostgreSQL (DATABASE_URL
 * a postgres:// URL) with pg_dump in its custom format (one consistent snapshot), then the copy is
 * read back with pg_restore --list; restore it with `npm run db:restore`.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { databaseEngine, databaseName } from "~db/engine-name";
import { oneFile, stop } from "./cli-args";
import { postgresProgram } from "./postgres-tools";

const target = oneFile(process.argv.slice(2), "npm run db:backup -- <backup file>");
if (fs.existsSync(target)) stop(`${target} already exists; choose a new file name.`);
fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });

if (databaseEngine(process.env.DATABASE_URL) === "postgres") {
  const url = process.env.DATABASE_URL!;
  const started = Date.now();
  try {
    await postgresProgram("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${target}`, url]);
    const entries = (await postgresProgram("pg_restore", ["--list", target])).split("\n").filter((line) => / TABLE DATA /.test(line)).length;
    console.log(`Backup of ${databaseName(url)} written to ${target} in ${Date.now() - started} ms; pg_restore reads it (${entries} tables of data).`);
  } catch (error) {
    fs.rmSync(target, { force: true });
    stop(`No backup was written: ${(error as Error).message}`);
  }
  process.exit(0);
}

const source = process.env.DATABASE_URL?.replace(/^file:/, "") || "data/delegated-care.db";
if (!fs.existsSync(source)) {
  console.error(`No database at ${source}`);
  process.exit(1);
}
const db = new Database(source, { fileMustExist: true });
db.pragma("busy_timeout = 5000");
const started = Date.now();
await db.backup(target);
db.close();
const copy = new Database(target, { readonly: true });
const check = copy.pragma("integrity_check", { simple: true });
const counts = ["organisations", "care_workers", "competencies", "agreements", "audit_events"].map(
  (t) => `${t} ${(copy.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n}`,
);
copy.close();
if (check !== "ok") {
  console.error(`Backup written to ${target} but integrity_check says: ${check}`);
  process.exit(1);
}
console.log(`Backup of ${source} written to ${target} in ${Date.now() - started} ms; integrity ok (${counts.join(", ")}).`);
