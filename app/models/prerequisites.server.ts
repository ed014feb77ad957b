/** Prerequisites (the insulin e-learning and the like): what a worker has met, what they lack, and recording one. */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { londonDate, type IsoDate } from "~/domain/dates";
import { can } from "~/domain/roles";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { taskPrerequisites, tasks, workerPrerequisites } from "~db/tables";
import { requireDateInWindow } from "./date-checks.server";
import { RuleError } from "./errors.server";
import { getWorker } from "./workers.server";

/** Names of the task's prerequisites this worker has no evidence for. */
export async function missingPrerequisites(db: Db, workerId: number, taskId: number): Promise<string[]> {
  return (await db
    .select({ name: taskPrerequisites.name })
    .from(taskPrerequisites)
    .leftJoin(
      workerPrerequisites,
      and(eq(workerPrerequisites.prerequisiteId, taskPrerequisites.id), eq(workerPrerequisites.workerId, workerId)),
    )
    .where(and(eq(taskPrerequisites.taskId, taskId), isNull(workerPrerequisites.id)))
    .orderBy(asc(taskPrerequisites.id)))
    .map((r) => r.name);
}

/** The task's prerequisites this worker has met, with the day each was completed (docs/domain.md rule 7). */
export async function metPrerequisites(db: Db, workerId: number, taskId: number): Promise<{ name: string; achievedOn: IsoDate }[]> {
  return await db
    .select({ name: taskPrerequisites.name, achievedOn: workerPrerequisites.achievedOn })
    .from(taskPrerequisites)
    .innerJoin(
      workerPrerequisites,
      and(eq(workerPrerequisites.prerequisiteId, taskPrerequisites.id), eq(workerPrerequisites.workerId, workerId)),
    )
    .where(eq(taskPrerequisites.taskId, taskId))
    .orderBy(asc(taskPrerequisites.id));
}

export async function recordPrerequisite(
  db: Db,
  { actor, workerId, prerequisiteId, achievedOn, evidence, at }: { actor: Actor; workerId: number; prerequisiteId: number; achievedOn: IsoDate; evidence: string; at: Date },
): Promise<{ workerId: number } | null> {
  return await inTransaction(db, async (tx) => {
    // Prerequisites are training evidence: recorded by those who train (nurses and facilitators).
    if (!can(actor.role, "manage", "training") || !await getWorker(tx, { actor, id: workerId })) return null;
    requireDateInWindow("achievedOn", "Date achieved", achievedOn, DATE_WINDOWS.pastRecord(londonDate(at)));
    const prerequisite = await first(tx.select().from(taskPrerequisites).where(eq(taskPrerequisites.id, prerequisiteId)).limit(1));
    if (!prerequisite) throw new RuleError([{ field: "prerequisiteId", message: "Select a prerequisite from the list" }]);
    const already = await first(tx
      .select({ id: workerPrerequisites.id })
      .from(workerPrerequisites)
      .where(and(eq(workerPrerequisites.workerId, workerId), eq(workerPrerequisites.prerequisiteId, prerequisiteId))).limit(1));
    if (already) throw new RuleError([{ field: "prerequisiteId", message: `${prerequisite.name} is already recorded for this worker` }]);
    await tx.insert(workerPrerequisites).values({ workerId, prerequisiteId, achievedOn, evidence, recordedBy: actor.userId });
    await recordAudit(tx, { actorId: actor.userId, action: "prerequisite.record", entityType: "worker", entityId: workerId, details: { prerequisiteId, achievedOn }, at });
    return { workerId };
  });
}

/** Every prerequisite in the catalogue, with whether this worker has it. */
export async function listWorkerPrerequisites(db: Db, workerId: number) {
  return await db
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
    .orderBy(asc(tasks.name), asc(taskPrerequisites.id));
}

