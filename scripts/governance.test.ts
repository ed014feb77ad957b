import Database from "better-sqlite3";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/models/audit-verify.server";
import { systemClock } from "~/services/clock.server";
import { openDatabase, openDatabaseCopy } from "~db/client";
import { applyMigrations } from "~db/migrate";
import { seedDemoData } from "~db/seed";
import { crashAndRestart, freePort, runScript, startServer, tempDatabase, whileWriting } from "./test-support/server-process";

const run = runScript;

async function seededFile() {
  const file = tempDatabase();
  const connection = openDatabase(file);
  applyMigrations(connection);
  await seedDemoData(connection.db, { clock: systemClock });
  connection.close();
  return file;
}

describe("audit:verify", () => {
  it("passes an intact chain, and names the row when any byte of one row is altered", async () => {
    const file = await seededFile();
    const ok = await run("scripts/audit-verify.ts", [], { DATABASE_URL: file });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Audit chain intact: \d+ events checked/);

    // One byte of each column of event 12 changed, each in a copy of its own: the check the script
    // runs finds every one (read in this process, as spawning the script eight times costs seconds each).
    const intact = new Database(file);
    // An image of a database in WAL mode cannot be opened in memory: the file goes back to a rollback journal first.
    intact.pragma("journal_mode = DELETE");
    const image = intact.serialize();
    intact.close();
    const tamper = (column: string) => {
      const copy = new Database(image);
      const row = copy.prepare("SELECT actor_id FROM audit_events WHERE id = 12").get() as { actor_id: number | null };
      if (column === "actor_id") copy.prepare("UPDATE audit_events SET actor_id = ? WHERE id = 12").run((row.actor_id ?? 0) + 1);
      else copy.prepare(`UPDATE audit_events SET ${column} = substr(${column}, 1, length(${column}) - 1) || CASE WHEN substr(${column}, -1) = 'a' THEN 'b' ELSE 'a' END WHERE id = 12`).run();
      return copy;
    };
    for (const column of ["at", "actor_id", "action", "entity_type", "entity_id", "details", "previous_hash", "hash"]) {
      const copy = openDatabaseCopy(tamper(column).serialize());
      expect(await verifyAuditChain(copy.db), column).toMatchObject({ ok: false, brokenAt: 12 });
      copy.close();
    }

    // And the script says so, with exit code 1.
    const copy = tamper("details");
    const broken = `${file}-tampered.db`;
    await copy.backup(broken);
    copy.close();
    const result = await run("scripts/audit-verify.ts", [], { DATABASE_URL: broken });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Audit chain broken at event 12");
  });
});

describe("backups", () => {
  it("a backup taken while the server is writing restores to a sound database holding the data", async () => {
    const database = tempDatabase();
    const server = await startServer({ database, port: await freePort() });
    try {
      // The backup starts once the server is writing.
      const backup = path.join(path.dirname(database), "backup.db");
      const { result, written } = await whileWriting(server, () => run("scripts/db-backup.ts", [backup], { DATABASE_URL: database }));
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain("integrity ok");
      expect(written).toBeGreaterThan(0);

      // Restoring while the server runs is refused.
      const refused = await run("scripts/db-restore.ts", [backup], { DATABASE_URL: database });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("Stop it before restoring");

      // Restored elsewhere, it passes integrity_check and holds the demo and the workers written before the backup.
      const restoredTo = path.join(path.dirname(database), "restored.db");
      const restored = await run("scripts/db-restore.ts", [backup], { DATABASE_URL: restoredTo });
      expect(restored.code, restored.stderr).toBe(0);
      const db = new Database(restoredTo, { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect((db.prepare("SELECT count(*) AS n FROM agreements").get() as { n: number }).n).toBeGreaterThan(5);
      expect((db.prepare("SELECT count(*) AS n FROM care_workers WHERE name LIKE 'Backup Worker %'").get() as { n: number }).n).toBeGreaterThan(0);
      db.close();
    } finally {
      await server.stop();
    }
  });
});

describe("crash safety", () => {
  it("after SIGKILL mid-stream, every write the server acknowledged is there and the database is sound", async () => {
    const database = tempDatabase();
    const { acknowledged, healthAfterRestart } = await crashAndRestart(database);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(healthAfterRestart).toBe(200);
    const db = new Database(database, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const present = new Set((db.prepare("SELECT name FROM care_workers WHERE name LIKE 'Crash Worker %'").all() as { name: string }[]).map((r) => r.name));
    db.close();
    const missing = acknowledged.filter((name) => !present.has(name));
    expect(missing).toEqual([]);
  });
});

describe("script arguments", () => {
  it("a wrong argument stops a script with exit code 1, saying what is wrong and how to use it", async () => {
    const database = tempDatabase();
    const unknown = await run("scripts/alerts.ts", ["--everything"], { DATABASE_URL: database });
    expect(unknown).toMatchObject({ code: 1, stderr: "Unknown argument: --everything\nUsage: npm run alerts -- [--json] [--today YYYY-MM-DD]\n" });
    const badDate = await run("scripts/alerts.ts", ["--today", "2026-02-30"], { DATABASE_URL: database });
    expect(badDate).toMatchObject({ code: 1, stderr: expect.stringContaining("--today must be a real date written YYYY-MM-DD") });
    const noFile = await run("scripts/db-backup.ts", [], { DATABASE_URL: database });
    expect(noFile).toMatchObject({ code: 1, stderr: "Name the backup file\nUsage: npm run db:backup -- <backup file>\n" });
    const json = await run("scripts/alerts.ts", ["--json", "--today=2026-11-22"], { DATABASE_URL: database });
    expect(json).toMatchObject({ code: 0, stdout: "[]\n" });
  });
});
