import { asc, count, eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { taskPrerequisites, tasks } from "~db/tables";

export type TaskInput = Omit<typeof tasks.$inferInsert, "id" | "createdAt" | "updatedAt">;

/** The catalogue is shared by everyone: every signed-in role may read it. */
export async function listTasks(db: Db, { activeOnly = false }: { activeOnly?: boolean } = {}) {
  return await db
    .select()
    .from(tasks)
    .where(activeOnly ? eq(tasks.active, true) : undefined)
    .orderBy(asc(tasks.category), asc(tasks.name));
}

export async function countTasks(db: Db): Promise<number> {
  return (await first(db.select({ n: count() }).from(tasks).where(eq(tasks.active, true)).limit(1)))?.n ?? 0;
}

export async function getTask(db: Db, id: number) {
  const task = await first(db.select().from(tasks).where(eq(tasks.id, id)).limit(1));
  if (!task) return null;
  const prerequisites = await db.select().from(taskPrerequisites).where(eq(taskPrerequisites.taskId, id)).orderBy(asc(taskPrerequisites.id));
  return { task, prerequisites };
}

export class DuplicateTaskCodeError extends Error {}

async function assertCodeFree(db: Db, code: string, exceptId?: number) {
  const clash = await first(db.select({ id: tasks.id }).from(tasks).where(eq(tasks.code, code)).limit(1));
  if (clash && clash.id !== exceptId) throw new DuplicateTaskCodeError();
}

export async function createTask(
  db: Db,
  { actor, input, prerequisites, at }: { actor: Actor; input: TaskInput; prerequisites: string[]; at: Date },
): Promise<number> {
  return await inTransaction(db, async (tx) => {
    await assertCodeFree(tx, input.code);
    const row = await inserted(tx.insert(tasks).values(input).returning({ id: tasks.id }));
    for (const name of prerequisites) await tx.insert(taskPrerequisites).values({ taskId: row.id, name });
    await recordAudit(tx, { actorId: actor.userId, action: "task.create", entityType: "task", entityId: row.id, details: { code: input.code, prerequisites }, at });
    return row.id;
  });
}

/** Edits a task; prerequisites can be added (existing ones stay: workers' evidence points at them). */
export async function updateTask(
  db: Db,
  { actor, id, input, newPrerequisites, at }: { actor: Actor; id: number; input: TaskInput; newPrerequisites: string[]; at: Date },
): Promise<{ id: number } | null> {
  return await inTransaction(db, async (tx) => {
    const existing = await first(tx.select().from(tasks).where(eq(tasks.id, id)).limit(1));
    if (!existing) return null;
    await assertCodeFree(tx, input.code, id);
    await tx.update(tasks).set({ ...input, updatedAt: at.toISOString() }).where(eq(tasks.id, id));
    for (const name of newPrerequisites) await tx.insert(taskPrerequisites).values({ taskId: id, name });
    const changed = (Object.keys(input) as (keyof TaskInput)[]).filter((k) => existing[k] !== input[k]);
    await recordAudit(tx, { actorId: actor.userId, action: "task.update", entityType: "task", entityId: id, details: { changed, addedPrerequisites: newPrerequisites }, at });
    return { id };
  });
}
