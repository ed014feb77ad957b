/** Prerequisites (the insulin e-learning and the like): what a worker has met, what they lack, and recording one. */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { londonDate, type IsoDate } from "~/domain/dates";
import { can } from "~/domain/roles";
import { recordAudit } from "~/models/audit-log.server";
import { inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { taskPrerequisites, tasks, workerPrerequisites } from "~db/schema";
import { requireDateInWindow } from "./date-checks.server";
import { RuleError } from "./errors.server";
import { getWorker } from "./workers.server";

/** Names of the task's prerequisites this worker has no evidence for. */
export function missingPrerequisites(db: Db, workerId: number, taskId: number): string[] {
  return db
    .select({ name: taskPrerequisites.name })
    .from(taskPrerequisites)
    .leftJoin(
      workerPrerequisites,
      and(eq(workerPrerequisites.prerequisiteId, taskPrerequisites.id), eq(workerPrerequisites.workerId, workerId)),
    )
    .where(and(eq(taskPrerequisites.taskId, taskId), isNull(workerPrerequisites.id)))
    .orderBy(asc(taskPrerequisites.id))
    .all()
    .map((r) => r.name);
}

/** The task's prerequisites this worker has met, with the day each was completed (docs/domain.md rule 7). */
export function metPrerequisites(db: Db, workerId: number, taskId: number): { name: string; achievedOn: IsoDate }[] {
  return db
    .select({ name: taskPrerequisites.name, achievedOn: workerPrerequisites.achievedOn })
    .from(taskPrerequisites)
    .innerJoin(
      workerPrerequisites,
      and(eq(workerPrerequisites.prerequisiteId, taskPrerequisites.id), eq(workerPrerequisites.workerId, workerId)),
    )
    .where(eq(taskPrerequisites.taskId, taskId))
    .orderBy(asc(taskPrerequisites.id))
    .all();
}

export function recordPrerequisite(
  db: Db,
  { actor, workerId, prerequisiteId, achievedOn, evidence, at }: { actor: Actor; workerId: number; prerequisiteId: number; achievedOn: IsoDate; evidence: string; at: Date },
): { workerId: number } | null {
  return inTransaction(db, (tx) => {
    // Prerequisites are training evidence: recorded by those who train (nurses and facilitators).
    if (!can(actor.role, "manage", "training") || !getWorker(tx, { actor, id: workerId })) return null;
    requireDateInWindow("achievedOn", "Date achieved", achievedOn, DATE_WINDOWS.pastRecord(londonDate(at)));
    const prerequisite = tx.select().from(taskPrerequisites).where(eq(taskPrerequisites.id, prerequisiteId)).get();
    if (!prerequisite) throw new RuleError([{ field: "prerequisiteId", message: "Select a prerequisite from the list" }]);
    const already = tx
      .select({ id: workerPrerequisites.id })
      .from(workerPrerequisites)
      .where(and(eq(workerPrerequisites.workerId, workerId), eq(workerPrerequisites.prerequisiteId, prerequisiteId)))
      .get();
    if (already) throw new RuleError([{ field: "prerequisiteId", message: `${prerequisite.name} is already recorded for this worker` }]);
    tx.insert(workerPrerequisites).values({ workerId, prerequisiteId, achievedOn, evidence, recordedBy: actor.userId }).run();
    recordAudit(tx, { actorId: actor.userId, action: "prerequisite.record", entityType: "worker", entityId: workerId, details: { prerequisiteId, achievedOn }, at });
    return { workerId };
  });
}

/** Every prerequisite in the catalogue, with whether this worker has it. */
export function listWorkerPrerequisites(db: Db, workerId: number) {
  return db
    .select({
      id: taskPrerequisites.id,
      name: taskPrerequisites.name,
      taskName: tasks.name,
      achievedOn: workerPrerequisites.achievedOn,
      evidence: workerPrerequisites.evidence,
    })
    .from(taskPrerequisites)
    .innerJoin(tasks, eq(tasks.id, taskPrerequisites.taskId))
    .leftJoin(workerPrerequisites, and(eq(workerPrerequisites.prerequisiteId, taskPrerequisites.id), eq(workerPrerequisites.workerId, workerId)))
    .where(eq(tasks.active, true))
    .orderBy(asc(tasks.name), asc(taskPrerequisites.id))
    .all();
}

