/**
 * Online backup: `npm run db:backup -- <file>`. Uses SQLite's backup API, so it is safe while
 * the server is writing; then checks the copy with integrity_check.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { oneFile } from "./cli-args";

const target = oneFile(process.argv.slice(2), "npm run db:backup -- <backup file>");
const source = process.env.DATABASE_URL?.replace(/^file:/, "") || "data/delegated-care.db";
if (!fs.existsSync(source)) {
  console.error(`No database at ${source}`);
  process.exit(1);
}
if (fs.existsSync(target)) {
  console.error(`${target} already exists; choose a new file name.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
const db = new Database(source, { fileMustExist: true });
db.pragma("busy_timeout = 5000");
const started = Date.now();
await db.backup(target);
db.close();
const copy = new Database(target, { readonly: true });
const check = copy.pragma("integrity_check", { simple: true });
const counts = ["organisations", "care_workers", "competencies", "agreements", "audit_events"].map(
  async (t) => `${t} ${(copy.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n}`,
);
copy.close();
if (check !== "ok") {
  console.error(`Backup written to ${target} but integrity_check says: ${check}`);
  process.exit(1);
}
console.log(`Backup of ${source} written to ${target} in ${Date.now() - started} ms; integrity ok (${counts.join(", ")}).`);
