/**
 * Restore: `npm run db:restore -- <backup file>`. Checks the backup first, refuses while a
 * server is running on the database, keeps the replaced file beside it, then restores.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import { serverLockHolder } from "~/services/server-lock.server";
import { oneFile } from "./cli-args";

const backup = oneFile(process.argv.slice(2), "npm run db:restore -- <backup file>");
const target = process.env.DATABASE_URL?.replace(/^file:/, "") || "data/delegated-care.db";
if (!fs.existsSync(backup)) {
  console.error(`No backup at ${backup}`);
  process.exit(1);
}
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
