/**
 * Checks the whole audit chain: `npm run audit:verify`. Exit 0 when every link holds;
 * exit 1 naming the first broken event otherwise.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import { verifyAuditChain } from "~/models/audit-verify.server";

const file = process.env.DATABASE_URL?.replace(/^file:/, "") || "data/delegated-care.db";
if (!fs.existsSync(file)) {
  console.error(`No database at ${file}`);
  process.exit(1);
}
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
const result = verifyAuditChain(sqlite);
sqlite.close();
if (result.ok) {
  console.log(`Audit chain intact: ${result.checked} events checked.`);
} else {
  console.error(`Audit chain broken at event ${result.brokenAt}: ${result.reason}. ${result.checked - 1} events before it are intact.`);
  process.exit(1);
}
