import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { engineOf } from "~db/client";
import { createSharedTestDatabase, createTestDatabase } from "~db/test-db";
import { allowRequest } from "./rate-limits.server";

const limit = { limit: 30, windowMs: 60_000 };
const at = (iso: string) => new Date(iso);

describe("limits on what anyone may ask without signing in", () => {
  it("allows 30 checks a minute from one address, refuses the 31st, and allows again in the next minute", async () => {
    const { db } = await createTestDatabase();
    for (let i = 0; i < 30; i++) expect(await allowRequest(db, "verify:192.0.2.1", { ...limit, now: at("2026-12-02T09:00:10Z") })).toBe(true);
    expect(await allowRequest(db, "verify:192.0.2.1", { ...limit, now: at("2026-12-02T09:00:59Z") })).toBe(false);
    // Another address has its own count.
    expect(await allowRequest(db, "verify:192.0.2.2", { ...limit, now: at("2026-12-02T09:00:59Z") })).toBe(true);
    expect(await allowRequest(db, "verify:192.0.2.1", { ...limit, now: at("2026-12-02T09:01:00Z") })).toBe(true);
    // Ended windows are not kept.
    expect(await engineOf(db).all(db, sql`SELECT count(*) AS n FROM rate_limit_hits WHERE window_start < '2026-12-02T09:01:00.000Z'`)).toEqual([{ n: 0 }]);
  });

  it("counts together across server processes: checks through two connections add up", async () => {
    const shared = await createSharedTestDatabase();
    const one = shared.first;
    const two = await shared.open();
    const now = at("2026-12-02T09:00:10Z");
    for (let i = 0; i < 15; i++) {
      expect(await allowRequest(one.db, "verify:192.0.2.9", { ...limit, now })).toBe(true);
      expect(await allowRequest(two.db, "verify:192.0.2.9", { ...limit, now })).toBe(true);
    }
    expect(await allowRequest(one.db, "verify:192.0.2.9", { ...limit, now })).toBe(false);
    expect(await allowRequest(two.db, "verify:192.0.2.9", { ...limit, now })).toBe(false);
  });
});
