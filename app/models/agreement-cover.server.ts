/**
 * Safety rule 2, applied to stored agreements: who may carry out each task today, and the
 * interlock that suspends a live agreement the moment a task has no competent named worker.
 * It runs on every read of an agreement or a list of them, and after every competency change,
 * so it holds without waiting for a scheduled job.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { competenceOf, interlockReason, uncoveredTasks, type TaskCover } from "~/domain/agreement";
import { countsForTask } from "~/domain/competency";
import { formatDate, type IsoDate } from "~/domain/dates";
import { initials } from "~/domain/names";
import { recordAudit, inTransaction } from "~/services/audit.server";
import type { Db } from "~db/client";
import {
  agreements,
  agreementTasks,
  agreementVersions,
  agreementWorkers,
  careWorkers,
  competencies,
  outbox,
  people,
  tasks,
  users,
} from "~db/schema";

/**
 * The competencies these workers hold in these tasks, and a finder for the one that counts for a
 * task on an agreement for `personId` (safety rule 2): one query, however many workers and tasks.
 */
export function heldCompetencies(db: Db, { workerIds, taskIds, personId }: { workerIds: number[]; taskIds: number[]; personId: number }) {
  const rows =
    workerIds.length && taskIds.length
      ? db.select().from(competencies).where(and(inArray(competencies.workerId, workerIds), inArray(competencies.taskId, taskIds))).all()
      : [];
  return (workerId: number, task: { id: number; personSpecific: boolean }) =>
    rows.find((c) => c.workerId === workerId && c.taskId === task.id && countsForTask(c, task, personId)) ?? null;
}

/** Workers who may be named: active, employed by the person's provider. */
export function listNameableWorkers(db: Db, providerId: number) {
  return db
    .select({ id: careWorkers.id, name: careWorkers.name, jobTitle: careWorkers.jobTitle })
    .from(careWorkers)
    .where(and(eq(careWorkers.providerId, providerId), eq(careWorkers.status, "active")))
    .orderBy(careWorkers.name)
    .all();
}

/** For each task on a version: every named worker, and whether they may carry it out today. */
export function taskCover(
  db: Db,
  { versionId, personId, today, warningDays }: { versionId: number; personId: number; today: IsoDate; warningDays: number },
): TaskCover[] {
  const taskRows = db
    .select({ taskId: tasks.id, taskName: tasks.name, personSpecific: tasks.personSpecific })
    .from(agreementTasks)
    .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
    .where(eq(agreementTasks.versionId, versionId))
    .orderBy(tasks.name)
    .all();
  const workerRows = db
    .select({ workerId: careWorkers.id, workerName: careWorkers.name, status: careWorkers.status })
    .from(agreementWorkers)
    .innerJoin(careWorkers, eq(careWorkers.id, agreementWorkers.workerId))
    .where(eq(agreementWorkers.versionId, versionId))
    .orderBy(careWorkers.name)
    .all();
  const held = heldCompetencies(db, { workerIds: workerRows.map((w) => w.workerId), taskIds: taskRows.map((t) => t.taskId), personId });
  return taskRows.map((t) => ({
    taskId: t.taskId,
    taskName: t.taskName,
    workers: workerRows.map((w) => {
      const competency = held(w.workerId, { id: t.taskId, personSpecific: t.personSpecific });
      const competence = w.status === "left" ? { current: false, reason: "has left the provider" } : competenceOf(competency, today, warningDays);
      return { workerId: w.workerId, workerName: w.workerName, current: competence.current, reason: competence.reason };
    }),
  }));
}

/**
 * Active agreements (optionally only these) whose in-force version has a task that no named
 * worker may carry out today: one indexed query, so it can run on every list.
 */
function activeAgreementsMissingCover(db: Db, { today, ids, scope }: { today: IsoDate; ids?: number[]; scope?: SQL }): number[] {
  if (ids && ids.length === 0) return [];
  const rows = db.all<{ id: number }>(sql`
    SELECT DISTINCT ${agreements.id} AS id
    FROM ${agreements}
    JOIN ${agreementVersions} v ON v.agreement_id = ${agreements.id} AND v.version = ${agreements.inForceVersion}
    JOIN ${agreementTasks} t ON t.version_id = v.id
    JOIN ${tasks} k ON k.id = t.task_id
    WHERE ${agreements.state} = 'active'
      ${ids ? sql`AND ${agreements.id} IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})` : sql``}
      ${scope ? sql`AND ${scope}` : sql``}
      AND NOT EXISTS (
        SELECT 1 FROM ${agreementWorkers} w
        JOIN ${careWorkers} cw ON cw.id = w.worker_id AND cw.status = 'active'
        JOIN ${competencies} c ON c.worker_id = w.worker_id AND c.task_id = t.task_id
        WHERE w.version_id = v.id
          AND c.state = 'competent'
          AND c.expires_on >= ${today}
          AND ((k.person_specific = 1 AND c.person_id = ${agreements.personId}) OR (k.person_specific = 0 AND c.person_id IS NULL))
      )
  `);
  return rows.map((r) => r.id);
}

