import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockFile, ServerLockHeld, serverLockHolder, takeServerLock } from "./server-lock.server";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dc-lock-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** When a process started, as /proc gives it (ticks since boot). */
function startedAt(pid: number): string {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]!;
}

describe("one server per database file", () => {
  it("refuses while another live server holds the file, and takes it once that server has stopped", async () => {
    const database = path.join(folder, "held.db");
    const other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      await new Promise((resolve) => other.once("spawn", resolve));
      fs.writeFileSync(lockFile(database), `${other.pid} ${startedAt(other.pid!)}`);
      expect(serverLockHolder(database)).toBe(other.pid);
      expect(() => takeServerLock(database)).toThrow(ServerLockHeld);
      expect(() => takeServerLock(database)).toThrow(`Another Delegated Care server (process ${other.pid}) is using ${database}`);
    } finally {
      other.kill("SIGKILL");
      await new Promise((resolve) => other.once("exit", resolve));
    }
    expect(serverLockHolder(database)).toBeNull();
    const release = takeServerLock(database);
    expect(serverLockHolder(database)).toBe(process.pid);
    release();
    expect(fs.existsSync(lockFile(database))).toBe(false);
  });

  it("takes over a lock whose process id now belongs to another process (the machine restarted)", () => {
    const database = path.join(folder, "reused.db");
    // Process 1 is alive, but did not start when this lock says its server did.
    fs.writeFileSync(lockFile(database), `1 ${Number(startedAt(1)) + 12345}`);
    expect(serverLockHolder(database)).toBeNull();
    const release = takeServerLock(database);
    expect(fs.readFileSync(lockFile(database), "utf8").split(" ")[0]).toBe(String(process.pid));
    release();
  });
});
