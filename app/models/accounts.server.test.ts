import { first, inserted } from "./transaction.server";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { PASSWORD_RESET_LIMITS } from "~/domain/accounts";
import { hashSecretToken } from "~/services/tokens.server";
import { careWorkers, invitations, outbox, passwordResets, sessions, users } from "~db/tables";
import { RuleError } from "./errors.server";
import { acceptInvitation, findInvitation, getWorkerSignIn, inviteWorker, withdrawInvitation } from "./invitations.server";
import { findPasswordReset, requestPasswordReset, resetPassword } from "./password-resets.server";
import { demoDatabase, problemsOf } from "./test-helpers";
import { changePassword, createUser, getWorkerLink, linkWorkerAccount, loadActor, setUserActive, unlinkWorkerAccount, updateUser } from "./users.server";

const PUBLIC = "https://dc.example.nhs.uk";
const DAY = 86_400_000;

async function lastMail(db: Awaited<ReturnType<typeof demoDatabase>>["db"], to: string) {
  return (await db.select().from(outbox).where(eq(outbox.toAddress, to))).at(-1) ?? null;
}

function tokenIn(body: string, path: string): string {
  const match = new RegExp(`${PUBLIC}${path}\\?token=([A-Za-z0-9_-]{43})`).exec(body);
  if (!match) throw new Error(`no ${path} link in: ${body}`);
  return match[1]!;
}

