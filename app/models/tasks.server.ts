import { asc, count, eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { recordAudit } from "~/models/audit-log.server";
import { inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { taskPrerequisites, tasks } from "~db/schema";

export type TaskInput = Omit<typeof tasks.$inferInsert, "id" | "createdAt" | "updatedAt">;

/** The catalogue is shared by everyone: every signed-in role may read it. */
export function listTasks(db: Db, { activeOnly = false }: { activeOnly?: boolean } = {}) {
  return db
    .select()
    .from(tasks)
    .where(activeOnly ? eq(tasks.active, true) : undefined)
    .orderBy(asc(tasks.category), asc(tasks.name))
    .all();
}

export function countTasks(db: Db): number {
  return db.select({ n: count() }).from(tasks).where(eq(tasks.active, true)).get()?.n ?? 0;
}

export function getTask(db: Db, id: number) {
  const task = db.select().from(tasks).where(eq(tasks.id, id)).get();
  if (!task) return null;
  const prerequisites = db.select().from(taskPrerequisites).where(eq(taskPrerequisites.taskId, id)).orderBy(asc(taskPrerequisites.id)).all();
  return { task, prerequisites };
}

export class DuplicateTaskCodeError extends Error {}

function assertCodeFree(db: Db, code: string, exceptId?: number) {
  const clash = db.select({ id: tasks.id }).from(tasks).where(eq(tasks.code, code)).get();
  if (clash && clash.id !== exceptId) throw new DuplicateTaskCodeError();
}

export function createTask(
  db: Db,
  { actor, input, prerequisites, at }: { actor: Actor; input: TaskInput; prerequisites: string[]; at: Date },
): number {
  return inTransaction(db, (tx) => {
    assertCodeFree(tx, input.code);
    const row = tx.insert(tasks).values(input).returning({ id: tasks.id }).get();
    for (const name of prerequisites) tx.insert(taskPrerequisites).values({ taskId: row.id, name }).run();
    recordAudit(tx, { actorId: actor.userId, action: "task.create", entityType: "task", entityId: row.id, details: { code: input.code, prerequisites }, at });
    return row.id;
  });
}

/** Edits a task; prerequisites can be added (existing ones stay: workers' evidence points at them). */
export function updateTask(
  db: Db,
  { actor, id, input, newPrerequisites, at }: { actor: Actor; id: number; input: TaskInput; newPrerequisites: string[]; at: Date },
): { id: number } | null {
  return inTransaction(db, (tx) => {
    const existing = tx.select().from(tasks).where(eq(tasks.id, id)).get();
    if (!existing) return null;
    assertCodeFree(tx, input.code, id);
    tx.update(tasks).set({ ...input, updatedAt: at.toISOString() }).where(eq(tasks.id, id)).run();
    for (const name of newPrerequisites) tx.insert(taskPrerequisites).values({ taskId: id, name }).run();
    const changed = (Object.keys(input) as (keyof TaskInput)[]).filter((k) => existing[k] !== input[k]);
    recordAudit(tx, { actorId: actor.userId, action: "task.update", entityType: "task", entityId: id, details: { changed, addedPrerequisites: newPrerequisites }, at });
    return { id };
  });
}
