import { and, asc, count, eq, like, ne, or } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { can } from "~/domain/roles";
import { sameNameKey, staffNumberProblem } from "~/domain/worker-labels";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { RuleError } from "./errors.server";
import { careWorkers, organisations, users } from "~db/tables";
import { followUpCompetencyChange } from "./competency-follow-up.server";
import { providerChoiceScope, workerScope } from "./scope.server";
import { namesakesSql } from "./worker-names.server";

export type WorkerStatus = (typeof careWorkers.$inferSelect)["status"];

export type WorkerInput = {
  providerId: number;
  name: string;
  /** Required when another worker at the provider has the same name (app/domain/worker-labels.ts). */
  staffNumber?: string | null;
  jobTitle: string;
  careCertificateOn: string | null;
  joinedOn: string | null;
  status: WorkerStatus;
  leftOn: string | null;
};

export async function listWorkers(
  db: Db,
  { actor, q, providerId, status }: { actor: Actor; q?: string; providerId?: number; status?: WorkerStatus },
) {
  return await db
    .select({
      id: careWorkers.id,
      name: careWorkers.name,
      staffNumber: careWorkers.staffNumber,
      namesakes: namesakesSql(),
      jobTitle: careWorkers.jobTitle,
      status: careWorkers.status,
      providerId: careWorkers.providerId,
      providerName: organisations.name,
    })
    .from(careWorkers)
    .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
    .where(
      and(
        workerScope(actor),
        providerId ? eq(careWorkers.providerId, providerId) : undefined,
        status ? eq(careWorkers.status, status) : undefined,
        q ? or(like(careWorkers.name, `%${q}%`), like(careWorkers.jobTitle, `%${q}%`), like(careWorkers.staffNumber, `%${q}%`)) : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(careWorkers.name));
}

export async function countWorkers(db: Db, actor: Actor): Promise<number> {
  return (await first(db.select({ n: count() }).from(careWorkers).where(and(workerScope(actor), eq(careWorkers.status, "active"))).limit(1)))?.n ?? 0;
}

export async function getWorker(db: Db, { actor, id }: { actor: Actor; id: number }) {
  return (
    await first(db
      .select({ worker: careWorkers, namesakes: namesakesSql(), providerName: organisations.name, userEmail: users.email })
      .from(careWorkers)
      .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
      .leftJoin(users, eq(users.id, careWorkers.userId))
      .where(and(eq(careWorkers.id, id), workerScope(actor))).limit(1)) ?? null
  );
}

/** True when the actor may record workers for this provider (their own, or any for an admin). */
async function mayManageProvider(db: Db, actor: Actor, providerId: number): Promise<boolean> {
  if (!can(actor.role, "manage", "worker")) return false;
  return !!await first(db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, providerId), providerChoiceScope(actor))).limit(1));
}

/**
 * Refuses a name and staff number that could not be told apart from another worker at the
 * provider (app/domain/worker-labels.ts): checked in the write transaction, so two managers
 * adding the same name at once cannot both get through without one.
 */
async function assertDistinguishable(db: Db, { providerId, name, staffNumber, exceptId }: { providerId: number; name: string; staffNumber: string | null; exceptId?: number }) {
  const others = await db
    .select({ name: careWorkers.name, staffNumber: careWorkers.staffNumber })
    .from(careWorkers)
    .where(and(eq(careWorkers.providerId, providerId), exceptId ? ne(careWorkers.id, exceptId) : undefined));
  const provider = await first(db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, providerId)).limit(1));
  const problem = staffNumberProblem({ name, staffNumber }, others, provider?.name ?? "this provider");
  if (problem) throw new RuleError([problem]);
}

export async function createWorker(db: Db, { actor, input, at }: { actor: Actor; input: WorkerInput; at: Date }): Promise<number> {
  return await inTransaction(db, async (tx) => {
    if (!await mayManageProvider(tx, actor, input.providerId)) throw new RuleError([{ field: "providerId", message: "Select a care provider you manage" }]);
    await assertDistinguishable(tx, { providerId: input.providerId, name: input.name, staffNumber: input.staffNumber ?? null });
    const row = await inserted(tx
      .insert(careWorkers)
      .values({ ...input, nameKey: sameNameKey(input.name), leftOn: input.status === "left" ? input.leftOn : null })
      .returning({ id: careWorkers.id }));
    await recordAudit(tx, { actorId: actor.userId, action: "worker.create", entityType: "worker", entityId: row.id, details: { name: input.name, staffNumber: input.staffNumber ?? null, providerId: input.providerId }, at });
    return row.id;
  });
}

export async function updateWorker(db: Db, { actor, id, input, at }: { actor: Actor; id: number; input: WorkerInput; at: Date }): Promise<{ id: number } | null> {
  return await inTransaction(db, async (tx) => {
    const existing = await getWorker(tx, { actor, id });
    if (!existing || !await mayManageProvider(tx, actor, existing.worker.providerId)) return null;
    // A worker moves between providers only by leaving one and joining another: the provider stays.
    await assertDistinguishable(tx, { providerId: existing.worker.providerId, name: input.name, staffNumber: input.staffNumber === undefined ? existing.worker.staffNumber : input.staffNumber, exceptId: id });
    await tx.update(careWorkers)
      .set({
        name: input.name,
        nameKey: sameNameKey(input.name),
        staffNumber: input.staffNumber,
        jobTitle: input.jobTitle,
        careCertificateOn: input.careCertificateOn,
        joinedOn: input.joinedOn,
        status: input.status,
        leftOn: input.status === "left" ? input.leftOn : null,
        updatedAt: at.toISOString(),
      })
      .where(eq(careWorkers.id, id));
    // docs/domain.md rule 5: leaving (or rejoining) is a competency change for every agreement naming them.
    if (input.status !== existing.worker.status) await followUpCompetencyChange(tx, { workerId: id, at });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: existing.worker.status !== input.status ? `worker.${input.status === "left" ? "leave" : "rejoin"}` : "worker.update",
      entityType: "worker",
      entityId: id,
      details: { status: input.status },
      at,
    });
    return { id };
  });
}
