/**
 * Running on PostgreSQL as an operator would (issue 17): the real server on a throwaway PostgreSQL
 * server, a backup taken while it writes and restored, audit:verify on the restored copy, a move
 * from an SQLite file, a server killed mid-write, and two server processes sharing the database.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SERVICE_DETAILS } from "~db/seed";
import { startPostgres, type ThrowawayPostgres } from "./test-support/postgres";
import { addWorker, crashAndRestart, freePort, operatorShown, runScript, signInCookie, startServer, tempDatabase, whileWriting } from "./test-support/server-process";

let postgres: ThrowawayPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => await postgres?.stop());

let named = 0;
const newDatabase = async () => await postgres.createDatabase(`ops_${++named}`);

async function query<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const count = async (url: string, text: string, params: unknown[] = []) => Number((await query<{ n: string }>(url, text, params))[0]!.n);


describe("backups on PostgreSQL", () => {
  it("a backup taken while the server writes restores, in one piece, to a database holding the data; a restore is refused while a server is connected", async () => {
    const database = await newDatabase();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dc-pg-backup-"));
    const server = await startServer({ database, port: await freePort() });
    try {
      const backup = path.join(folder, "backup.dump");
      const { result } = await whileWriting(server, () => runScript("scripts/db-backup.ts", [backup], { DATABASE_URL: database }));
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/written to .*backup\.dump in \d+ ms; pg_restore reads it \(\d+ tables of data\)/);

      const refused = await runScript("scripts/db-restore.ts", [backup], { DATABASE_URL: database });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("Stop every server before restoring");

      // Into an empty database: the demo and the workers written before the backup, an intact audit chain.
      const restoredTo = await newDatabase();
      const restored = await runScript("scripts/db-restore.ts", [backup], { DATABASE_URL: restoredTo });
      expect(restored.code, restored.stderr).toBe(0);
      expect(await count(restoredTo, "SELECT count(*) AS n FROM agreements")).toBeGreaterThan(5);
      expect(await count(restoredTo, "SELECT count(*) AS n FROM care_workers WHERE name LIKE 'Backup Worker %'")).toBeGreaterThan(0);
      expect(await count(restoredTo, "SELECT count(*) AS n FROM pg_class WHERE relname IN ('care_workers', 'agreements') AND reltuples > 0"), "planner statistics gathered").toBe(2);
      const verified = await runScript("scripts/audit-verify.ts", [], { DATABASE_URL: restoredTo });
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stdout).toMatch(/Audit chain intact: \d+ events checked/);

      // Over a database that has changed since: what was there is kept first, then the backup replaces it.
      await query(restoredTo, "DELETE FROM care_workers WHERE name LIKE 'Backup Worker %'");
      const again = await runScript("scripts/db-restore.ts", [backup], { DATABASE_URL: restoredTo });
      expect(again.code, again.stderr).toBe(0);
      const kept = /The current database is kept at (\S+before-restore-\S+\.dump)/.exec(again.stdout)?.[1];
      expect(kept && fs.existsSync(kept)).toBe(true);
      fs.rmSync(kept!, { force: true });
      expect(await count(restoredTo, "SELECT count(*) AS n FROM care_workers WHERE name LIKE 'Backup Worker %'")).toBeGreaterThan(0);
      expect(await count(restoredTo, "SELECT count(*) AS n FROM pg_class WHERE relname IN ('care_workers', 'agreements') AND reltuples > 0"), "planner statistics gathered").toBe(2);

      // A file that is not a backup changes nothing.
      const junk = path.join(folder, "junk.dump");
      fs.writeFileSync(junk, "not a backup");
      const bad = await runScript("scripts/db-restore.ts", [junk], { DATABASE_URL: restoredTo });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("nothing was restored");
      expect(await count(restoredTo, "SELECT count(*) AS n FROM agreements")).toBeGreaterThan(5);
    } finally {
      await server.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("moving from SQLite to PostgreSQL", () => {
  it("copies every row of every table, keeps the audit chain intact, goes on numbering after the copied rows, and refuses a database that holds data", async () => {
    const file = tempDatabase();
    const seeded = await runScript("scripts/db-seed.ts", [], { DATABASE_URL: file });
    expect(seeded.code, seeded.stderr).toBe(0);
    const database = await newDatabase();
    const copied = await runScript("scripts/db-copy-to-postgres.ts", [file], { DATABASE_URL: database });
    expect(copied.code, copied.stderr).toBe(0);

    const sqlite = new Database(file, { readonly: true });
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    for (const table of tables) {
      const expected = (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      expect(await count(database, `SELECT count(*) AS n FROM "${table}"`), table).toBe(expected);
    }
    const lastAudit = sqlite.prepare("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").get() as { id: number; hash: string };
    sqlite.close();
    expect(await query(database, "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")).toEqual([lastAudit]);
    const verified = await runScript("scripts/audit-verify.ts", [], { DATABASE_URL: database });
    expect(verified.code, verified.stderr).toBe(0);
    // The planner knows how many rows arrived (ANALYZE after the copy; a table never analyzed has reltuples -1),
    // else a region's first pages are planned for empty tables and take seconds.
    expect(await count(database, "SELECT count(*) AS n FROM pg_class WHERE relname IN ('care_workers', 'competencies', 'audit_events') AND reltuples > 0")).toBe(3);

    // The server on the copy adds a worker: numbered after the copied ones.
    const server = await startServer({ database, port: await freePort() });
    try {
      const before = await count(database, "SELECT max(id) AS n FROM care_workers");
      const cookie = await signInCookie(server.base, "manager@example.org");
      expect((await addWorker(server.base, cookie, "Copied Then Added")).status).toBe(302);
      expect(await count(database, "SELECT id AS n FROM care_workers WHERE name = 'Copied Then Added'")).toBe(before + 1);
    } finally {
      await server.stop();
    }

    const again = await runScript("scripts/db-copy-to-postgres.ts", [file], { DATABASE_URL: database });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already holds data");
  });
});

describe("crash safety on PostgreSQL", () => {
  it("after SIGKILL mid-stream, every write the server acknowledged is there, and the server starts again", async () => {
    const database = await newDatabase();
    const { acknowledged, healthAfterRestart } = await crashAndRestart(database);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(healthAfterRestart).toBe(200);
    const present = new Set((await query<{ name: string }>(database, "SELECT name FROM care_workers WHERE name LIKE 'Crash Worker %'")).map((r) => r.name));
    expect(acknowledged.filter((name) => !present.has(name))).toEqual([]);
  });
});

describe("several server processes on PostgreSQL", () => {
  it("WEB_CONCURRENCY=2 and a second server on the same database: a change saved anywhere shows in every process", async () => {
    const database = await newDatabase();
    const one = await startServer({ database, port: await freePort(), env: { WEB_CONCURRENCY: "2" } });
    // A second server (another host, say) on the same database is allowed: PostgreSQL is shared.
    const two = await startServer({ database, port: await freePort() });
    try {
      for (const base of [one.base, one.base, two.base]) expect(await operatorShown(base)).toBe("Ashworth Community Health NHS Trust");
      // Changed from outside, then the notice every server's transaction sends when it commits (db/client.ts).
      await query(database, "UPDATE settings SET value = $1 WHERE key = 'service_details'", [JSON.stringify({ ...DEMO_SERVICE_DETAILS, operatorName: "Riverbank Care Partnership" })]);
      await query(database, "SELECT pg_notify('delegated_care_changes', '')");
      for (const base of [one.base, one.base, one.base, two.base, two.base]) {
        await expect.poll(() => operatorShown(base), { timeout: 10_000 }).toBe("Riverbank Care Partnership");
      }
    } finally {
      await two.stop();
      expect(await one.stop()).toBe(0);
    }
  });
});
