/**
 * Organisations' sign-in services (OpenID Connect), the accounts' remembered subjects at them,
 * and the sign-ins sent to them and not yet back (docs/decisions/022-sign-in-with-the-organisations-account.md).
 */
import { and, asc, eq, inArray, isNull, lt } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { PENDING_SIGN_IN_MINUTES, providerUsable, secretVariableName, type CandidateAccount, type ProviderAnswer } from "~/domain/single-sign-on";
import type { IdentityProviderInput } from "~/forms/identity-provider.server";
import type { SignInRefusal } from "~/content/single-sign-on";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { identityLinks, identityProviderOrganisations, identityProviders, organisations, organisationSignIns, sessions, users } from "~db/tables";

export type IdentityProvider = typeof identityProviders.$inferSelect & { organisationIds: number[]; secretSet: boolean };

/** The client secret of a provider: only ever from the environment (`SSO_<KEY>_CLIENT_SECRET`). */
export function clientSecretFor(key: string, env: Record<string, string | undefined> = process.env): string | null {
  const value = env[secretVariableName(key)]?.trim();
  return value ? value : null;
}

async function withOrganisations(db: Db, rows: (typeof identityProviders.$inferSelect)[]): Promise<IdentityProvider[]> {
  if (!rows.length) return [];
  const links = await db
    .select()
    .from(identityProviderOrganisations)
    .where(inArray(identityProviderOrganisations.providerId, rows.map((r) => r.id)));
  return rows.map((r) => ({
    ...r,
    organisationIds: links.filter((l) => l.providerId === r.id).map((l) => l.organisationId),
    secretSet: clientSecretFor(r.key) !== null,
  }));
}

export async function listProviders(db: Db): Promise<IdentityProvider[]> {
  return await withOrganisations(db, await db.select().from(identityProviders).orderBy(asc(identityProviders.name)));
}

/** The origins of the sign-in services offered on /login (https, or http on this machine), for its form-action. */
export async function signInServiceOrigins(db: Db): Promise<string[]> {
  return [...new Set((await listProviders(db)).filter(providerUsable).map((p) => new URL(p.issuer).origin))];
}

export async function getProvider(db: Db, id: number): Promise<IdentityProvider | null> {
  const row = await first(db.select().from(identityProviders).where(eq(identityProviders.id, id)).limit(1));
  return row ? (await withOrganisations(db, [row]))[0]! : null;
}

export async function getProviderByKey(db: Db, key: string): Promise<IdentityProvider | null> {
  const row = await first(db.select().from(identityProviders).where(eq(identityProviders.key, key)).limit(1));
  return row ? (await withOrganisations(db, [row]))[0]! : null;
}

export class DuplicateProviderKeyError extends Error {}

async function keyTaken(db: Db, key: string, exceptId: number | null): Promise<boolean> {
  const row = await first(db.select({ id: identityProviders.id }).from(identityProviders).where(eq(identityProviders.key, key)).limit(1));
  return !!row && row.id !== exceptId;
}

/** Only organisations that exist are kept, so a made-up id changes nothing. */
async function knownOrganisations(db: Db, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  return (await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, [...new Set(ids)]))).map((o) => o.id);
}

async function setOrganisations(tx: Db, providerId: number, ids: number[]) {
  await tx.delete(identityProviderOrganisations).where(eq(identityProviderOrganisations.providerId, providerId));
  for (const organisationId of await knownOrganisations(tx, ids)) await tx.insert(identityProviderOrganisations).values({ providerId, organisationId });
}

function auditDetails(input: IdentityProviderInput) {
  const { organisationIds, ...rest } = input;
  return { ...rest, organisationIds: [...new Set(organisationIds)].sort((a, b) => a - b) };
}

export async function createProvider(db: Db, { actor, input, at }: { actor: Actor; input: IdentityProviderInput; at: Date }): Promise<number> {
  return await inTransaction(db, async (tx) => {
    if (await keyTaken(tx, input.key, null)) throw new DuplicateProviderKeyError();
    const { organisationIds, ...values } = input;
    const id = (await inserted(tx
      .insert(identityProviders)
      .values({ ...values, createdAt: at.toISOString(), updatedAt: at.toISOString() })
      .returning({ id: identityProviders.id }))).id;
    await setOrganisations(tx, id, organisationIds);
    await recordAudit(tx, { actorId: actor.userId, action: "identity_provider.create", entityType: "identity_provider", entityId: id, details: auditDetails(input), at });
    return id;
  });
}

