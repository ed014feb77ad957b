/**
 * The whole sign-in with an organisation's account, against a real OpenID provider
 * (oidc-provider, in-process on a loopback port): its sign-in page is driven with fetch, as a
 * browser would, and the answer handed to the callback. No browser, no mock.
 */
import express from "express";
import type { Server } from "node:http";
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { IdentityProviderInput } from "~/forms/identity-provider.server";
import type { Actor } from "~/domain/actor";
import { createProvider, getProviderByKey, type IdentityProvider, updateProvider } from "~/models/identity-providers.server";
import { setUserActive } from "~/models/users.server";
import { requestPasswordReset } from "~/models/password-resets.server";
import { createTestDatabase } from "~db/test-db";
import { seedDemoData } from "~db/seed";
import { auditEvents, identityLinks, sessions, users } from "~db/tables";
import { cookieJar } from "../../scripts/test-support/cookie-jar";
import { freePort } from "../../scripts/test-support/server-process";
import { identityProviderRouter, type ProviderAccount } from "../../scripts/identity-provider";
import { fixedClock } from "./clock.server";
import type { AppContext } from "~/web/context.server";
import { createLogger } from "./log.server";
import { finishProviderSignIn, startProviderSignIn } from "./single-sign-on.server";

const PUBLIC_URL = "http://delegated-care.test";
const SECRET = "a-test-client-secret-of-some-length";
const ACCOUNTS: ProviderAccount[] = [
  { sub: "nurse-1", email: "nurse@example.org", name: "Priya Shah" },
  { sub: "south-1", email: "NURSE.SOUTH@example.org", name: "South nurse" },
  { sub: "nobody-1", email: "nobody@example.org", name: "Nobody" },
  { sub: "manager-1", email: "manager@example.org", name: "Manager" },
  { sub: "unverified-1", email: "facilitator@example.org", name: "Facilitator", emailVerified: false },
  { sub: "audience-1", email: "facilitator@example.org", name: "Facilitator", fault: "wrong_audience" },
  { sub: "expired-1", email: "facilitator@example.org", name: "Facilitator", fault: "expired" },
  { sub: "impostor-1", email: "nurse@example.org", name: "Someone else" },
];

let server: Server;
let issuer: string;

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  const app = express();
  app.use(
    identityProviderRouter({
      issuer,
      title: "Test sign-in service",
      client: { clientId: "delegated-care", clientSecret: SECRET, redirectUris: [`${PUBLIC_URL}/organisation-sign-in/test/callback`], postLogoutRedirectUris: [`${PUBLIC_URL}/login`] },
      accounts: ACCOUNTS,
      cookieSecret: "cookie-secret-for-the-test-provider",
    }),
  );
  await new Promise<void>((resolve) => (server = app.listen(port, "127.0.0.1", resolve)));
  process.env.SSO_TEST_CLIENT_SECRET = SECRET;
});

afterAll(async () => {
  delete process.env.SSO_TEST_CLIENT_SECRET;
  await new Promise((resolve) => server.close(resolve));
});

let context: AppContext;
let provider: IdentityProvider;
let ids: Awaited<ReturnType<typeof seedDemoData>>;
const admin = (id: number): Actor => ({ userId: id, name: "Admin", email: "admin@example.org", role: "admin", organisationId: null, organisationName: "", teamIds: [], workerId: null });

beforeEach(async () => {
  const { db } = await createTestDatabase();
  const clock = fixedClock(new Date());
  ids = await seedDemoData(db, { clock });
  const silent = new Writable({ write: (_c, _e, done) => done() });
  context = {
    db,
    clock,
    config: { production: false, demo: false, databaseUrl: ":memory:", port: 0, processes: 1, sessionSecret: "s".repeat(64), publicUrl: PUBLIC_URL, smtpUrl: null, mailFrom: "x", trustedProxies: [] },
    pdf: {} as AppContext["pdf"],
    clientAddress: "127.0.0.1",
    log: createLogger(silent),
  };
  const input: IdentityProviderInput = {
    name: "Test sign-in service",
    key: "test",
    issuer,
    clientId: "delegated-care",
    emailClaim: "email",
    organisationIds: [ids.orgs.north, ids.orgs.south],
    adminsMayUse: false,
    enabled: true,
    required: false,
  };
  await createProvider(db, { actor: admin(ids.users.admin), input, at: clock.now() });
  provider = (await getProviderByKey(db, "test"))!;
});

/** Starts at /login's button and walks the provider's pages as `sub`; returns the callback address and this browser's cookie for us. */
async function throughProvider(sub: string, redirectTo = "/") {
  const ours = cookieJar();
  const start = await startProviderSignIn(context, provider, redirectTo);
  expect(start.status).toBe(302);
  ours.take(start);
  const theirs = cookieJar();
  let url = start.headers.get("location")!;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(PUBLIC_URL)) return { callback: url, cookie: ours.header() };
    const page = await fetch(url, { redirect: "manual", headers: { cookie: theirs.header() } });
    theirs.take(page);
    if (page.status >= 300 && page.status < 400) {
      url = new URL(page.headers.get("location")!, url).href;
      continue;
    }
    const html = await page.text();
    expect(html).toContain(ACCOUNTS.find((a) => a.sub === sub)!.email);
    const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
    const chosen = await fetch(new URL(action, url), {
      method: "POST",
      redirect: "manual",
      headers: { cookie: theirs.header(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ account: sub }),
    });
    theirs.take(chosen);
    url = new URL(chosen.headers.get("location")!, url).href;
  }
  throw new Error("the provider never sent the browser back");
}

