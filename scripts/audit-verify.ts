/**
 * Checks the whole audit chain: `npm run audit:verify`, on the database DATABASE_URL names (an
 * SQLite file or a postgres:// URL). Exit 0 when every link holds; exit 1 naming the first broken
 * event otherwise.
 */
import fs from "node:fs";
import { verifyAuditChain } from "~/models/audit-verify.server";
import { connect } from "~db/client";
import { databaseEngine } from "~db/engine-name";

const url = process.env.DATABASE_URL?.replace(/^file:/, "") || "data/delegated-care.db";
if (databaseEngine(url) === "sqlite" && !fs.existsSync(url)) {
  console.error(`No database at ${url}`);
  process.exit(1);
}
const connection = await connect(url);
const result = await verifyAuditChain(connection.db);
await connection.close();
if (result.ok) {
  console.log(`Audit chain intact: ${result.checked} events checked.`);
} else {
  console.error(`Audit chain broken at event ${result.brokenAt}: ${result.reason}. ${result.checked - 1} events before it are intact.`);
  process.exit(1);
}