/**
 * Suspends every active agreement (of `ids`, or all) that has lost cover for a task, recording
 * the cause, writing an audit event, and telling the delegator and the provider's managers.
 * Returns the ids it suspended.
 */
export function enforceInterlock(
  db: Db,
  { today, at, warningDays, ids, scope }: { today: IsoDate; at: Date; warningDays: number; ids?: number[]; scope?: SQL },
): number[] {
  const candidates = activeAgreementsMissingCover(db, { today, ids, scope });
  if (!candidates.length) return [];
  return inTransaction(db, (tx) => {
    const suspended: number[] = [];
    for (const id of activeAgreementsMissingCover(tx, { today, ids: candidates })) {
      const a = tx
        .select({ agreement: agreements, versionId: agreementVersions.id, personName: people.name })
        .from(agreements)
        .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.inForceVersion)))
        .innerJoin(people, eq(people.id, agreements.personId))
        .where(eq(agreements.id, id))
        .get();
      if (!a) continue;
      const uncovered = uncoveredTasks(taskCover(tx, { versionId: a.versionId, personId: a.agreement.personId, today, warningDays }));
      const reason = interlockReason(uncovered);
      tx.update(agreements)
        .set({ state: "suspended", suspendedAutomatically: true, stateReason: reason, stateChangedAt: at.toISOString(), updatedAt: at.toISOString() })
        .where(eq(agreements.id, id))
        .run();
      recordAudit(tx, {
        actorId: null,
        action: "agreement.suspend_automatically",
        entityType: "agreement",
        entityId: id,
        details: { cause: "no_competent_worker", tasks: uncovered.map((t) => t.taskId), reason },
        at,
      });
      tellDelegatorAndProvider(tx, {
        agreement: a.agreement,
        subject: `Agreement ${a.agreement.reference} suspended: no competent care worker`,
        body: `Delegated Care suspended agreement ${a.agreement.reference} (${initials(a.personName)}) on ${formatDate(today)}.\n\n${reason}.\n\nNo named care worker may carry out the task until a competent worker is named or a competency is renewed, and a nurse reinstates the agreement.`,
        key: `interlock:${id}:${at.toISOString()}`,
      });
      suspended.push(id);
    }
    return suspended;
  });
}

/** Queues a message to the delegating nurse and every active manager of the provider. */
export function tellDelegatorAndProvider(
  db: Db,
  { agreement, subject, body, key }: { agreement: typeof agreements.$inferSelect; subject: string; body: string; key: string },
) {
  const recipients = db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        sql`(${users.id} = ${agreement.delegatorId} OR (${users.role} = 'provider_manager' AND ${users.organisationId} = ${agreement.providerId}))`,
      ),
    )
    .all();
  for (const r of recipients) {
    db.insert(outbox).values({ dedupeKey: `${key}:user:${r.id}`, toUserId: r.id, toAddress: r.email, subject, body }).onConflictDoNothing().run();
  }
}

/**
 * For choosing named workers: every active worker of the provider, with whether they are
 * competent for each of the agreement's tasks (for this person, where the task is person-specific).
 */
export function candidateWorkers(
  db: Db,
  { providerId, personId, taskIds, today, warningDays }: { providerId: number; personId: number; taskIds: number[]; today: IsoDate; warningDays: number },
) {
  const workers = listNameableWorkers(db, providerId);
  const taskRows = taskIds.length ? db.select({ id: tasks.id, name: tasks.name, personSpecific: tasks.personSpecific }).from(tasks).where(inArray(tasks.id, taskIds)).orderBy(tasks.name).all() : [];
  const held = heldCompetencies(db, { workerIds: workers.map((w) => w.id), taskIds, personId });
  return workers.map((w) => ({
    ...w,
    tasks: taskRows.map((t) => ({ taskId: t.id, taskName: t.name, ...competenceOf(held(w.id, t), today, warningDays) })),
  }));
}
