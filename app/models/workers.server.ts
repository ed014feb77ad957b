import { and, asc, count, eq, like, or } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { inTransaction, recordAudit } from "~/services/audit.server";
import type { Db } from "~db/client";
import { OutOfScopeError } from "./errors.server";
import { careWorkers, organisations, users } from "~db/schema";
import { followUpCompetencyChange } from "./competency-follow-up.server";
import { providerChoiceScope, workerScope } from "./scope.server";

export type WorkerStatus = (typeof careWorkers.$inferSelect)["status"];

export type WorkerInput = {
  providerId: number;
  name: string;
  jobTitle: string;
  careCertificateOn: string | null;
  joinedOn: string | null;
  status: WorkerStatus;
  leftOn: string | null;
};

export function listWorkers(
  db: Db,
  { actor, q, providerId, status }: { actor: Actor; q?: string; providerId?: number; status?: WorkerStatus },
) {
  return db
    .select({
      id: careWorkers.id,
      name: careWorkers.name,
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
        q ? or(like(careWorkers.name, `%${q}%`), like(careWorkers.jobTitle, `%${q}%`)) : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(careWorkers.name))
    .all();
}

export function countWorkers(db: Db, actor: Actor): number {
  return db.select({ n: count() }).from(careWorkers).where(and(workerScope(actor), eq(careWorkers.status, "active"))).get()?.n ?? 0;
}

export function getWorker(db: Db, { actor, id }: { actor: Actor; id: number }) {
  return (
    db
      .select({ worker: careWorkers, providerName: organisations.name, userEmail: users.email })
      .from(careWorkers)
      .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
      .leftJoin(users, eq(users.id, careWorkers.userId))
      .where(and(eq(careWorkers.id, id), workerScope(actor)))
      .get() ?? null
  );
}

/** True when the actor may record workers for this provider (their own, or any for an admin). */
function mayManageProvider(db: Db, actor: Actor, providerId: number): boolean {
  if (actor.role !== "admin" && actor.role !== "provider_manager") return false;
  return !!db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, providerId), providerChoiceScope(actor))).get();
}

export { OutOfScopeError };

export function createWorker(db: Db, { actor, input, at }: { actor: Actor; input: WorkerInput; at: Date }): number {
  return inTransaction(db, (tx) => {
    if (!mayManageProvider(tx, actor, input.providerId)) throw new OutOfScopeError();
    const row = tx
      .insert(careWorkers)
      .values({ ...input, leftOn: input.status === "left" ? input.leftOn : null })
      .returning({ id: careWorkers.id })
      .get();
    recordAudit(tx, { actorId: actor.userId, action: "worker.create", entityType: "worker", entityId: row.id, details: { name: input.name, providerId: input.providerId }, at });
    return row.id;
  });
}

export function updateWorker(db: Db, { actor, id, input, at }: { actor: Actor; id: number; input: WorkerInput; at: Date }): boolean {
  return inTransaction(db, (tx) => {
    const existing = getWorker(tx, { actor, id });
    if (!existing || !mayManageProvider(tx, actor, existing.worker.providerId)) return false;
    // A worker moves between providers only by leaving one and joining another: the provider stays.
    tx.update(careWorkers)
      .set({
        name: input.name,
        jobTitle: input.jobTitle,
        careCertificateOn: input.careCertificateOn,
        joinedOn: input.joinedOn,
        status: input.status,
        leftOn: input.status === "left" ? input.leftOn : null,
        updatedAt: at.toISOString(),
      })
      .where(eq(careWorkers.id, id))
      .run();
    // docs/domain.md rule 5: leaving (or rejoining) is a competency change for every agreement naming them.
    if (input.status !== existing.worker.status) followUpCompetencyChange(tx, { workerId: id, at });
    recordAudit(tx, {
      actorId: actor.userId,
      action: existing.worker.status !== input.status ? `worker.${input.status === "left" ? "leave" : "rejoin"}` : "worker.update",
      entityType: "worker",
      entityId: id,
      details: { status: input.status },
      at,
    });
    return true;
  });
}
