import { inserted } from "~/models/transaction.server";
/**
 * The demo's sign-in service: "NHS Care Identity Service 2 (demo)", a real OpenID provider that
 * runs inside the demo server at /demo-sign-in (scripts/identity-provider.ts) and never outside
 * demo mode. The NHS teams' people can use it, so a newcomer can try "Sign in with …" at /login.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { secretVariableName } from "~/domain/single-sign-on";
import { recordAudit } from "~/models/audit-log.server";
import type { Db } from "./client";
import { localFilesFolder } from "./engine-name";
import { identityProviderOrganisations, identityProviders, organisations, users } from "./tables";

export const DEMO_PROVIDER = { key: "cis2-demo", name: "NHS Care Identity Service 2 (demo)", clientId: "delegated-care-demo", path: "/demo-sign-in" } as const;

export function demoIssuer(publicUrl: string): string {
  return `${publicUrl}${DEMO_PROVIDER.path}`;
}

/** Adds the demo sign-in service, for the NHS teams. Part of the demo data, written once. */
export async function seedDemoIdentityProvider(tx: Db, { publicUrl, adminId, at }: { publicUrl: string; adminId: number; at: Date }) {
  const input = { key: DEMO_PROVIDER.key, name: DEMO_PROVIDER.name, issuer: demoIssuer(publicUrl), clientId: DEMO_PROVIDER.clientId, emailClaim: "email", adminsMayUse: false, enabled: true, required: false };
  const id = (await inserted(tx
    .insert(identityProviders)
    .values({ ...input, createdAt: at.toISOString(), updatedAt: at.toISOString() })
    .returning({ id: identityProviders.id }))).id;
  const teams = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, "nhs_team"));
  for (const t of teams) await tx.insert(identityProviderOrganisations).values({ providerId: id, organisationId: t.id });
  await recordAudit(tx, { actorId: adminId, action: "identity_provider.create", entityType: "identity_provider", entityId: id, details: { ...input, organisationIds: teams.map((t) => t.id) }, at });
}

/** The demo answers where it runs now: its issuer follows PUBLIC_URL (or the port) from one start to the next. */
export async function followDemoAddress(db: Db, publicUrl: string) {
  await db.update(identityProviders)
    .set({ issuer: demoIssuer(publicUrl) })
    .where(and(eq(identityProviders.key, DEMO_PROVIDER.key), eq(identityProviders.clientId, DEMO_PROVIDER.clientId)));
}

/**
 * The demo sign-in service's client secret, generated once and kept beside the database like the
 * demo session secret (mode 600), and handed to the app as any provider's secret is: in
 * SSO_CIS2_DEMO_CLIENT_SECRET, unless that is already set.
 */
export function demoClientSecret(databaseUrl: string, env: Record<string, string | undefined> = process.env): string {
  const variable = secretVariableName(DEMO_PROVIDER.key);
  const given = env[variable]?.trim();
  if (given) return given;
  const folder = localFilesFolder(databaseUrl);
  const file = path.join(folder, "demo-sign-in-secret");
  let secret: string;
  if (fs.existsSync(file)) secret = fs.readFileSync(file, "utf8").trim();
  else {
    fs.mkdirSync(folder, { recursive: true });
    secret = crypto.randomBytes(32).toString("hex");
    fs.writeFileSync(file, secret, { mode: 0o600 });
  }
  env[variable] = secret;
  return secret;
}

/** Everyone who can sign in to the demo, as the demo sign-in service lists them (no password: it is a demo). */
export async function demoAccounts(db: Db) {
  return (await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(users.email))
    .map((u) => ({ sub: `demo-${crypto.createHash("sha256").update(u.email).digest("hex").slice(0, 16)}`, email: u.email, name: u.name }));
}
