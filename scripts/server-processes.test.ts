/**
 * Several server processes (WEB_CONCURRENCY) on one SQLite file: they share the port and the
 * lock, a change written by any process shows in every one at once, a process that stops is
 * replaced, and a second server on the same file is refused.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_SERVICE_DETAILS } from "~db/seed";
import { lockFile } from "~/services/server-lock.server";
import { freePort, operatorShown, startServer, tempDatabase } from "./test-support/server-process";

/** The server processes a supervisor started (Linux: /proc lists a process's children; the TypeScript loader's helper is not one). */
function childrenOf(pid: number): number[] {
  return fs
    .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .filter((child) => {
      try {
        return fs.readFileSync(`/proc/${child}/cmdline`, "utf8").includes("scripts/server.ts");
      } catch {
        return false;
      }
    });
}


describe("several server processes", () => {
  it("WEB_CONCURRENCY=2: two processes answer on one port; a change from elsewhere shows in both at once; a stopped one is replaced; a second server is refused", async () => {
    const database = tempDatabase();
    const server = await startServer({ database, port: await freePort(), env: { WEB_CONCURRENCY: "2" } });
    try {
      expect(childrenOf(server.child.pid!)).toHaveLength(2);
      expect(fs.readFileSync(lockFile(database), "utf8").split(" ")[0]).toBe(String(server.child.pid));

      // Every request, whichever process takes it, shows the demo's operator in the footer.
      for (let i = 0; i < 6; i++) expect(await operatorShown(server.base)).toBe("Ashworth Community Health NHS Trust");

      // Another process (here a connection of the test's own) changes the service's details: both
      // server processes show the change on their next request, though each kept the old ones in memory.
      const db = new Database(database);
      db.prepare("UPDATE settings SET value = ? WHERE key = 'service_details'").run(JSON.stringify({ ...DEMO_SERVICE_DETAILS, operatorName: "Riverbank Care Partnership" }));
      db.close();
      for (let i = 0; i < 6; i++) expect(await operatorShown(server.base)).toBe("Riverbank Care Partnership");

      // A process that dies is replaced, and the service keeps answering meanwhile.
      const [first] = childrenOf(server.child.pid!);
      process.kill(first!, "SIGKILL");
      await expect.poll(() => childrenOf(server.child.pid!).filter((p) => p !== first).length, { timeout: 60_000 }).toBe(2);
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);

      // A second server on the same file is refused, and says why.
      const second = startServer({ database, port: await freePort() });
      await expect(second).rejects.toThrow(/Another Delegated Care server \(process \d+\) is using/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // Stopping the server stops every process and gives the file up.
    expect(fs.existsSync(lockFile(database))).toBe(false);
  });
});
