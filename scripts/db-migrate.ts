/** Applies pending migrations: `npm run db:migrate` (the server also does this on start). */
import { openDatabase } from "~db/client";
import { applyMigrations } from "~db/migrate";

const file = process.env.DATABASE_URL?.replace(/^file:/, "") || "data/delegated-care.db";
applyMigrations(openDatabase(file));
console.log(`Migrations applied to ${file}`);
