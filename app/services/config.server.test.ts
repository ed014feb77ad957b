import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.server";

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "dc-config-"));
}

describe("configuration", () => {
  it("has working defaults", () => {
    const dir = tempDir();
    const config = loadConfig({ DATABASE_URL: path.join(dir, "dc.db") }, { demo: false });
    expect(config.port).toBe(3000);
    expect(config.production).toBe(false);
    expect(config.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
    // The generated secret is kept, so sessions survive a restart.
    expect(loadConfig({ DATABASE_URL: path.join(dir, "dc.db") }, { demo: false }).sessionSecret).toBe(config.sessionSecret);
    expect(fs.statSync(path.join(dir, "session-secret")).mode & 0o077).toBe(0);
  });

  it("names every wrong value", () => {
    try {
      loadConfig({ PORT: "eighty", SESSION_SECRET: "short", NODE_ENV: "staging" }, { demo: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).message;
      expect(text).toContain("PORT must be a whole number from 1 to 65535");
      expect(text).toContain("SESSION_SECRET must be at least 32 characters");
      expect(text).toContain("NODE_ENV");
    }
  });

  // Issue 12, finding 8: X-Forwarded-For is believed only from configured proxies.
  it("trusts no proxy unless TRUSTED_PROXIES names them, and names a wrong entry", () => {
    const secret = { SESSION_SECRET: "s".repeat(32) };
    expect(loadConfig(secret, { demo: false }).trustedProxies).toEqual([]);
    expect(loadConfig({ ...secret, TRUSTED_PROXIES: "10.0.0.5, 10.1.0.0/16,::1,fd00::/8,loopback" }, { demo: false }).trustedProxies).toEqual(["10.0.0.5", "10.1.0.0/16", "::1", "fd00::/8", "loopback"]);
    for (const wrong of ["10.0.0.300", "10.0.0.0/33", "proxy.example", "*", "10.0.0.1/8/8"]) {
      expect(() => loadConfig({ ...secret, TRUSTED_PROXIES: wrong }, { demo: false }), wrong).toThrow(`TRUSTED_PROXIES: "${wrong}" is not an IP address or CIDR range`);
    }
  });

  it("requires SESSION_SECRET in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: path.join(tempDir(), "x.db") }, { demo: false })).toThrow(/SESSION_SECRET: required in production/);
    expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: "s".repeat(32) }, { demo: false }).production).toBe(true);
  });

  function runServer(args: string[], env: Record<string, string>) {
    return new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "scripts/server.ts", ...args],
        { env: { ...process.env, DATABASE_URL: path.join(tempDir(), "dc.db"), ...env }, timeout: 20_000 },
        (error, _stdout, stderr) => resolve({ code: error ? (error as NodeJS.ErrnoException & { code: number }).code : 0, stderr }),
      );
    });
  }

  it("the server exits with code 1 and a clear message when configuration is wrong", async () => {
    const result = await runServer([], { PORT: "99999" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PORT must be a whole number from 1 to 65535");
  });

  it("the test clock is refused outside demo mode: it can never move a real deployment's clock", async () => {
    const result = await runServer(["--test-clock-file=/tmp/clock"], { NODE_ENV: "production", SESSION_SECRET: "s".repeat(40) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--test-clock-file is for end-to-end tests and only runs with --demo");
  });
});
