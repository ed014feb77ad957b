/** Applies pending migrations: `npm run db:migrate` (the server also does this on start). */
import { databaseName } from "~db/engine-name";
import { openMigrated } from "~db/migrate";

const file = process.env.DATABASE_URL?.replace(/^file:/, "") || "data/delegated-care.db";
await (await openMigrated(file)).close();
console.log(`Migrations applied to ${databaseName(file)}`);
