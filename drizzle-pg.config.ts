import { defineConfig } from "drizzle-kit";

/** PostgreSQL's migrations, from the mirror of db/schema.ts (docs/decisions/031-one-schema-two-engines.md). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./drizzle-pg",
});
