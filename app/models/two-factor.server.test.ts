import { first, inserted } from "./transaction.server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { codeAt, timeStep } from "~/domain/two-factor";
import { newTotpSecret, openSecret, sealSecret, twoFactorKey } from "~/services/two-factor-secret.server";
import { createTestDatabase } from "~db/test-db";
import { auditEvents, organisations, outbox, twoFactorCredentials, twoFactorRecoveryCodes, users } from "~db/tables";
import { findPendingSignIn, startPendingSignIn, usePendingSignIn } from "./sign-in.server";
import { loadActor } from "./users.server";
import { checkSecondStep, replaceRecoveryCodes, resetTwoFactor, setUpTwoFactor, turnOffTwoFactor, twoFactorStatus } from "./two-factor.server";

const key = twoFactorKey("a test session secret of some length");

/** A migrated database with an administrator, a provider manager and a nurse (the demo's seeding is more than these tests need). */
async function smallDatabase() {
  const connection = await createTestDatabase();
  const { db } = connection;
  const provider = (await inserted(db.insert(organisations).values({ kind: "provider", name: "Brightside Home Care", cqcLocationId: "1-000000001" }).returning({ id: organisations.id }))).id;
  const team = (await inserted(db.insert(organisations).values({ kind: "nhs_team", name: "North team", odsCode: "N1" }).returning({ id: organisations.id }))).id;
  const user = async (values: Omit<typeof users.$inferInsert, "passwordHash">) => (await inserted(db.insert(users).values({ ...values, passwordHash: "x" }).returning({ id: users.id }))).id;
  const ids = {
    users: {
      admin: await user({ email: "admin@example.org", name: "Alex Morgan", role: "admin" }),
      manager: await user({ email: "manager@example.org", name: "Sam Patel", role: "provider_manager", organisationId: provider }),
      nurse: await user({ email: "nurse@example.org", name: "Priya Shah", role: "nurse", organisationId: team, professionalRegistration: "12A3456E" }),
    },
  };
  const actorFor = async (userId: number) => (await loadActor(db, userId))!;
  return { ...connection, ids, actorFor, at: new Date("2026-11-22T10:00:00Z") };
}

async function withTwoFactor() {
  const demo = await smallDatabase();
  const userId = demo.ids.users.manager;
  const secret = newTotpSecret();
  const step = timeStep(demo.at);
  const set = await setUpTwoFactor(demo.db, { userId, secret, code: codeAt(secret, step), key, at: demo.at });
  if (!set.ok) throw new Error(`set-up failed: ${set.problem}`);
  const second = async (typed: string, at = demo.at) => await checkSecondStep(demo.db, { userId, typed, key, at, ipAddress: "192.0.2.1" });
  return { ...demo, userId, secret, step, codes: set.recoveryCodes, second };
}

describe("setting up two-factor authentication", () => {
  it("refuses a wrong code and stores nothing", async () => {
    const { db, ids, at } = await smallDatabase();
    const secret = newTotpSecret();
    const wrong = codeAt(secret, timeStep(at) + 5);
    expect(await setUpTwoFactor(db, { userId: ids.users.manager, secret, code: wrong, key, at })).toEqual({ ok: false, problem: "wrong" });
    expect(await db.select().from(twoFactorCredentials)).toEqual([]);
  });

  it("stores the secret sealed and 10 recovery codes hashed, audits it and tells the user by email", async () => {
    const { db, userId, secret, codes, at } = await withTwoFactor();
    expect(codes).toHaveLength(10);
    const stored = await db.select().from(twoFactorCredentials);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.secretSealed).not.toContain(secret);
    expect(openSecret(key, stored[0]!.secretSealed, { userId, purpose: "two-factor stored" })).toBe(secret);
    // Sealed for one user, it does not open as another's, nor under another key.
    expect(openSecret(key, stored[0]!.secretSealed, { userId: userId + 1, purpose: "two-factor stored" })).toBeNull();
    expect(openSecret(twoFactorKey("another secret"), stored[0]!.secretSealed, { userId, purpose: "two-factor stored" })).toBeNull();
    const hashes = (await db.select().from(twoFactorRecoveryCodes)).map((c) => c.codeHash);
    expect(hashes).toHaveLength(10);
    for (const code of codes) expect(hashes.join(" ")).not.toContain(code);
    expect(await twoFactorStatus(db, userId)).toEqual({ setUpAt: at.toISOString(), recoveryCodesLeft: 10 });
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "user.two_factor_set_up"))).toHaveLength(1);
    expect((await first(db.select().from(outbox).where(eq(outbox.dedupeKey, `two-factor-set-up:${stored[0]!.id}`)).limit(1)))?.subject).toBe("Two-factor authentication is set up on your Delegated Care account");
    // A second set-up while one is live is refused.
    expect(await setUpTwoFactor(db, { userId, secret, code: codeAt(secret, timeStep(at) + 1), key, at })).toEqual({ ok: false, problem: "already" });
  });

  it("a set-up form's seal expires", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    const sealed = sealSecret(key, "ABC", { userId: 1, purpose: "two-factor set-up", expiresAt: "2026-11-22T10:30:00.000Z" });
    expect(openSecret(key, sealed, { userId: 1, purpose: "two-factor set-up" }, at)).toBe("ABC");
    expect(openSecret(key, sealed, { userId: 1, purpose: "two-factor set-up" }, new Date("2026-11-22T10:30:00Z"))).toBeNull();
    expect(openSecret(key, sealed, { userId: 1, purpose: "two-factor stored" }, at)).toBeNull();
    expect(openSecret(key, `${sealed.slice(0, -2)}AA`, { userId: 1, purpose: "two-factor set-up" }, at)).toBeNull();
  });
});

