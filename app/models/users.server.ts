import { and, asc, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { linkProblem } from "~/domain/accounts";
import type { Actor } from "~/domain/actor";
import { can, ROLE_ORGANISATION_KIND, type Role } from "~/domain/roles";
import { LINK_PROBLEM_MESSAGES } from "~/content/accounts";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { labelled, workerLabelColumns } from "./worker-names.server";
import { careWorkers, facilitatorTeams, organisations, passwordResets, sessions, users } from "~db/tables";
import { RuleError } from "./errors.server";

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

/**
 * A care worker's account signs as one care worker record (docs/domain.md rule 2), so it is made
 * only from an invitation sent from the worker's page, which links the two; never as a loose
 * account with no record (it would see nothing and could sign nothing).
 */
export const CARE_WORKER_BY_INVITATION =
  "Care workers get their sign-in by invitation: open the care worker in Care workers and choose Invite to sign in";

/** The worker record a care worker account signs as. */
async function linkedWorker(db: Db, userId: number) {
  return await first(db.select({ id: careWorkers.id, name: careWorkers.name, providerId: careWorkers.providerId }).from(careWorkers).where(eq(careWorkers.userId, userId)).limit(1)) ?? null;
}

/** A nurse or facilitator belongs to an NHS team; a provider manager or care worker to a provider. */
async function assertOrganisationFits(db: Db, input: UserInput) {
  const kind = ROLE_ORGANISATION_KIND[input.role];
  if (!kind) return;
  const org = input.organisationId
    ? await first(db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, input.organisationId)).limit(1))
    : undefined;
  if (!org || org.kind !== kind) {
    throw new OrganisationMismatchError(kind === "provider" ? "Select a care provider for this role" : "Select an NHS team for this role");
  }
}

export async function findUserByEmail(db: Db, email: string) {
  return await first(db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1)) ?? null;
}

/** Builds the actor for a signed-in user: their organisation, the teams they act for, their worker record. */
export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const row = await first(db
    .select({ user: users, organisationName: organisations.name })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, userId), eq(users.active, true))).limit(1));
  if (!row) return null;
  const { user } = row;
  let teamIds: number[] = [];
  if (user.role === "nurse" && user.organisationId) teamIds = [user.organisationId];
  if (user.role === "facilitator" && user.organisationId) {
    const served = await db.select({ id: facilitatorTeams.teamId }).from(facilitatorTeams).where(eq(facilitatorTeams.userId, user.id));
    teamIds = [...new Set([user.organisationId, ...served.map((s) => s.id)])];
  }
  const worker =
    user.role === "care_worker"
      ? await first(db.select({ id: careWorkers.id }).from(careWorkers).where(eq(careWorkers.userId, user.id)).limit(1))
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

export async function listUsers(db: Db, { role, organisationId }: { role?: Role; organisationId?: number } = {}) {
  return await db
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
    .orderBy(asc(users.name));
}

export async function getUser(db: Db, id: number) {
  return (
    await first(db
      .select({ user: users, organisationName: organisations.name })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.id, id)).limit(1)) ?? null
  );
}

export async function createUser(
  db: Db,
  { actor, input, passwordHash, at }: { actor: Actor; input: UserInput; passwordHash: string; at: Date },
): Promise<number> {
  return await inTransaction(db, async (tx) => {
    if (input.role === "care_worker") throw new RuleError([{ field: "role", message: CARE_WORKER_BY_INVITATION }]);
    if (await findUserByEmail(tx, input.email)) throw new DuplicateEmailError();
    await assertOrganisationFits(tx, input);
    const row = await inserted(tx
      .insert(users)
      .values({ ...input, email: input.email.toLowerCase(), passwordHash, passwordChangedAt: at.toISOString() })
      .returning({ id: users.id }));
    await recordAudit(tx, { actorId: actor.userId, action: "user.create", entityType: "user", entityId: row.id, details: { email: input.email.toLowerCase(), role: input.role, organisationId: input.organisationId }, at });
    return row.id;
  });
}

export async function updateUser(db: Db, { actor, id, input, at }: { actor: Actor; id: number; input: UserInput; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const existing = await first(tx.select().from(users).where(eq(users.id, id)).limit(1));
    if (!existing) return null;
    const clash = await findUserByEmail(tx, input.email);
    if (clash && clash.id !== id) throw new DuplicateEmailError();
    await assertOrganisationFits(tx, input);
    // A linked account stays the worker's: same role, same provider (unlink it first to change them).
    const worker = await linkedWorker(tx, id);
    if (worker && (input.role !== "care_worker" || input.organisationId !== worker.providerId)) {
      throw new RuleError([{ field: input.role !== "care_worker" ? "role" : "organisationId", message: `This account signs in as the care worker ${worker.name}. Unlink it from the care worker before changing its role or organisation` }]);
    }
    if (input.role === "care_worker" && existing.role !== "care_worker") throw new RuleError([{ field: "role", message: CARE_WORKER_BY_INVITATION }]);
    await tx.update(users).set({ ...input, email: input.email.toLowerCase(), updatedAt: at.toISOString() }).where(eq(users.id, id));
    // A change of role or organisation changes what the user may see: end their sessions.
    if (existing.role !== input.role || existing.organisationId !== input.organisationId) await endSessionsOf(tx, id, at);
    await recordAudit(tx, { actorId: actor.userId, action: "user.update", entityType: "user", entityId: id, details: { role: input.role, organisationId: input.organisationId }, at });
    return true;
  });
}

