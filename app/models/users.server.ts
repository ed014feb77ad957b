import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { ROLE_ORGANISATION_KIND, type Role } from "~/domain/roles";
import { inTransaction, recordAudit } from "~/services/audit.server";
import type { Db } from "~db/client";
import { careWorkers, facilitatorTeams, organisations, sessions, users } from "~db/schema";

export type User = typeof users.$inferSelect;

export type UserInput = {
  name: string;
  email: string;
  role: Role;
  organisationId: number | null;
  professionalRegistration: string | null;
  jobTitle: string;
};

export class DuplicateEmailError extends Error {}
export class OrganisationMismatchError extends Error {}

/** A nurse or facilitator belongs to an NHS team; a provider manager or care worker to a provider. */
function assertOrganisationFits(db: Db, input: UserInput) {
  const kind = ROLE_ORGANISATION_KIND[input.role];
  if (!kind) return;
  const org = input.organisationId
    ? db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, input.organisationId)).get()
    : undefined;
  if (!org || org.kind !== kind) {
    throw new OrganisationMismatchError(kind === "provider" ? "Select a care provider for this role" : "Select an NHS team for this role");
  }
}

export function findUserByEmail(db: Db, email: string) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get() ?? null;
}

/** Builds the actor for a signed-in user: their organisation, the teams they act for, their worker record. */
export function loadActor(db: Db, userId: number): Actor | null {
  const row = db
    .select({ user: users, organisationName: organisations.name })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .get();
  if (!row) return null;
  const { user } = row;
  let teamIds: number[] = [];
  if (user.role === "nurse" && user.organisationId) teamIds = [user.organisationId];
  if (user.role === "facilitator" && user.organisationId) {
    const served = db.select({ id: facilitatorTeams.teamId }).from(facilitatorTeams).where(eq(facilitatorTeams.userId, user.id)).all();
    teamIds = [...new Set([user.organisationId, ...served.map((s) => s.id)])];
  }
  const worker =
    user.role === "care_worker"
      ? db.select({ id: careWorkers.id }).from(careWorkers).where(eq(careWorkers.userId, user.id)).get()
      : undefined;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: row.organisationName ?? "",
    teamIds,
    workerId: worker?.id ?? null,
  };
}

export function listUsers(db: Db, { role, organisationId }: { role?: Role; organisationId?: number } = {}) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      organisationName: organisations.name,
      lastSignedInAt: users.lastSignedInAt,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(role ? eq(users.role, role) : undefined, organisationId ? eq(users.organisationId, organisationId) : undefined))
    .orderBy(asc(users.name))
    .all();
}

export function getUser(db: Db, id: number) {
  return (
    db
      .select({ user: users, organisationName: organisations.name })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.id, id))
      .get() ?? null
  );
}

export function createUser(
  db: Db,
  { actor, input, passwordHash, at }: { actor: Actor; input: UserInput; passwordHash: string; at: Date },
): number {
  return inTransaction(db, (tx) => {
    if (findUserByEmail(tx, input.email)) throw new DuplicateEmailError();
    assertOrganisationFits(tx, input);
    const row = tx
      .insert(users)
      .values({ ...input, email: input.email.toLowerCase(), passwordHash, passwordChangedAt: at.toISOString() })
      .returning({ id: users.id })
      .get();
    recordAudit(tx, { actorId: actor.userId, action: "user.create", entityType: "user", entityId: row.id, details: { email: input.email.toLowerCase(), role: input.role, organisationId: input.organisationId }, at });
    return row.id;
  });
}

export function updateUser(db: Db, { actor, id, input, at }: { actor: Actor; id: number; input: UserInput; at: Date }): boolean {
  return inTransaction(db, (tx) => {
    const existing = tx.select().from(users).where(eq(users.id, id)).get();
    if (!existing) return false;
    const clash = findUserByEmail(tx, input.email);
    if (clash && clash.id !== id) throw new DuplicateEmailError();
    assertOrganisationFits(tx, input);
    tx.update(users).set({ ...input, email: input.email.toLowerCase(), updatedAt: at.toISOString() }).where(eq(users.id, id)).run();
    // A change of role or organisation changes what the user may see: end their sessions.
    if (existing.role !== input.role || existing.organisationId !== input.organisationId) endSessionsOf(tx, id, at);
    recordAudit(tx, { actorId: actor.userId, action: "user.update", entityType: "user", entityId: id, details: { role: input.role, organisationId: input.organisationId }, at });
    return true;
  });
}

export function setUserActive(db: Db, { actor, id, active, at }: { actor: Actor; id: number; active: boolean; at: Date }): boolean {
  return inTransaction(db, (tx) => {
    const existing = tx.select({ id: users.id }).from(users).where(eq(users.id, id)).get();
    if (!existing) return false;
    tx.update(users).set({ active, updatedAt: at.toISOString() }).where(eq(users.id, id)).run();
    if (!active) endSessionsOf(tx, id, at);
    recordAudit(tx, { actorId: actor.userId, action: active ? "user.reactivate" : "user.deactivate", entityType: "user", entityId: id, at });
    return true;
  });
}

export function endSessionsOf(db: Db, userId: number, at: Date) {
  db.update(sessions)
    .set({ endedAt: at.toISOString() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .run();
}

/** A user changes their own password; their other sessions end, this one is kept. */
export function changePassword(db: Db, { userId, passwordHash, keepSessionId, at }: { userId: number; passwordHash: string; keepSessionId: string | null; at: Date }) {
  inTransaction(db, (tx) => {
    tx.update(users).set({ passwordHash, passwordChangedAt: at.toISOString(), updatedAt: at.toISOString() }).where(eq(users.id, userId)).run();
    tx.update(sessions)
      .set({ endedAt: at.toISOString() })
      .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
      .run();
    recordAudit(tx, { actorId: userId, action: "user.change_password", entityType: "user", entityId: userId, at });
  });
}
