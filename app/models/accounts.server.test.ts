import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { PASSWORD_RESET_LIMITS } from "~/domain/accounts";
import { hashSecretToken } from "~/services/tokens.server";
import { careWorkers, invitations, outbox, passwordResets, sessions, users } from "~db/schema";
import { RuleError } from "./errors.server";
import { acceptInvitation, findInvitation, getWorkerSignIn, inviteWorker, withdrawInvitation } from "./invitations.server";
import { findPasswordReset, requestPasswordReset, resetPassword } from "./password-resets.server";
import { demoDatabase, problemsOf } from "./test-helpers";
import { changePassword, createUser, getWorkerLink, linkWorkerAccount, loadActor, setUserActive, unlinkWorkerAccount, updateUser } from "./users.server";

const PUBLIC = "https://dc.example.nhs.uk";
const DAY = 86_400_000;

function lastMail(db: Awaited<ReturnType<typeof demoDatabase>>["db"], to: string) {
  return db.select().from(outbox).where(eq(outbox.toAddress, to)).all().at(-1) ?? null;
}

function tokenIn(body: string, path: string): string {
  const match = new RegExp(`${PUBLIC}${path}\\?token=([A-Za-z0-9_-]{43})`).exec(body);
  if (!match) throw new Error(`no ${path} link in: ${body}`);
  return match[1]!;
}