export async function setUserActive(db: Db, { actor, id, active, at }: { actor: Actor; id: number; active: boolean; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const existing = await first(tx.select({ id: users.id }).from(users).where(eq(users.id, id)).limit(1));
    if (!existing) return null;
    await tx.update(users).set({ active, updatedAt: at.toISOString() }).where(eq(users.id, id));
    if (!active) {
      await endSessionsOf(tx, id, at);
      await endPasswordResetsOf(tx, id, at);
    }
    await recordAudit(tx, { actorId: actor.userId, action: active ? "user.reactivate" : "user.deactivate", entityType: "user", entityId: id, at });
    return true;
  });
}

export async function endSessionsOf(db: Db, userId: number, at: Date) {
  await inTransaction(db, async (tx) => {
    await tx.update(sessions)
      .set({ endedAt: at.toISOString() })
      .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
  });
}

/** A user changes their own password; their other sessions end, this one is kept. */
export async function changePassword(db: Db, { userId, passwordHash, keepSessionId, at }: { userId: number; passwordHash: string; keepSessionId: string | null; at: Date }) {
  await inTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: at.toISOString(), updatedAt: at.toISOString() }).where(eq(users.id, userId));
    await tx.update(sessions)
      .set({ endedAt: at.toISOString() })
      .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
    await endPasswordResetsOf(tx, userId, at);
    await recordAudit(tx, { actorId: userId, action: "user.change_password", entityType: "user", entityId: userId, at });
  });
}

/** Ends every unused password reset link of the user (after a reset, a change of password or deactivation). */
export async function endPasswordResetsOf(db: Db, userId: number, at: Date) {
  await inTransaction(db, async (tx) => {
    await tx.update(passwordResets)
      .set({ usedAt: at.toISOString() })
      .where(and(eq(passwordResets.userId, userId), isNotNull(passwordResets.tokenHash), isNull(passwordResets.usedAt)));
  });
}

/** For a care worker account: the record it signs as, or the records of its provider it could be linked to. */
export async function getWorkerLink(db: Db, userId: number) {
  const user = await first(db.select({ role: users.role, organisationId: users.organisationId }).from(users).where(eq(users.id, userId)).limit(1));
  if (!user || user.role !== "care_worker") return null;
  const linked = await linkedWorker(db, userId);
  const candidates = linked
    ? []
    : // Same-named workers carry their staff number, so the account is linked to the right one (hazard H43).
      labelled(
        await db
          .select({ id: careWorkers.id, ...workerLabelColumns() })
          .from(careWorkers)
          .where(and(eq(careWorkers.providerId, user.organisationId ?? -1), eq(careWorkers.status, "active"), isNull(careWorkers.userId)))
          .orderBy(asc(careWorkers.name), asc(careWorkers.staffNumber)),
      ).map(({ id, name }) => ({ id, name }));
  return { linked, candidates };
}

/**
 * An administrator links an existing care worker account to a worker record (docs/domain.md
 * rule 2; hazard H31): only when `linkProblem` finds nothing. The user's sessions end, so they
 * sign in again as that worker. Null when the user or worker does not exist.
 */
export async function linkWorkerAccount(db: Db, { actor, userId, workerId, at }: { actor: Actor; userId: number; workerId: number; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    if (!can(actor.role, "manage", "user")) return null;
    const user = await first(tx.select().from(users).where(eq(users.id, userId)).limit(1));
    const worker = await first(tx.select().from(careWorkers).where(eq(careWorkers.id, workerId)).limit(1));
    if (!user || !worker) return null;
    const problem = linkProblem(worker, { role: user.role, organisationId: user.organisationId, active: user.active, linkedWorkerId: (await linkedWorker(tx, userId))?.id ?? null });
    if (problem) throw new RuleError([{ field: "workerId", message: LINK_PROBLEM_MESSAGES[problem] }]);
    await tx.update(careWorkers).set({ userId, updatedAt: at.toISOString() }).where(and(eq(careWorkers.id, workerId), isNull(careWorkers.userId)));
    await endSessionsOf(tx, userId, at);
    await recordAudit(tx, { actorId: actor.userId, action: "user.link_worker", entityType: "user", entityId: userId, details: { workerId }, at });
    await recordAudit(tx, { actorId: actor.userId, action: "worker.link_account", entityType: "worker", entityId: workerId, details: { userId }, at });
    return true;
  });
}

/** An administrator unlinks a care worker account from its record (a link made in error); its sessions end. */
export async function unlinkWorkerAccount(db: Db, { actor, userId, at }: { actor: Actor; userId: number; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    if (!can(actor.role, "manage", "user")) return null;
    const worker = await linkedWorker(tx, userId);
    if (!worker) return null;
    await tx.update(careWorkers).set({ userId: null, updatedAt: at.toISOString() }).where(eq(careWorkers.id, worker.id));
    await endSessionsOf(tx, userId, at);
    await recordAudit(tx, { actorId: actor.userId, action: "user.unlink_worker", entityType: "user", entityId: userId, details: { workerId: worker.id }, at });
    await recordAudit(tx, { actorId: actor.userId, action: "worker.unlink_account", entityType: "worker", entityId: worker.id, details: { userId }, at });
    return true;
  });
}
