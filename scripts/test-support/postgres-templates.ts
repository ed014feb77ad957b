/**
 * Run by postgres-global.ts in a process of its own (the tables a process queries are chosen from
 * DATABASE_URL when it starts, db/tables.ts): migrates the two template databases of a PostgreSQL
 * test run, seeds the demo into the second as the SQLite tests seed it (app/models/test-helpers.ts),
 * and prints the demo's ids as JSON.
 *
 *   tsx scripts/test-support/postgres-templates.ts <migrated database URL> <demo database URL>
 */
import { openPostgres } from "~db/client";
import { applyPostgresMigrations } from "~db/migrate";
import { seedDemoData } from "~db/seed";
import { fixedClock } from "~/services/clock.server";
import { TEST_NOW } from "~/models/test-helpers";

const [migratedUrl, demoUrl] = process.argv.slice(2);
if (!migratedUrl || !demoUrl || process.env.DATABASE_URL !== demoUrl) throw new Error("Usage: DATABASE_URL=<demo URL> tsx postgres-templates.ts <migrated URL> <demo URL>");

const migrated = await openPostgres(migratedUrl);
await applyPostgresMigrations(migrated);
await migrated.close();
const demo = await openPostgres(demoUrl);
await applyPostgresMigrations(demo);
const ids = await seedDemoData(demo.db, { clock: fixedClock(TEST_NOW) });
await demo.close();
process.stdout.write(JSON.stringify(ids));
