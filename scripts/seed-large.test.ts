import Database from "better-sqlite3";
import crypto from "node:crypto";
import { parseVersionContent } from "~/domain/agreement-content";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/models/audit-verify.server";
import { getSettings } from "~/models/settings.server";
import { openDatabase } from "~db/client";
import { seedLarge } from "./seed-large";
import { tempDatabase } from "./test-support/server-process";

/** What the bench measures on: the generator must keep working as the models change. */
describe("seed:large", () => {
  it("writes the same regional data at a small scale each time, with an intact audit trail", async () => {
    const files = [tempDatabase(), tempDatabase()];
    const summaries = [];
    for (const file of files) summaries.push(await seedLarge({ scale: 0.01, file }));
    expect(summaries[0]).toMatchObject({ teams: 1, providers: 3, workers: 300, competencies: 1500, agreements: 200 });

    const contents = files.map((file) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare("SELECT w.name, group_concat(c.task_id || ':' || c.state, ',') AS held FROM care_workers w JOIN competencies c ON c.worker_id = w.id GROUP BY w.id ORDER BY w.id").all();
      } finally {
        db.close();
      }
    });
    expect(contents[1]).toEqual(contents[0]);

    // Every frozen version holds content the app reads (printouts, sign pages), under the hash its signatures carry.
    const db = new Database(files[0]!, { readonly: true });
    const versions = db.prepare("SELECT v.content, v.content_hash AS hash, (SELECT count(*) FROM signatures s WHERE s.version_id = v.id AND s.content_hash <> v.content_hash) AS mismatched FROM agreement_versions v WHERE v.content IS NOT NULL").all() as { content: string; hash: string; mismatched: number }[];
    db.close();
    expect(versions.length).toBeGreaterThan(150);
    for (const v of versions) {
      expect(parseVersionContent(v.content).workers.every((w) => w.name.length > 0)).toBe(true);
      expect(crypto.createHash("sha256").update(v.content).digest("hex")).toBe(v.hash);
      expect(v.mismatched).toBe(0);
    }

    const connection = openDatabase(files[0]!);
    try {
      expect(await verifyAuditChain(connection.db)).toEqual({ ok: true, checked: 1 });
      // The bench signs in as its nurses with the password alone, as in the demo.
      expect((await getSettings(connection.db)).twoFactorRequiredRoles).toEqual([]);
    } finally {
      connection.close();
    }
  });
});