export async function updateProvider(db: Db, { actor, id, input, at }: { actor: Actor; id: number; input: IdentityProviderInput; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const existing = await first(tx.select({ id: identityProviders.id }).from(identityProviders).where(eq(identityProviders.id, id)).limit(1));
    if (!existing) return null;
    if (await keyTaken(tx, input.key, id)) throw new DuplicateProviderKeyError();
    const { organisationIds, ...values } = input;
    await tx.update(identityProviders).set({ ...values, updatedAt: at.toISOString() }).where(eq(identityProviders.id, id));
    await setOrganisations(tx, id, organisationIds);
    await recordAudit(tx, { actorId: actor.userId, action: "identity_provider.update", entityType: "identity_provider", entityId: id, details: auditDetails(input), at });
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Who an answer is about

async function candidate(db: Db, where: ReturnType<typeof eq>, providerId: number): Promise<CandidateAccount | null> {
  const row = await first(db
    .select({ id: users.id, active: users.active, role: users.role, organisationId: users.organisationId, subject: identityLinks.subject })
    .from(users)
    .leftJoin(identityLinks, and(eq(identityLinks.userId, users.id), eq(identityLinks.providerId, providerId)))
    .where(where).limit(1));
  return row ?? null;
}

/** The account that remembers this subject at this provider, and the account with this email. */
export async function findCandidates(db: Db, providerId: number, answer: ProviderAnswer) {
  return {
    bySubject: await candidate(db, eq(identityLinks.subject, answer.subject), providerId),
    byEmail: answer.email ? await candidate(db, eq(users.email, answer.email), providerId) : null,
  };
}

/** The account now remembers its subject at this provider (first sign-in), or notes the link was used. */
export async function rememberSubject(db: Db, { userId, providerId, subject, at, isNew }: { userId: number; providerId: number; subject: string; at: Date; isNew: boolean }) {
  await inTransaction(db, async (tx) => {
    if (isNew) {
      await tx.insert(identityLinks).values({ userId, providerId, subject, createdAt: at.toISOString(), lastUsedAt: at.toISOString() });
      await recordAudit(tx, { actorId: userId, action: "user.link_identity", entityType: "user", entityId: userId, details: { identityProviderId: providerId }, at });
    } else {
      await tx.update(identityLinks).set({ lastUsedAt: at.toISOString() }).where(and(eq(identityLinks.providerId, providerId), eq(identityLinks.subject, subject)));
    }
  });
}

/** A refused sign-in with an organisation's account, in the audit trail (nobody signed in). */
export async function recordRefusedSignIn(db: Db, { providerId, userId, reason, at }: { providerId: number | null; userId: number | null; reason: SignInRefusal; at: Date }) {
  await inTransaction(db, async (tx) => {
    await recordAudit(tx, {
      actorId: null,
      action: "user.sign_in_refused",
      entityType: userId !== null ? "user" : "identity_provider",
      entityId: userId ?? providerId ?? 0,
      details: { reason, ...(providerId !== null ? { identityProviderId: providerId } : {}) },
      at,
    });
  });
}

/** The organisation accounts linked to a user, for the admin's user page. */
export async function linksOfUser(db: Db, userId: number) {
  return await db
    .select({ id: identityLinks.id, providerName: identityProviders.name, createdAt: identityLinks.createdAt, lastUsedAt: identityLinks.lastUsedAt })
    .from(identityLinks)
    .innerJoin(identityProviders, eq(identityProviders.id, identityLinks.providerId))
    .where(eq(identityLinks.userId, userId))
    .orderBy(asc(identityProviders.name));
}

/**
 * An administrator unlinks an organisation account (linked to the wrong person, or the person's
 * account there changed): the next sign-in with it finds the account by email again. Sessions
 * started with it end.
 */
export async function unlinkIdentity(db: Db, { actor, userId, linkId, at }: { actor: Actor; userId: number; linkId: number; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const link = await first(tx.select().from(identityLinks).where(and(eq(identityLinks.id, linkId), eq(identityLinks.userId, userId))).limit(1));
    if (!link) return null;
    await tx.delete(identityLinks).where(eq(identityLinks.id, linkId));
    await tx.update(sessions)
      .set({ endedAt: at.toISOString() })
      .where(and(eq(sessions.userId, userId), eq(sessions.identityProviderId, link.providerId), isNull(sessions.endedAt)));
    await recordAudit(tx, { actorId: actor.userId, action: "user.unlink_identity", entityType: "user", entityId: userId, details: { identityProviderId: link.providerId }, at });
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Sign-ins sent to a provider and not yet back

export type PendingSignIn = typeof organisationSignIns.$inferSelect;

export async function createPendingSignIn(
  db: Db,
  { id, providerId, state, nonce, codeVerifier, redirectTo, at }: { id: string; providerId: number; state: string; nonce: string; codeVerifier: string; redirectTo: string; at: Date },
) {
  await inTransaction(db, async (tx) => {
    // Expired ones are of no use to anyone: keep the table small.
    await tx.delete(organisationSignIns).where(lt(organisationSignIns.expiresAt, at.toISOString()));
    await tx.insert(organisationSignIns)
      .values({ id, providerId, state, nonce, codeVerifier, redirectTo, createdAt: at.toISOString(), expiresAt: new Date(at.getTime() + PENDING_SIGN_IN_MINUTES * 60_000).toISOString() });
  });
}

/**
 * Takes the pending sign-in with this id for `providerId`: once only, and only before it
 * expires. Null when it is unknown, for another provider, used or expired; using it (or trying
 * to) marks it used, so a replayed answer finds nothing.
 */
export async function takePendingSignIn(db: Db, { id, providerId, at }: { id: string; providerId: number; at: Date }): Promise<PendingSignIn | null> {
  return await inTransaction(db, async (tx) => {
    const row = await first(tx.select().from(organisationSignIns).where(eq(organisationSignIns.id, id)).limit(1));
    if (!row || row.usedAt) return null;
    await tx.update(organisationSignIns).set({ usedAt: at.toISOString() }).where(eq(organisationSignIns.id, id));
    if (row.providerId !== providerId || at.toISOString() >= row.expiresAt) return null;
    return row;
  });
}

/** Which provider a session came from (for "Sign out of … too"), or null. */
export async function sessionProvider(db: Db, sessionId: string): Promise<IdentityProvider | null> {
  const row = await first(db.select({ providerId: sessions.identityProviderId }).from(sessions).where(eq(sessions.id, sessionId)).limit(1));
  return row?.providerId ? await getProvider(db, row.providerId) : null;
}