describe("invitations to sign in (hazard H31)", () => {
  it("a manager invites her own worker: one email with a 7-day single-use link; only its hash is stored; accepting links a new care worker account", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    const manager = actorFor(ids.users.manager);
    const id = inviteWorker(db, { actor: manager, workerId: ids.workers.nadia!, email: " Nadia.Rahman@Example.org ", at, publicUrl: PUBLIC });
    expect(id).not.toBeNull();
    const mail = lastMail(db, "nadia.rahman@example.org")!;
    expect(mail.sensitive).toBe(true);
    expect(mail.body).toContain("7 days");
    const token = tokenIn(mail.body, "/invitation");
    const row = db.select().from(invitations).where(eq(invitations.id, id!)).get()!;
    expect(row.tokenHash).toBe(hashSecretToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(getWorkerSignIn(db, { actor: manager, workerId: ids.workers.nadia!, now: at })?.invitation).toMatchObject({ email: "nadia.rahman@example.org", state: "usable" });

    expect(findInvitation(db, { token, now: at })).toEqual({ workerName: "Nadia Rahman", providerName: "Brightside Home Care", email: "nadia.rahman@example.org" });
    const accepted = acceptInvitation(db, { token, passwordHash: "scrypt$x", at: new Date(at.getTime() + DAY) })!;
    const actor = loadActor(db, accepted.userId)!;
    expect(actor).toMatchObject({ role: "care_worker", workerId: ids.workers.nadia, organisationName: "Brightside Home Care", email: "nadia.rahman@example.org" });
    expect(getWorkerSignIn(db, { actor: manager, workerId: ids.workers.nadia!, now: at })).toMatchObject({ accountEmail: "nadia.rahman@example.org", invitation: null });

    // Single use: the same link again finds nothing and writes nothing.
    const before = db.select().from(users).all().length;
    expect(findInvitation(db, { token, now: at })).toBeNull();
    expect(acceptInvitation(db, { token, passwordHash: "scrypt$y", at })).toBeNull();
    expect(db.select().from(users).all().length).toBe(before);
  });

  it("an expired or withdrawn link does nothing; sending again replaces the earlier link", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    const manager = actorFor(ids.users.manager);
    const invite = (when: Date) => {
      inviteWorker(db, { actor: manager, workerId: ids.workers.nadia!, email: "nadia@example.org", at: when, publicUrl: PUBLIC });
      return tokenIn(lastMail(db, "nadia@example.org")!.body, "/invitation");
    };
    const first = invite(at);
    expect(acceptInvitation(db, { token: first, passwordHash: "h", at: new Date(at.getTime() + 7 * DAY) })).toBeNull();
    expect(getWorkerSignIn(db, { actor: manager, workerId: ids.workers.nadia!, now: new Date(at.getTime() + 7 * DAY) })?.invitation?.state).toBe("expired");

    const second = invite(new Date(at.getTime() + 8 * DAY));
    const third = invite(new Date(at.getTime() + 8 * DAY + 60_000));
    expect(findInvitation(db, { token: second, now: new Date(at.getTime() + 8 * DAY + 120_000) })).toBeNull();
    expect(findInvitation(db, { token: third, now: new Date(at.getTime() + 8 * DAY + 120_000) })).not.toBeNull();
    expect(withdrawInvitation(db, { actor: manager, workerId: ids.workers.nadia!, at: new Date(at.getTime() + 9 * DAY) })).toBe(true);
    expect(findInvitation(db, { token: third, now: new Date(at.getTime() + 9 * DAY) })).toBeNull();
    expect(withdrawInvitation(db, { actor: manager, workerId: ids.workers.nadia!, at: new Date(at.getTime() + 9 * DAY) })).toBeNull();
  });

  it("a manager invites only her own provider's workers; nurses and care workers invite nobody", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    for (const who of [ids.users.manager2, ids.users.nurse, ids.users.workerUser]) {
      expect(inviteWorker(db, { actor: actorFor(who), workerId: ids.workers.nadia!, email: "n@example.org", at, publicUrl: PUBLIC })).toBeNull();
      expect(getWorkerSignIn(db, { actor: actorFor(who), workerId: ids.workers.nadia!, now: at })).toBeNull();
    }
    expect(db.select().from(invitations).where(eq(invitations.workerId, ids.workers.nadia!)).all()).toEqual([]);
    expect(inviteWorker(db, { actor: actorFor(ids.users.admin), workerId: ids.workers.helen!, email: "helen@example.org", at, publicUrl: PUBLIC })).not.toBeNull();
  });

  it("refuses an email another account uses, another worker's waiting invitation, a worker who signs in already or has left", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    const manager = actorFor(ids.users.manager);
    const invite = (workerId: number, email: string) => problemsOf(() => inviteWorker(db, { actor: manager, workerId, email, at, publicUrl: PUBLIC }));
    expect(invite(ids.workers.nadia!, "Manager@example.org")[0]).toMatch(/already used by another account/);
    // Aisha's demo invitation is waiting for aisha.begum@example.org.
    expect(invite(ids.workers.nadia!, "aisha.begum@example.org")[0]).toMatch(/invitation waiting for another care worker/);
    expect(invite(ids.workers.maria!, "maria2@example.org")).toEqual(["This care worker already has a sign-in"]);
    expect(invite(ids.workers.ryan!, "ryan@example.org")[0]).toMatch(/has left/);
    expect(db.select().from(invitations).where(isNull(invitations.withdrawnAt)).all()).toHaveLength(1);
  });

  it("an account made meanwhile with the invited email stops the invitation (nothing written)", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    inviteWorker(db, { actor: actorFor(ids.users.manager), workerId: ids.workers.nadia!, email: "nadia@example.org", at, publicUrl: PUBLIC });
    const token = tokenIn(lastMail(db, "nadia@example.org")!.body, "/invitation");
    createUser(db, { actor: actorFor(ids.users.admin), input: { name: "N", email: "nadia@example.org", role: "provider_manager", organisationId: ids.orgs.brightside, professionalRegistration: null, jobTitle: "" }, passwordHash: "h", at });
    expect(acceptInvitation(db, { token, passwordHash: "h", at })).toBeNull();
    expect(db.select().from(careWorkers).where(eq(careWorkers.id, ids.workers.nadia!)).get()?.userId).toBeNull();
  });
});

