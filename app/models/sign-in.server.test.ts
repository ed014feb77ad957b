import { describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { createTestDatabase } from "~db/test-db";
import { recordSignInAttempt, SIGN_IN_LIMITS, signInBlocked } from "./sign-in.server";

/** Issue 12, finding 8: throttling must not let an attacker lock a named user out. */
describe("sign-in throttling", () => {
  const at = new Date("2026-11-22T10:00:00Z");
  const minutesAgo = (m: number) => new Date(at.getTime() - m * 60_000);
  const fail = async (db: Db, email: string, ipAddress: string, n: number, when = minutesAgo(1)) => {
    for (let i = 0; i < n; i++) await recordSignInAttempt(db, { email, ipAddress, at: when, succeeded: false });
  };

  it("five wrong passwords from one address stop that account from that address only", async () => {
    const { db } = await createTestDatabase();
    await fail(db, "manager2@example.org", "203.0.113.9", 4);
    expect(await signInBlocked(db, { email: "manager2@example.org", ipAddress: "203.0.113.9", at })).toBeNull();
    await fail(db, "manager2@example.org", "203.0.113.9", 1);
    expect(await signInBlocked(db, { email: "manager2@example.org", ipAddress: "203.0.113.9", at })).toEqual({ minutes: 15 });
    // The owner, elsewhere, is not locked out; nor is anyone else at the attacker's address.
    expect(await signInBlocked(db, { email: "manager2@example.org", ipAddress: "198.51.100.20", at })).toBeNull();
    expect(await signInBlocked(db, { email: "manager@example.org", ipAddress: "203.0.113.9", at })).toBeNull();
    // Failures older than the window no longer count.
    expect(await signInBlocked(db, { email: "manager2@example.org", ipAddress: "203.0.113.9", at: new Date(at.getTime() + 15 * 60_000) })).toBeNull();
  });

  it("failures with made-up emails from a shared address do not block its staff who sign in there", async () => {
    const { db } = await createTestDatabase();
    for (let i = 0; i < 150; i++) await fail(db, `made-up-${i}@example.org`, "192.0.2.1", 1);
    await recordSignInAttempt(db, { email: "nurse@example.org", ipAddress: "192.0.2.1", at: minutesAgo(60 * 24 * 3), succeeded: true });
    expect(await signInBlocked(db, { email: "nurse@example.org", ipAddress: "192.0.2.1", at })).toBeNull();
    // 20 failures (the old per-address limit) block nobody.
    const fresh = (await createTestDatabase()).db;
    for (let i = 0; i < 20; i++) await fail(fresh, `made-up-${i}@example.org`, "192.0.2.1", 1);
    expect(await signInBlocked(fresh, { email: "manager2@example.org", ipAddress: "192.0.2.1", at })).toBeNull();
    // But an address spraying guesses is braked for accounts never used from it.
    expect(await signInBlocked(db, { email: "another@example.org", ipAddress: "192.0.2.1", at })).toEqual({ minutes: SIGN_IN_LIMITS.address.minutes });
  });

  it("a slower brake per account stops guessing spread over many addresses", async () => {
    const { db } = await createTestDatabase();
    for (let a = 0; a < 10; a++) await fail(db, "nurse@example.org", `203.0.113.${a}`, 5, minutesAgo(30));
    expect(await signInBlocked(db, { email: "nurse@example.org", ipAddress: "198.51.100.1", at })).toEqual({ minutes: 60 });
    expect(await signInBlocked(db, { email: "nurse@example.org", ipAddress: "198.51.100.1", at: new Date(at.getTime() + 31 * 60_000) })).toBeNull();
  });
});
