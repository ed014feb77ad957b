/**
 * Moves a deployment from its SQLite file to PostgreSQL, as a pilot grows into a region:
 *
 *   DATABASE_URL=postgres://… npm run db:copy-to-postgres -- data/delegated-care.db
 *
 * Stop the server first. The SQLite file is brought up to date and read; the PostgreSQL database
 * (empty: it refuses one that holds anything) is migrated and every row of every table copied in
 * one transaction, parents before the rows that refer to them, ids kept, so links, verification
 * codes and the audit chain carry over unchanged; a copy that fails leaves the database empty.
 * Then `npm run audit:verify` on PostgreSQL checks the chain, and servers start with the new URL.
 */
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableColumns, sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import fs from "node:fs";
import { openDatabase, openPostgres } from "~db/client";
import { databaseEngine, databaseName } from "~db/engine-name";
import { applyMigrations, applyPostgresMigrations } from "~db/migrate";
import * as pgSchema from "~db/schema.pg";
import { oneFile, stop } from "./cli-args";

const usage = "DATABASE_URL=postgres://… npm run db:copy-to-postgres -- <SQLite file>";
const source = oneFile(process.argv.slice(2), usage);
const target = process.env.DATABASE_URL ?? "";
if (databaseEngine(target) !== "postgres") stop(`DATABASE_URL must be the postgres:// URL of the database to copy into\nUsage: ${usage}`);
if (!fs.existsSync(source)) stop(`No SQLite file at ${source}`);

/** The tables in an order where every table comes after those it refers to. */
function parentsFirst(tables: Record<string, SQLiteTable>): string[] {
  const byTable = new Map(Object.entries(tables).map(([key, t]) => [t, key]));
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (key: string) => {
    if (done.has(key)) return;
    done.add(key);
    for (const fk of getTableConfig(tables[key]!).foreignKeys) {
      const parent = byTable.get(fk.reference().foreignTable);
      if (parent && parent !== key) visit(parent);
    }
    order.push(key);
  };
  for (const key of Object.keys(tables).sort()) visit(key);
  return order;
}

const started = Date.now();
const from = openDatabase(source);
applyMigrations(from);
const to = await openPostgres(target);
try {
  await applyPostgresMigrations(to);
  const pg = to.db as unknown as NodePgDatabase<typeof pgSchema>;
  const tables = pgSchema.sqliteTables;
  const order = parentsFirst(tables);
  const mirrors = pgSchema as unknown as Record<string, never>;
  for (const key of order) {
    const rows = (await pg.execute(sql`SELECT EXISTS (SELECT 1 FROM ${mirrors[key]!}) AS "any"`)).rows[0] as { any: boolean };
    if (rows.any) stop(`${databaseName(target)} already holds data (${getTableConfig(tables[key]!).name}): copy into an empty database.`);
  }
  const counts: string[] = [];
  await pg.transaction(async (tx) => {
    for (const key of order) {
      const table = tables[key]!;
      const name = getTableConfig(table).name;
      const rows = await from.db.select().from(table);
      // PostgreSQL takes up to 65,535 values a statement.
      const size = Math.max(1, Math.floor(60_000 / Object.keys(getTableColumns(table)).length));
      for (let i = 0; i < rows.length; i += size) await tx.insert(mirrors[key]!).values(rows.slice(i, i + size) as never);
      // A numbered table's next number follows the copied rows.
      const id = getTableColumns(table).id as { autoIncrement?: boolean } | undefined;
      if (id?.autoIncrement) {
        await tx.execute(sql`SELECT setval(pg_get_serial_sequence(${name}, 'id'), GREATEST((SELECT max(id) FROM ${sql.identifier(name)}), 1), (SELECT max(id) IS NOT NULL FROM ${sql.identifier(name)}))`);
      }
      if (rows.length) counts.push(`${name} ${rows.length}`);
    }
  });
  // The planner's statistics: without them a freshly loaded region's queries are planned for empty tables
  // and take seconds until autovacuum gets round to them (measured by npm run bench).
  await to.pool.query("ANALYZE");
  console.log(`Copied ${source} to ${databaseName(target)} in ${Date.now() - started} ms: ${counts.join(", ")}.`);
  console.log("Check it with `npm run audit:verify` (DATABASE_URL as above), then start the servers with that DATABASE_URL.");
} finally {
  from.close();
  await to.close();
}
