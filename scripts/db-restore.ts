/**
 * Restore: `npm run db:restore -- <backup file>`. Checks the backup first, refuses while a
 * server is running on the database, keeps what it replaces, then restores.
 *
 * On SQLite the replaced file is kept beside it. On PostgreSQL (DATABASE_URL a postgres:// URL) the
 * backup is one written by `npm run db:backup` (pg_dump's custom format): the database's current
 * contents are first dumped to data/, then the backup replaces them in one transaction, so a restore
 * that fails leaves the database as it was.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { serverLockHolder } from "~/services/server-lock.server";
import { APPLICATION_NAME } from "~db/client";
import { databaseEngine, databaseName, localFilesFolder } from "~db/engine-name";
import { oneFile, stop } from "./cli-args";
import { postgresProgram } from "./postgres-tools";

const backup = oneFile(process.argv.slice(2), "npm run db:restore -- <backup file>");
if (!fs.existsSync(backup)) stop(`No backup at ${backup}`);

if (databaseEngine(process.env.DATABASE_URL) === "postgres") {
  const url = process.env.DATABASE_URL!;
  try {
    await postgresProgram("pg_restore", ["--list", backup]);
  } catch {
    stop(`${backup} is not a backup pg_restore can read; nothing was restored.`);
  }
  const servers = Number(
    (await postgresProgram("psql", [url, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '${APPLICATION_NAME}'`])).trim(),
  );
  if (servers > 0) stop(`A server is connected to ${databaseName(url)} (${servers} connections). Stop every server before restoring.`);
  const tables = Number((await postgresProgram("psql", [url, "-X", "-A", "-t", "-c", "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"])).trim());
  if (tables > 0) {
    const kept = path.join(localFilesFolder(url), `before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`);
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    await postgresProgram("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${kept}`, url]);
    console.log(`The current database is kept at ${kept}`);
  }
  try {
    await postgresProgram("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${url}`, backup]);
  } catch (error) {
    stop(`Nothing was restored: ${(error as Error).message}`);
  }
  // A dump holds no planner statistics: gathered now, not when autovacuum gets round to it.
  await postgresProgram("psql", [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", "ANALYZE"]);
  console.log(`Restored ${backup} to ${databaseName(url)}.`);
  process.exit(0);
}

const target = process.env.DATABASE_URL?.replace(/^file:/, "") || "data/delegated-care.db";
const holder = serverLockHolder(target);
if (holder) {
  console.error(`A server (process ${holder}) is running on ${target}. Stop it before restoring.`);
  process.exit(1);
}
const check = new Database(backup, { readonly: true, fileMustExist: true });
const result = check.pragma("integrity_check", { simple: true });
check.close();
if (result !== "ok") {
  console.error(`${backup} fails integrity_check (${result}); nothing was restored.`);
  process.exit(1);
}
if (fs.existsSync(target)) {
  const kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  const current = new Database(target);
  await current.backup(kept);
  current.close();
  console.log(`The current database is kept at ${kept}`);
}
for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
fs.copyFileSync(backup, target);
console.log(`Restored ${backup} to ${target}.`);