describe("invitations to sign in (hazard H31)", () => {
  it("a manager invites her own worker: one email with a 7-day single-use link; only its hash is stored; accepting links a new care worker account", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    const manager = await actorFor(ids.users.manager);
    const id = await inviteWorker(db, { actor: manager, workerId: ids.workers.nadia!, email: " Nadia.Rahman@Example.org ", at, publicUrl: PUBLIC });
    expect(id).not.toBeNull();
    const mail = (await lastMail(db, "nadia.rahman@example.org"))!;
    expect(mail.sensitive).toBe(true);
    expect(mail.body).toContain("7 days");
    const token = tokenIn(mail.body, "/invitation");
    const row = (await first(db.select().from(invitations).where(eq(invitations.id, id!)).limit(1)))!;
    expect(row.tokenHash).toBe(hashSecretToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await getWorkerSignIn(db, { actor: manager, workerId: ids.workers.nadia!, now: at }))?.invitation).toMatchObject({ email: "nadia.rahman@example.org", state: "usable" });

    expect(await findInvitation(db, { token, now: at })).toEqual({ workerName: "Nadia Rahman", providerName: "Brightside Home Care", email: "nadia.rahman@example.org" });
    const accepted = (await acceptInvitation(db, { token, passwordHash: "scrypt$x", at: new Date(at.getTime() + DAY) }))!;
    const actor = (await loadActor(db, accepted.userId))!;
    expect(actor).toMatchObject({ role: "care_worker", workerId: ids.workers.nadia, organisationName: "Brightside Home Care", email: "nadia.rahman@example.org" });
    expect(await getWorkerSignIn(db, { actor: manager, workerId: ids.workers.nadia!, now: at })).toMatchObject({ accountEmail: "nadia.rahman@example.org", invitation: null });

    // Single use: the same link again finds nothing and writes nothing.
    const before = (await db.select().from(users)).length;
    expect(await findInvitation(db, { token, now: at })).toBeNull();
    expect(await acceptInvitation(db, { token, passwordHash: "scrypt$y", at })).toBeNull();
    expect((await db.select().from(users)).length).toBe(before);
  });

  it("an expired or withdrawn link does nothing; sending again replaces the earlier link", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    const manager = await actorFor(ids.users.manager);
    const invite = async (when: Date) => {
      await inviteWorker(db, { actor: manager, workerId: ids.workers.nadia!, email: "nadia@example.org", at: when, publicUrl: PUBLIC });
      return tokenIn((await lastMail(db, "nadia@example.org"))!.body, "/invitation");
    };
    const first = await invite(at);
    expect(await acceptInvitation(db, { token: first, passwordHash: "h", at: new Date(at.getTime() + 7 * DAY) })).toBeNull();
    expect((await getWorkerSignIn(db, { actor: manager, workerId: ids.workers.nadia!, now: new Date(at.getTime() + 7 * DAY) }))?.invitation?.state).toBe("expired");

    const second = await invite(new Date(at.getTime() + 8 * DAY));
    const third = await invite(new Date(at.getTime() + 8 * DAY + 60_000));
    expect(await findInvitation(db, { token: second, now: new Date(at.getTime() + 8 * DAY + 120_000) })).toBeNull();
    expect(await findInvitation(db, { token: third, now: new Date(at.getTime() + 8 * DAY + 120_000) })).not.toBeNull();
    expect(await withdrawInvitation(db, { actor: manager, workerId: ids.workers.nadia!, at: new Date(at.getTime() + 9 * DAY) })).toBe(true);
    expect(await findInvitation(db, { token: third, now: new Date(at.getTime() + 9 * DAY) })).toBeNull();
    expect(await withdrawInvitation(db, { actor: manager, workerId: ids.workers.nadia!, at: new Date(at.getTime() + 9 * DAY) })).toBeNull();
  });

  it("a manager invites only her own provider's workers; nurses and care workers invite nobody", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    for (const who of [ids.users.manager2, ids.users.nurse, ids.users.workerUser]) {
      expect(await inviteWorker(db, { actor: await actorFor(who), workerId: ids.workers.nadia!, email: "n@example.org", at, publicUrl: PUBLIC })).toBeNull();
      expect(await getWorkerSignIn(db, { actor: await actorFor(who), workerId: ids.workers.nadia!, now: at })).toBeNull();
    }
    expect(await db.select().from(invitations).where(eq(invitations.workerId, ids.workers.nadia!))).toEqual([]);
    expect(await inviteWorker(db, { actor: await actorFor(ids.users.admin), workerId: ids.workers.helen!, email: "helen@example.org", at, publicUrl: PUBLIC })).not.toBeNull();
  });

  it("refuses an email another account uses, another worker's waiting invitation, a worker who signs in already or has left", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    const manager = await actorFor(ids.users.manager);
    const invite = async (workerId: number, email: string) => await problemsOf(async () => await inviteWorker(db, { actor: manager, workerId, email, at, publicUrl: PUBLIC }));
    expect((await invite(ids.workers.nadia!, "Manager@example.org"))[0]).toMatch(/already used by another account/);
    // Aisha's demo invitation is waiting for aisha.begum@example.org.
    expect((await invite(ids.workers.nadia!, "aisha.begum@example.org"))[0]).toMatch(/invitation waiting for another care worker/);
    expect(await invite(ids.workers.maria!, "maria2@example.org")).toEqual(["This care worker already has a sign-in"]);
    expect((await invite(ids.workers.ryan!, "ryan@example.org"))[0]).toMatch(/has left/);
    expect(await db.select().from(invitations).where(isNull(invitations.withdrawnAt))).toHaveLength(1);
  });

  it("an account made meanwhile with the invited email stops the invitation (nothing written)", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    await inviteWorker(db, { actor: await actorFor(ids.users.manager), workerId: ids.workers.nadia!, email: "nadia@example.org", at, publicUrl: PUBLIC });
    const token = tokenIn((await lastMail(db, "nadia@example.org"))!.body, "/invitation");
    await createUser(db, { actor: await actorFor(ids.users.admin), input: { name: "N", email: "nadia@example.org", role: "provider_manager", organisationId: ids.orgs.brightside, professionalRegistration: null, jobTitle: "" }, passwordHash: "h", at });
    expect(await acceptInvitation(db, { token, passwordHash: "h", at })).toBeNull();
    expect((await first(db.select().from(careWorkers).where(eq(careWorkers.id, ids.workers.nadia!)).limit(1)))?.userId).toBeNull();
  });
});