const callback = async (url: string, cookie: string) => await finishProviderSignIn(context, new Request(url, { headers: { cookie } }), "test");
const liveSessions = async () => (await context.db.select().from(sessions)).filter((s) => !s.endedAt);
const refusals = async () => await context.db.select().from(auditEvents).where(eq(auditEvents.action, "user.sign_in_refused"));

describe("signing in with an organisation's account, against a real OpenID provider", () => {
  it("signs the nurse in, to the page she asked for, remembering her subject and the provider on the session", async () => {
    const { callback: url, cookie } = await throughProvider("nurse-1", "/agreements");
    const response = await callback(url, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/agreements");
    expect(response.headers.getSetCookie().some((c) => c.startsWith("dc_session="))).toBe(true);
    const [session] = await liveSessions();
    expect(session).toMatchObject({ userId: ids.users.nurse, identityProviderId: provider.id });
    expect(await context.db.select().from(identityLinks)).toEqual([expect.objectContaining({ userId: ids.users.nurse, providerId: provider.id, subject: "nurse-1" })]);
    const actions = (await context.db.select({ action: auditEvents.action }).from(auditEvents)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["user.link_identity", "user.sign_in"]));
  });

  it("matches an email whatever its case, as the service stores it", async () => {
    const { callback: url, cookie } = await throughProvider("south-1");
    expect((await callback(url, cookie)).headers.get("location")).toBe("/");
    expect((await liveSessions())[0]?.userId).toBe(ids.users.nurseSouth);
  });

  it("refuses the same answer twice (a replayed state), and an answer brought to another browser", async () => {
    const first = await throughProvider("nurse-1");
    expect((await callback(first.callback, first.cookie)).status).toBe(302);
    const again = await callback(first.callback, first.cookie);
    expect(again.headers.get("location")).toBe("/login?refused=expired");
    expect(await liveSessions()).toHaveLength(1);

    const second = await throughProvider("nurse-1");
    const elsewhere = await throughProvider("nurse-1");
    // The answer meant for one browser, brought back in a browser that started a sign-in of its own.
    expect((await callback(second.callback, elsewhere.cookie)).headers.get("location")).toBe("/login?refused=expired");
    // And with no cookie at all.
    expect((await callback(elsewhere.callback, "")).headers.get("location")).toBe("/login?refused=expired");
    expect(await liveSessions()).toHaveLength(1);
  });

  it.each([
    ["audience-1", "not_checked"],
    ["expired-1", "not_checked"],
    ["nobody-1", "no_account"],
    ["manager-1", "organisation_not_allowed"],
    ["unverified-1", "email_unverified"],
  ])("refuses %s (%s), audited, signing nobody in", async (sub, reason) => {
    const { callback: url, cookie } = await throughProvider(sub);
    const response = await callback(url, cookie);
    expect(response.headers.get("location")).toBe(`/login?refused=${reason}`);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("dc_session="))).toBe(false);
    expect(await liveSessions()).toHaveLength(0);
    expect((await refusals()).map((r) => JSON.parse(r.details).reason)).toEqual([reason]);
  });

  it("refuses a deactivated account, and deactivating ends a session that began with the provider", async () => {
    const { callback: url, cookie } = await throughProvider("nurse-1");
    await callback(url, cookie);
    expect(await liveSessions()).toHaveLength(1);
    await setUserActive(context.db, { actor: admin(ids.users.admin), id: ids.users.nurse, active: false, at: new Date() });
    expect(await liveSessions()).toHaveLength(0);
    const later = await throughProvider("nurse-1");
    expect((await callback(later.callback, later.cookie)).headers.get("location")).toBe("/login?refused=deactivated");
    expect(await liveSessions()).toHaveLength(0);
  });

  it("refuses another subject with the email of an account that already remembers its own", async () => {
    const first = await throughProvider("nurse-1");
    await callback(first.callback, first.cookie);
    const impostor = await throughProvider("impostor-1");
    expect((await callback(impostor.callback, impostor.cookie)).headers.get("location")).toBe("/login?refused=different_subject");
    expect(await liveSessions()).toHaveLength(1);
  });

  it("does not offer a provider whose secret is not set", async () => {
    delete process.env.SSO_TEST_CLIENT_SECRET;
    try {
      const response = await startProviderSignIn(context, (await getProviderByKey(context.db, "test"))!, "/");
      expect(response.headers.get("location")).toBe("/login?refused=unavailable");
    } finally {
      process.env.SSO_TEST_CLIENT_SECRET = SECRET;
    }
  });

  it("when its people must use it, sends no password reset link to them (administrators still get one)", async () => {
    const input = { name: provider.name, key: provider.key, issuer: provider.issuer, clientId: provider.clientId, emailClaim: provider.emailClaim, organisationIds: provider.organisationIds, adminsMayUse: true, enabled: true, required: true };
    await updateProvider(context.db, { actor: admin(ids.users.admin), id: provider.id, input, at: new Date() });
    const ask = async (email: string) => await requestPasswordReset(context.db, { email, ipAddress: "127.0.0.1", at: new Date(), publicUrl: PUBLIC_URL });
    expect(await ask("nurse@example.org")).toBe("must_use_organisation_account");
    expect(await ask("manager@example.org")).toBe("sent");
    expect(await ask("admin@example.org")).toBe("sent");
  });

  it("never creates an account", async () => {
    const before = (await context.db.select().from(users)).length;
    const { callback: url, cookie } = await throughProvider("nobody-1");
    await callback(url, cookie);
    expect(await context.db.select().from(users)).toHaveLength(before);
  });
});
