/**
 * One data model, two engines (docs/decisions/031-one-schema-two-engines.md): the SQLite
 * migrations (drizzle/) and the PostgreSQL ones (drizzle-pg/) are applied to empty databases, and
 * what each database then holds is read back from the database itself and compared: tables,
 * columns (kind, required, default), primary keys, foreign keys, indexes (columns, unique,
 * partial) and CHECK constraints. A table, column, key, index or CHECK on one engine only fails.
 */
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type ThrowawayPostgres } from "../scripts/test-support/postgres";
import { createSqliteTestDatabase } from "./test-db";
import * as pgSchema from "./schema.pg";

type Column = { name: string; kind: string; required: boolean; hasDefault: boolean };
type Shape = Record<string, { columns: Column[]; primaryKey: string[]; foreignKeys: string[]; indexes: string[]; checks: string[] }>;

/** SQLite's storage class and PostgreSQL's type, as one word: booleans are integers in SQLite and JSON is text. */
const KIND: Record<string, string> = { integer: "number", boolean: "number", text: "text", jsonb: "text", blob: "bytes", bytea: "bytes" };

async function sqliteShape(): Promise<Shape> {
  const { sqlite } = createSqliteTestDatabase();
  const shape: Shape = {};
  const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as { name: string; sql: string }[];
  for (const t of tables) {
    const info = sqlite.prepare(`PRAGMA table_info("${t.name}")`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const fks = sqlite.prepare(`PRAGMA foreign_key_list("${t.name}")`).all() as { id: number; table: string; from: string; to: string }[];
    const byId = new Map<number, { table: string; from: string[]; to: string[] }>();
    for (const f of fks) {
      const fk = byId.get(f.id) ?? { table: f.table, from: [], to: [] };
      fk.from.push(f.from);
      fk.to.push(f.to);
      byId.set(f.id, fk);
    }
    const indexes = (sqlite.prepare(`PRAGMA index_list("${t.name}")`).all() as { name: string; unique: number; origin: string; partial: number }[])
      .filter((i) => i.origin === "c")
      .map((i) => {
        const columns = (sqlite.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name);
        return `${i.name}(${columns.join(",")})${i.unique ? " unique" : ""}${i.partial ? " partial" : ""}`;
      });
    shape[t.name] = {
      columns: info.map((c) => ({ name: c.name, kind: KIND[c.type.toLowerCase()] ?? c.type, required: c.notnull === 1 || c.pk === 1, hasDefault: c.dflt_value !== null || new RegExp(`[\`"]${c.name}[\`"] integer PRIMARY KEY AUTOINCREMENT`, "i").test(t.sql) })),
      primaryKey: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      foreignKeys: [...byId.values()].map((f) => `(${f.from.join(",")}) -> ${f.table}(${f.to.join(",")})`).sort(),
      indexes: indexes.sort(),
      checks: [...t.sql.matchAll(/CONSTRAINT "([^"]+)" CHECK/g)].map((m) => m[1]!).sort(),
    };
  }
  sqlite.close();
  return shape;
}

async function postgresShape(client: pg.Client): Promise<Shape> {
  const shape: Shape = {};
  const tables = (await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")).rows;
  for (const { name } of tables) {
    const columns = (
      await client.query<{ name: string; type: string; nullable: string; dflt: string | null; identity: string }>(
        "SELECT column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS dflt, is_identity AS identity FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
        [name],
      )
    ).rows;
    const constraints = (
      await client.query<{ name: string; type: string; columns: string[]; target: string | null; targetColumns: string[] | null }>(
        `SELECT c.conname AS name, c.contype AS type,
                ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns,
                c.confrelid::regclass::text AS target,
                ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS "targetColumns"
           FROM pg_constraint c WHERE c.conrelid = $1::regclass`,
        [`public."${name}"`],
      )
    ).rows;
    const indexes = (
      await client.query<{ name: string; unique: boolean; partial: boolean; columns: string[] }>(
        `SELECT i.relname AS name, x.indisunique AS unique, x.indpred IS NOT NULL AS partial,
                ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = $1::regclass AND NOT x.indisprimary`,
        [`public."${name}"`],
      )
    ).rows;
    shape[name] = {
      columns: columns.map((c) => ({ name: c.name, kind: KIND[c.type] ?? c.type, required: c.nullable === "NO", hasDefault: c.dflt !== null || c.identity === "YES" })),
      primaryKey: constraints.find((c) => c.type === "p")?.columns ?? [],
      foreignKeys: constraints
        .filter((c) => c.type === "f")
        .map((c) => `(${c.columns.join(",")}) -> ${c.target!.replace(/"/g, "")}(${c.targetColumns!.join(",")})`)
        .sort(),
      indexes: indexes.map((i) => `${i.name}(${i.columns.join(",")})${i.unique ? " unique" : ""}${i.partial ? " partial" : ""}`).sort(),
      checks: constraints.filter((c) => c.type === "c").map((c) => c.name).sort(),
    };
  }
  return shape;
}

describe("one data model on SQLite and PostgreSQL", () => {
  let server: ThrowawayPostgres;
  let client: pg.Client;
  beforeAll(async () => {
    server = await startPostgres();
    client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await migrate(drizzle(client), { migrationsFolder: fileURLToPath(new URL("../drizzle-pg", import.meta.url)) });
  });
  afterAll(async () => {
    await client?.end();
    await server?.stop();
  });

  it("mirrors every table of db/schema.ts for PostgreSQL", () => {
    const mirrored = Object.keys(pgSchema).filter((k) => k !== "sqliteTables" && k !== "translate");
    expect(mirrored.sort()).toEqual(Object.keys(pgSchema.sqliteTables).sort());
  });

  it("both engines' migrations make the same tables, columns, keys, indexes and CHECKs", async () => {
    const onSqlite = await sqliteShape();
    const onPostgres = await postgresShape(client);
    expect(Object.keys(onPostgres)).toEqual(Object.keys(onSqlite));
    // Column order is not compared: SQLite adds a later column at the end, PostgreSQL's first migration has it in place.
    const byName = (shape: Shape[string] | undefined) => shape && { ...shape, columns: [...shape.columns].sort((a, b) => a.name.localeCompare(b.name)) };
    for (const table of Object.keys(onSqlite)) expect(byName(onPostgres[table]), table).toEqual(byName(onSqlite[table]));
  });

  it("each SQLite expression the schema translates means the same on PostgreSQL", async () => {
    const pgText = (expression: ReturnType<typeof sql>) => new PgDialect().sqlToQuery(pgSchema.translate(expression, "test")).sql;
    const { sqlite } = createSqliteTestDatabase();
    try {
      // Digits only, ten of them (people.nhs_number).
      const digits = pgText(sql.raw("length(x) = 10 AND x NOT GLOB '*[^0-9]*'")).replace(/\bx\b/g, "$1::text");
      for (const value of ["9434765919", "943476591", "94347659190", "943476591a", "abcdefghij", "943 476 59", "９４３４７６５９１９", ""]) {
        const onSqlite = (sqlite.prepare("SELECT length(:v) = 10 AND :v NOT GLOB '*[^0-9]*' AS ok").get({ v: value }) as { ok: number }).ok === 1;
        const onPostgres = (await client.query<{ ok: boolean }>(`SELECT ${digits} AS ok`, [value])).rows[0]!.ok;
        expect(onPostgres, value).toBe(onSqlite);
      }
      // The time a row was written: UTC ISO text with milliseconds, as the app writes instants.
      const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
      const written = (sqlite.prepare("SELECT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) AS at").get() as { at: string }).at;
      const onPostgres = (await client.query<{ at: string }>(`SELECT ${pgText(sql.raw("(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"))} AS at`)).rows[0]!.at;
      expect(written).toMatch(instant);
      expect(onPostgres).toMatch(instant);
      expect(Math.abs(Date.parse(onPostgres) - Date.parse(written))).toBeLessThan(60_000);
    } finally {
      sqlite.close();
    }
    // An SQLite-only function the schema has no translation for stops the load rather than being copied.
    expect(() => pgSchema.translate(sql.raw("julianday(expires_on) > 0"), "competencies check example")).toThrow(/SQLite-only/);
  });
});
