import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loadJobConfig, publicUrlProblem } from "./config.server";

const REAL = "https://delegated-care.ashworth.nhs.uk";

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

  it("runs one server process unless WEB_CONCURRENCY asks for more, which need a database file", () => {
    const secret = { SESSION_SECRET: "s".repeat(32) };
    expect(loadConfig(secret, { demo: false }).processes).toBe(1);
    expect(loadConfig({ ...secret, WEB_CONCURRENCY: "4" }, { demo: false }).processes).toBe(4);
    for (const wrong of ["0", "two", "1.5", "65"]) {
      expect(() => loadConfig({ ...secret, WEB_CONCURRENCY: wrong }, { demo: false }), wrong).toThrow("WEB_CONCURRENCY must be a whole number from 1 to 64");
    }
    expect(() => loadConfig({ ...secret, WEB_CONCURRENCY: "2", DATABASE_URL: ":memory:" }, { demo: false })).toThrow("several server processes need a database file they share");
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
    expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: path.join(tempDir(), "x.db"), PUBLIC_URL: REAL }, { demo: false })).toThrow(/SESSION_SECRET: required in production/);
    expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: "s".repeat(32), PUBLIC_URL: REAL }, { demo: false }).production).toBe(true);
  });

  // Issue 14, finding 7: printouts carried http://localhost:… as the address to check them at.
  it("requires a real https PUBLIC_URL in production, and says what to set", () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(32) };
    expect(() => loadConfig(production, { demo: false })).toThrow(/PUBLIC_URL: required in production: it is printed on every PDF .*set PUBLIC_URL to the https address people reach Delegated Care at, for example PUBLIC_URL=https:\/\//);
    for (const local of ["http://localhost:3000", "https://localhost", "https://app.localhost", "https://127.0.0.1:8443", "https://[::1]", "https://0.0.0.0", "https://dc.example.org", "https://example.com", "https://delegated-care.test", "https://dc.local"]) {
      expect(() => loadConfig({ ...production, PUBLIC_URL: local }, { demo: false }), local).toThrow(/an address on this machine or an example one|must start with https/);
    }
    expect(() => loadConfig({ ...production, PUBLIC_URL: "http://delegated-care.ashworth.nhs.uk" }, { demo: false })).toThrow(/must start with https:\/\/ in production/);
    expect(() => loadConfig({ ...production, PUBLIC_URL: "https://delegated-care.ashworth.nhs.uk/verify?x=1" }, { demo: false })).toThrow(/with no path, query or sign-in details/);
    expect(() => loadConfig({ ...production, PUBLIC_URL: "delegated-care.ashworth.nhs.uk" }, { demo: false })).toThrow(/PUBLIC_URL must be a full address/);
    // Both missing: both named at once.
    expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: path.join(tempDir(), "x.db") }, { demo: false })).toThrow(/SESSION_SECRET: required[\s\S]*PUBLIC_URL: required/);
    expect(loadConfig({ ...production, PUBLIC_URL: `${REAL}/` }, { demo: false }).publicUrl).toBe(REAL);
    expect(publicUrlProblem(REAL)).toBeNull();
  });

  it("keeps the address on this machine for the demo and development, which answer there", () => {
    const dir = tempDir();
    expect(loadConfig({ NODE_ENV: "production", PORT: "3250", DATABASE_URL: path.join(dir, "dc.db") }, { demo: true }).publicUrl).toBe("http://localhost:3250");
    expect(loadConfig({ DATABASE_URL: path.join(dir, "dc.db") }, { demo: false }).publicUrl).toBe("http://localhost:3000");
    // A job that sends links (the digest) is held to the same rule in production; one that does not, is not.
    expect(() => loadJobConfig({ NODE_ENV: "production" }, { sendsLinks: true })).toThrow(/PUBLIC_URL: required in production/);
    expect(loadJobConfig({ NODE_ENV: "production", PUBLIC_URL: REAL }, { sendsLinks: true }).publicUrl).toBe(REAL);
    expect(loadJobConfig({ NODE_ENV: "production" }).publicUrl).toBe("http://localhost:3000");
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

  it("a production server refuses to start without a real PUBLIC_URL, saying what to set", async () => {
    const result = await runServer([], { NODE_ENV: "production", SESSION_SECRET: "s".repeat(40), PUBLIC_URL: "http://localhost:3000" });
    expect(result.code).toBe(1);
    const fatal = JSON.parse(result.stderr.trim().split("\n").at(-1)!) as { level: string; msg: string };
    expect(fatal.level).toBe("fatal");
    expect(fatal.msg).toContain('PUBLIC_URL: "http://localhost:3000" must start with https:// in production');
    expect(fatal.msg).toContain("set PUBLIC_URL to the https address people reach Delegated Care at");
  });

  it("the test clock is refused outside demo mode: it can never move a real deployment's clock", async () => {
    const result = await runServer(["--test-clock-file=/tmp/clock"], { NODE_ENV: "production", SESSION_SECRET: "s".repeat(40) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--test-clock-file is for end-to-end tests and only runs with --demo");
  });
});