describe("linking a care worker account to a worker record (hazard H31)", () => {
  it("Add a user makes no care worker account: they come by invitation", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    const input = { name: "Loose", email: "loose@example.org", role: "care_worker" as const, organisationId: ids.orgs.brightside, professionalRegistration: null, jobTitle: "" };
    await expect((async () => await createUser(db, { actor: await actorFor(ids.users.admin), input, passwordHash: "h", at }))()).rejects.toThrow(RuleError);
    expect(await first(db.select().from(users).where(eq(users.email, "loose@example.org")).limit(1))).toBeUndefined();
  });

  it("an administrator links an unlinked account only to a worker of its provider with no sign-in, and can unlink it", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    const admin = await actorFor(ids.users.admin);
    // An account from before invitations: a care worker account with no record.
    const userId = (await inserted(db.insert(users).values({ email: "old@example.org", name: "Nadia Rahman", role: "care_worker", organisationId: ids.orgs.brightside, passwordHash: "h" }).returning({ id: users.id }))).id;
    await db.insert(sessions).values({ id: "s1", userId, lastSeenAt: at.toISOString(), expiresAt: new Date(at.getTime() + DAY).toISOString() });
    expect((await getWorkerLink(db, userId))?.candidates.map((c) => c.name)).toEqual(["Aisha Begum", "Chloe Barker", "Grace Okafor (staff number BHC-1043)", "Grace Okafor (staff number BHC-2077)", "James Whitfield", "Nadia Rahman"]);

    expect(await problemsOf(async () => await linkWorkerAccount(db, { actor: admin, userId, workerId: ids.workers.helen!, at }))).toEqual([expect.stringMatching(/another care provider/)]);
    expect(await problemsOf(async () => await linkWorkerAccount(db, { actor: admin, userId, workerId: ids.workers.maria!, at }))).toEqual(["This care worker already has a sign-in"]);
    expect(await problemsOf(async () => await linkWorkerAccount(db, { actor: admin, userId: ids.users.manager, workerId: ids.workers.nadia!, at }))).toEqual([expect.stringMatching(/Only a care worker's account/)]);
    expect(await linkWorkerAccount(db, { actor: await actorFor(ids.users.manager), userId, workerId: ids.workers.nadia!, at })).toBeNull();

    expect(await linkWorkerAccount(db, { actor: admin, userId, workerId: ids.workers.nadia!, at })).toBe(true);
    expect((await loadActor(db, userId))?.workerId).toBe(ids.workers.nadia);
    // What the account may see changed: its sessions ended.
    expect((await first(db.select().from(sessions).where(eq(sessions.id, "s1")).limit(1)))?.endedAt).toBe(at.toISOString());
    // A second record for the same account is refused; so is a new role while linked.
    expect(await problemsOf(async () => await linkWorkerAccount(db, { actor: admin, userId, workerId: ids.workers.chloe!, at }))).toEqual(["This account is already linked to another care worker"]);
    expect((await problemsOf(async () => await updateUser(db, { actor: admin, id: userId, input: { name: "N", email: "old@example.org", role: "provider_manager", organisationId: ids.orgs.brightside, professionalRegistration: null, jobTitle: "" }, at })))[0]).toMatch(/Unlink it/);

    expect(await unlinkWorkerAccount(db, { actor: admin, userId, at })).toBe(true);
    expect((await loadActor(db, userId))?.workerId).toBeNull();
  });
});

describe("password reset by email (hazard H32)", () => {
  it("sends a single-use link to an active account; the new password ends every session and every other link", async () => {
    const { db, ids, at } = await demoDatabase();
    const manager = (await first(db.select().from(users).where(eq(users.id, ids.users.manager)).limit(1)))!;
    await db.insert(sessions).values({ id: "elsewhere", userId: manager.id, lastSeenAt: at.toISOString(), expiresAt: new Date(at.getTime() + DAY).toISOString() });
    expect(await requestPasswordReset(db, { email: "MANAGER@example.org", ipAddress: "192.0.2.1", at, publicUrl: PUBLIC })).toBe("sent");
    const firstLink = tokenIn((await lastMail(db, "manager@example.org"))!.body, "/reset-password");
    const secondAt = new Date(at.getTime() + 5 * 60_000);
    expect(await requestPasswordReset(db, { email: "manager@example.org", ipAddress: "192.0.2.1", at: secondAt, publicUrl: PUBLIC })).toBe("sent");
    const second = tokenIn((await lastMail(db, "manager@example.org"))!.body, "/reset-password");
    expect(await first(db.select().from(passwordResets).where(eq(passwordResets.tokenHash, hashSecretToken(second))).limit(1))).toBeDefined();
    expect(JSON.stringify(await db.select().from(passwordResets))).not.toContain(second);

    expect(await findPasswordReset(db, { token: second, now: secondAt })).toEqual({ email: "manager@example.org" });
    expect(await resetPassword(db, { token: second, passwordHash: "scrypt$new", at: secondAt })).toEqual({ userId: manager.id });
    expect((await first(db.select().from(users).where(eq(users.id, manager.id)).limit(1)))?.passwordHash).toBe("scrypt$new");
    expect(await db.select().from(sessions).where(and(eq(sessions.userId, manager.id), isNull(sessions.endedAt)))).toEqual([]);
    // Used: the same link again, and the earlier one, do nothing.
    expect(await resetPassword(db, { token: second, passwordHash: "scrypt$again", at: secondAt })).toBeNull();
    expect(await resetPassword(db, { token: firstLink, passwordHash: "scrypt$again", at: secondAt })).toBeNull();
    expect((await first(db.select().from(users).where(eq(users.id, manager.id)).limit(1)))?.passwordHash).toBe("scrypt$new");
  });

  it("a link expires after an hour", async () => {
    const { db, at } = await demoDatabase();
    await requestPasswordReset(db, { email: "nurse@example.org", ipAddress: "192.0.2.1", at, publicUrl: PUBLIC });
    const token = tokenIn((await lastMail(db, "nurse@example.org"))!.body, "/reset-password");
    expect(await findPasswordReset(db, { token, now: new Date(at.getTime() + 60 * 60_000) })).toBeNull();
    expect(await resetPassword(db, { token, passwordHash: "h", at: new Date(at.getTime() + 60 * 60_000) })).toBeNull();
  });

  it("no link for an unknown email or an inactive account", async () => {
    const { db, ids, at } = await demoDatabase();
    await db.update(users).set({ active: false }).where(eq(users.id, ids.users.manager2));
    const before = (await db.select().from(outbox)).length;
    expect(await requestPasswordReset(db, { email: "nobody@example.org", ipAddress: "192.0.2.1", at, publicUrl: PUBLIC })).toBe("no_account");
    expect(await requestPasswordReset(db, { email: "manager2@example.org", ipAddress: "192.0.2.1", at, publicUrl: PUBLIC })).toBe("no_account");
    expect((await db.select().from(outbox)).length).toBe(before);
  });

  it("is throttled per email (and a double click sends one email) and per address", async () => {
    const { db, at } = await demoDatabase();
    const ask = async (email: string, ip: string, minutes: number) => await requestPasswordReset(db, { email, ipAddress: ip, at: new Date(at.getTime() + minutes * 60_000), publicUrl: PUBLIC });
    expect(await ask("nurse@example.org", "192.0.2.1", 0)).toBe("sent");
    expect(await ask("nurse@example.org", "192.0.2.2", 0.5)).toBe("email_throttled");
    expect(await ask("nurse@example.org", "192.0.2.3", 2)).toBe("sent");
    expect(await ask("nurse@example.org", "192.0.2.4", 4)).toBe("sent");
    expect(await ask("nurse@example.org", "192.0.2.5", 6)).toBe("email_throttled");
    expect(await ask("nurse@example.org", "192.0.2.5", 61)).toBe("sent");
    for (let i = 0; i < PASSWORD_RESET_LIMITS.address.requests; i++) await ask(`made-up-${i}@example.org`, "198.51.100.7", 100);
    expect(await ask("facilitator@example.org", "198.51.100.7", 101)).toBe("address_throttled");
    expect(await ask("facilitator@example.org", "198.51.100.8", 101)).toBe("sent");
    expect(await ask("admin@example.org", "198.51.100.7", 116)).toBe("sent");
  });

  it("deactivating a user or changing the password ends their waiting links, for good", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    const link = async (email: string, minutes: number) => {
      await requestPasswordReset(db, { email, ipAddress: "192.0.2.1", at: new Date(at.getTime() + minutes * 60_000), publicUrl: PUBLIC });
      return tokenIn((await lastMail(db, email))!.body, "/reset-password");
    };
    const nurseLink = await link("nurse@example.org", 0);
    await changePassword(db, { userId: ids.users.nurse, passwordHash: "scrypt$changed", keepSessionId: null, at });
    expect(await findPasswordReset(db, { token: nurseLink, now: at })).toBeNull();

    const managerLink = await link("manager2@example.org", 0);
    await setUserActive(db, { actor: await actorFor(ids.users.admin), id: ids.users.manager2, active: false, at });
    await setUserActive(db, { actor: await actorFor(ids.users.admin), id: ids.users.manager2, active: true, at });
    expect(await findPasswordReset(db, { token: managerLink, now: at })).toBeNull();
  });
});