describe("the second step at sign-in", () => {
  it("takes a code of a later step once, and never the step used at set-up or a code used before (replay)", async () => {
    const { secret, step, second } = await withTwoFactor();
    expect(await second(codeAt(secret, step))).toEqual({ ok: false, problem: "used" });
    expect(await second(codeAt(secret, step + 1))).toEqual({ ok: true, via: "code" });
    expect(await second(codeAt(secret, step + 1))).toEqual({ ok: false, problem: "used" });
  });

  it("takes each recovery code once, typed in any case with or without hyphens", async () => {
    const { codes, second, db, userId } = await withTwoFactor();
    const typed = codes[0]!.toUpperCase().match(/.{4}/g)!.join("-");
    expect(await second(typed)).toEqual({ ok: true, via: "recovery_code", recoveryCodesLeft: 9 });
    expect(await second(codes[0]!)).toEqual({ ok: false, problem: "wrong" });
    expect((await twoFactorStatus(db, userId))?.recoveryCodesLeft).toBe(9);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "user.two_factor_recovery_code_used"))).toHaveLength(1);
  });

  it("stops code attempts for the account after 5 wrong codes in 15 minutes, even a right one, then lets them again", async () => {
    const { secret, step, second, at } = await withTwoFactor();
    for (let i = 0; i < 5; i++) expect((await second("000000")).ok).toBe(false);
    expect(await second(codeAt(secret, step + 1))).toEqual({ ok: false, problem: "blocked", minutes: 15 });
    const later = new Date(at.getTime() + 15 * 60_000);
    expect(await second(codeAt(secret, timeStep(later)), later)).toEqual({ ok: true, via: "code" });
  });

  it("new recovery codes end the old ones", async () => {
    const { db, userId, codes, second, at } = await withTwoFactor();
    const fresh = (await replaceRecoveryCodes(db, { userId, at }))!;
    expect(fresh).toHaveLength(10);
    expect(await second(codes[1]!)).toEqual({ ok: false, problem: "wrong" });
    expect((await second(fresh[0]!)).ok).toBe(true);
  });
});

describe("turning off and resetting", () => {
  it("turning it off ends the app and the codes", async () => {
    const { db, userId, codes, second, at } = await withTwoFactor();
    expect(await turnOffTwoFactor(db, { userId, at })).toBe(true);
    expect(await twoFactorStatus(db, userId)).toBeNull();
    expect(await second(codes[0]!)).toEqual({ ok: false, problem: "not_set_up" });
    expect(await turnOffTwoFactor(db, { userId, at })).toBeNull();
  });

  it("an administrator's reset ends it and any sign-in waiting for a code, is audited, and emails the user", async () => {
    const { db, userId, ids, actorFor, at } = await withTwoFactor();
    const token = await startPendingSignIn(db, { userId, stage: "code", target: "/", at });
    expect(await findPendingSignIn(db, { token, at })).not.toBeNull();
    expect(await resetTwoFactor(db, { actor: await actorFor(ids.users.admin), userId, at })).toBe(true);
    expect(await twoFactorStatus(db, userId)).toBeNull();
    expect(await findPendingSignIn(db, { token, at })).toBeNull();
    const audit = await first(db.select().from(auditEvents).where(eq(auditEvents.action, "user.two_factor_reset")).limit(1));
    expect(audit?.actorId).toBe(ids.users.admin);
    expect((await db.select().from(outbox)).some((m) => m.toUserId === userId && m.subject === "Your Delegated Care two-factor authentication was reset")).toBe(true);
    expect(await resetTwoFactor(db, { actor: await actorFor(ids.users.admin), userId, at })).toBeNull();
  });
});

describe("a sign-in waiting for its second step", () => {
  it("is finished once, expires after 10 minutes, and a newer one ends the older", async () => {
    const { db, ids, at } = await smallDatabase();
    const userId = ids.users.nurse;
    const first = await startPendingSignIn(db, { userId, stage: "code", target: "/agreements", at });
    const pending = await findPendingSignIn(db, { token: first, at });
    expect(pending).toMatchObject({ userId, stage: "code", target: "/agreements" });
    expect(await findPendingSignIn(db, { token: first, at: new Date(at.getTime() + 10 * 60_000) })).toBeNull();
    expect(await usePendingSignIn(db, { id: pending!.id, at })).toBe(true);
    expect(await usePendingSignIn(db, { id: pending!.id, at })).toBe(false);
    expect(await findPendingSignIn(db, { token: first, at })).toBeNull();
    const second = await startPendingSignIn(db, { userId, stage: "code", target: "/", at });
    const third = await startPendingSignIn(db, { userId, stage: "set_up", target: "/", at });
    expect(await findPendingSignIn(db, { token: second, at })).toBeNull();
    expect((await findPendingSignIn(db, { token: third, at }))?.stage).toBe("set_up");
    expect(await findPendingSignIn(db, { token: "not-a-token", at })).toBeNull();
  });
});