describe("linking a care worker account to a worker record (hazard H31)", () => {
  it("Add a user makes no care worker account: they come by invitation", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    const input = { name: "Loose", email: "loose@example.org", role: "care_worker" as const, organisationId: ids.orgs.brightside, professionalRegistration: null, jobTitle: "" };
    expect(() => createUser(db, { actor: actorFor(ids.users.admin), input, passwordHash: "h", at })).toThrow(RuleError);
    expect(db.select().from(users).where(eq(users.email, "loose@example.org")).get()).toBeUndefined();
  });

  it("an administrator links an unlinked account only to a worker of its provider with no sign-in, and can unlink it", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    const admin = actorFor(ids.users.admin);
    // An account from before invitations: a care worker account with no record.
    const userId = db.insert(users).values({ email: "old@example.org", name: "Nadia Rahman", role: "care_worker", organisationId: ids.orgs.brightside, passwordHash: "h" }).returning({ id: users.id }).get().id;
    db.insert(sessions).values({ id: "s1", userId, lastSeenAt: at.toISOString(), expiresAt: new Date(at.getTime() + DAY).toISOString() }).run();
    expect(getWorkerLink(db, userId)?.candidates.map((c) => c.name)).toEqual(["Aisha Begum", "Chloe Barker", "Grace Okafor (staff number BHC-1043)", "Grace Okafor (staff number BHC-2077)", "James Whitfield", "Nadia Rahman"]);

    expect(problemsOf(() => linkWorkerAccount(db, { actor: admin, userId, workerId: ids.workers.helen!, at }))).toEqual([expect.stringMatching(/another care provider/)]);
    expect(problemsOf(() => linkWorkerAccount(db, { actor: admin, userId, workerId: ids.workers.maria!, at }))).toEqual(["This care worker already has a sign-in"]);
    expect(problemsOf(() => linkWorkerAccount(db, { actor: admin, userId: ids.users.manager, workerId: ids.workers.nadia!, at }))).toEqual([expect.stringMatching(/Only a care worker's account/)]);
    expect(linkWorkerAccount(db, { actor: actorFor(ids.users.manager), userId, workerId: ids.workers.nadia!, at })).toBeNull();

    expect(linkWorkerAccount(db, { actor: admin, userId, workerId: ids.workers.nadia!, at })).toBe(true);
    expect(loadActor(db, userId)?.workerId).toBe(ids.workers.nadia);
    // What the account may see changed: its sessions ended.
    expect(db.select().from(sessions).where(eq(sessions.id, "s1")).get()?.endedAt).toBe(at.toISOString());
    // A second record for the same account is refused; so is a new role while linked.
    expect(problemsOf(() => linkWorkerAccount(db, { actor: admin, userId, workerId: ids.workers.chloe!, at }))).toEqual(["This account is already linked to another care worker"]);
    expect(problemsOf(() => updateUser(db, { actor: admin, id: userId, input: { name: "N", email: "old@example.org", role: "provider_manager", organisationId: ids.orgs.brightside, professionalRegistration: null, jobTitle: "" }, at }))[0]).toMatch(/Unlink it/);

    expect(unlinkWorkerAccount(db, { actor: admin, userId, at })).toBe(true);
    expect(loadActor(db, userId)?.workerId).toBeNull();
  });
});

describe("password reset by email (hazard H32)", () => {
  it("sends a single-use link to an active account; the new password ends every session and every other link", async () => {
    const { db, ids, at } = await demoDatabase();
    const manager = db.select().from(users).where(eq(users.id, ids.users.manager)).get()!;
    db.insert(sessions).values({ id: "elsewhere", userId: manager.id, lastSeenAt: at.toISOString(), expiresAt: new Date(at.getTime() + DAY).toISOString() }).run();
    expect(requestPasswordReset(db, { email: "MANAGER@example.org", ipAddress: "192.0.2.1", at, publicUrl: PUBLIC })).toBe("sent");
    const first = tokenIn(lastMail(db, "manager@example.org")!.body, "/reset-password");
    const secondAt = new Date(at.getTime() + 5 * 60_000);
    expect(requestPasswordReset(db, { email: "manager@example.org", ipAddress: "192.0.2.1", at: secondAt, publicUrl: PUBLIC })).toBe("sent");
    const second = tokenIn(lastMail(db, "manager@example.org")!.body, "/reset-password");
    expect(db.select().from(passwordResets).where(eq(passwordResets.tokenHash, hashSecretToken(second))).get()).toBeDefined();
    expect(JSON.stringify(db.select().from(passwordResets).all())).not.toContain(second);

    expect(findPasswordReset(db, { token: second, now: secondAt })).toEqual({ email: "manager@example.org" });
    expect(resetPassword(db, { token: second, passwordHash: "scrypt$new", at: secondAt })).toEqual({ userId: manager.id });
    expect(db.select().from(users).where(eq(users.id, manager.id)).get()?.passwordHash).toBe("scrypt$new");
    expect(db.select().from(sessions).where(and(eq(sessions.userId, manager.id), isNull(sessions.endedAt))).all()).toEqual([]);
    // Used: the same link again, and the earlier one, do nothing.
    expect(resetPassword(db, { token: second, passwordHash: "scrypt$again", at: secondAt })).toBeNull();
    expect(resetPassword(db, { token: first, passwordHash: "scrypt$again", at: secondAt })).toBeNull();
    expect(db.select().from(users).where(eq(users.id, manager.id)).get()?.passwordHash).toBe("scrypt$new");
  });

  it("a link expires after an hour", async () => {
    const { db, at } = await demoDatabase();
    requestPasswordReset(db, { email: "nurse@example.org", ipAddress: "192.0.2.1", at, publicUrl: PUBLIC });
    const token = tokenIn(lastMail(db, "nurse@example.org")!.body, "/reset-password");
    expect(findPasswordReset(db, { token, now: new Date(at.getTime() + 60 * 60_000) })).toBeNull();
    expect(resetPassword(db, { token, passwordHash: "h", at: new Date(at.getTime() + 60 * 60_000) })).toBeNull();
  });

  it("no link for an unknown email or an inactive account", async () => {
    const { db, ids, at } = await demoDatabase();
    db.update(users).set({ active: false }).where(eq(users.id, ids.users.manager2)).run();
    const before = db.select().from(outbox).all().length;
    expect(requestPasswordReset(db, { email: "nobody@example.org", ipAddress: "192.0.2.1", at, publicUrl: PUBLIC })).toBe("no_account");
    expect(requestPasswordReset(db, { email: "manager2@example.org", ipAddress: "192.0.2.1", at, publicUrl: PUBLIC })).toBe("no_account");
    expect(db.select().from(outbox).all().length).toBe(before);
  });

  it("is throttled per email (and a double click sends one email) and per address", async () => {
    const { db, at } = await demoDatabase();
    const ask = (email: string, ip: string, minutes: number) => requestPasswordReset(db, { email, ipAddress: ip, at: new Date(at.getTime() + minutes * 60_000), publicUrl: PUBLIC });
    expect(ask("nurse@example.org", "192.0.2.1", 0)).toBe("sent");
    expect(ask("nurse@example.org", "192.0.2.2", 0.5)).toBe("email_throttled");
    expect(ask("nurse@example.org", "192.0.2.3", 2)).toBe("sent");
    expect(ask("nurse@example.org", "192.0.2.4", 4)).toBe("sent");
    expect(ask("nurse@example.org", "192.0.2.5", 6)).toBe("email_throttled");
    expect(ask("nurse@example.org", "192.0.2.5", 61)).toBe("sent");
    for (let i = 0; i < PASSWORD_RESET_LIMITS.address.requests; i++) ask(`made-up-${i}@example.org`, "198.51.100.7", 100);
    expect(ask("facilitator@example.org", "198.51.100.7", 101)).toBe("address_throttled");
    expect(ask("facilitator@example.org", "198.51.100.8", 101)).toBe("sent");
    expect(ask("admin@example.org", "198.51.100.7", 116)).toBe("sent");
  });

  it("deactivating a user or changing the password ends their waiting links, for good", async () => {
    const { db, ids, actorFor, at } = await demoDatabase();
    const link = (email: string, minutes: number) => {
      requestPasswordReset(db, { email, ipAddress: "192.0.2.1", at: new Date(at.getTime() + minutes * 60_000), publicUrl: PUBLIC });
      return tokenIn(lastMail(db, email)!.body, "/reset-password");
    };
    const nurseLink = link("nurse@example.org", 0);
    changePassword(db, { userId: ids.users.nurse, passwordHash: "scrypt$changed", keepSessionId: null, at });
    expect(findPasswordReset(db, { token: nurseLink, now: at })).toBeNull();

    const managerLink = link("manager2@example.org", 0);
    setUserActive(db, { actor: actorFor(ids.users.admin), id: ids.users.manager2, active: false, at });
    setUserActive(db, { actor: actorFor(ids.users.admin), id: ids.users.manager2, active: true, at });
    expect(findPasswordReset(db, { token: managerLink, now: at })).toBeNull();
  });
});
