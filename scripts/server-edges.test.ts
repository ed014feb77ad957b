/**
 * The real server at its edges (issue 12, findings 8 and 10): the log is JSON lines with request
 * ids that a client cannot forge or fill with secrets, and X-Forwarded-For counts only from a
 * proxy named in TRUSTED_PROXIES.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { freePort, startServer, tempDatabase } from "./test-support/server-process";

function login(base: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${base}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, ...headers },
    body: new URLSearchParams(form),
    redirect: "manual",
  });
}

function addressesFor(database: string, email: string): string[] {
  const db = new Database(database, { readonly: true });
  try {
    return (db.prepare("SELECT ip_address AS a FROM sign_in_attempts WHERE email = ? ORDER BY id").all(email) as { a: string }[]).map((r) => r.a);
  } finally {
    db.close();
  }
}

describe("the server's edges", () => {
  it("logs JSON lines with request ids; a forged line, a NUL, a password or an NHS number never reach the log; made-up X-Forwarded-For is ignored", async () => {
    const database = tempDatabase();
    const server = await startServer({ database, port: await freePort() });
    try {
      const forged = '/\n{"level":"fatal","msg":"forged"}\u0000';
      const wrong = await login(server.base, { email: "9434765919@example.org", password: "secret-9434765919-pw", redirectTo: forged }, { "X-Forwarded-For": "203.0.113.99" });
      expect(wrong.status).toBe(400);
      const requestId = wrong.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const right = await login(server.base, { email: "nurse@example.org", password: "delegated-care-demo", redirectTo: forged });
      expect(right.status).toBe(302);
      expect(right.headers.get("location")).toBe("/");
      await (await fetch(`${server.base}/healthz`)).text();

      const lines = server.output().split("\n").filter((l) => l.trim());
      const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(records.some((r) => r.msg === "request" && r.requestId === requestId && r.path === "/login" && r.status === 400)).toBe(true);
      expect(records.some((r) => r.msg === "forged")).toBe(false);
      const text = server.output();
      expect(text).not.toContain("\u0000");
      expect(text).not.toContain("9434765919");
      expect(text).not.toContain("secret-");
      // Not from a trusted proxy: the connection's own address is the one recorded.
      expect(addressesFor(database, "9434765919@example.org")).toEqual([expect.not.stringContaining("203.0.113.99")]);
    } finally {
      await server.stop();
    }
  });

  it("believes X-Forwarded-For from a proxy named in TRUSTED_PROXIES", async () => {
    const database = tempDatabase();
    const server = await startServer({ database, port: await freePort(), env: { TRUSTED_PROXIES: "127.0.0.1,::1" } });
    try {
      expect((await login(server.base, { email: "someone@example.org", password: "x", redirectTo: "/" }, { "X-Forwarded-For": "203.0.113.99" })).status).toBe(400);
      expect(addressesFor(database, "someone@example.org")).toEqual(["203.0.113.99"]);
    } finally {
      await server.stop();
    }
  });
});
