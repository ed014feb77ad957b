/**
 * Drafting a version (the guided agreement): its tasks and their care-plan details, the named
 * workers, the dates and supervision, and how far it has got. Only a draft changes
 * (docs/domain.md rule 6), and only by a nurse (`editableDraft`).
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { reviewDateProblem } from "~/domain/agreement";
import { specificsOf, type TaskSpecifics } from "~/domain/agreement-content";
import { draftSections, type DraftSection } from "~/domain/agreement-task-list";
import type { IsoDate } from "~/domain/dates";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { agreements, agreementTasks, agreementVersions, agreementWorkers, tasks } from "~db/tables";
import { editableDraft, type AgreementVersion } from "./agreement-access.server";
import { latestConsentOfEach, versionTasksOfEach } from "./agreement-content.server";
import { chunked, groupBy } from "./batches.server";
import { listNameableWorkers } from "./agreement-cover.server";
import { requireDateInWindow } from "./date-checks.server";
import { RuleError } from "./errors.server";

/** The active catalogue tasks chosen for an agreement; a RuleError unless every one is. */
export async function chosenTasks(db: Db, taskIds: number[]) {
  const chosen = taskIds.length ? await db.select().from(tasks).where(and(inArray(tasks.id, taskIds), eq(tasks.active, true))) : [];
  if (!chosen.length || chosen.length !== new Set(taskIds).size) throw new RuleError([{ field: "taskIds", message: "Select at least one task from the catalogue" }]);
  return chosen;
}

export async function updateTaskSpecifics(
  db: Db,
  { actor, agreementId, taskId, specifics, at }: { actor: Actor; agreementId: number; taskId: number; specifics: TaskSpecifics; at: Date },
): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const draft = await editableDraft(tx, actor, agreementId);
    if (!draft) return null;
    const row = await first(tx.select({ id: agreementTasks.id }).from(agreementTasks).where(and(eq(agreementTasks.versionId, draft.version.id), eq(agreementTasks.taskId, taskId))).limit(1));
    if (!row) return null;
    await tx.update(agreementTasks).set(specifics).where(eq(agreementTasks.id, row.id));
    await recordAudit(tx, { actorId: actor.userId, action: "agreement.task_specifics", entityType: "agreement", entityId: agreementId, details: { version: draft.version.version, taskId }, at });
    return true;
  });
}

/** Sets the tasks of the draft: new ones are added with the catalogue's escalation guidance. */
export async function setAgreementTasks(db: Db, { actor, agreementId, taskIds, at }: { actor: Actor; agreementId: number; taskIds: number[]; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const draft = await editableDraft(tx, actor, agreementId);
    if (!draft) return null;
    const chosen = await chosenTasks(tx, taskIds);
    const current = await tx.select({ id: agreementTasks.id, taskId: agreementTasks.taskId }).from(agreementTasks).where(eq(agreementTasks.versionId, draft.version.id));
    // A draft is not yet a record of anything agreed: taking a task off it removes the row.
    const removed = current.filter((c) => !taskIds.includes(c.taskId));
    if (removed.length) await tx.delete(agreementTasks).where(inArray(agreementTasks.id, removed.map((r) => r.id)));
    for (const t of chosen.filter((t) => !current.some((c) => c.taskId === t.id))) {
      await tx.insert(agreementTasks).values({ versionId: draft.version.id, taskId: t.id, escalationPlan: t.escalationGuidance });
    }
    await recordAudit(tx, { actorId: actor.userId, action: "agreement.tasks", entityType: "agreement", entityId: agreementId, details: { version: draft.version.version, taskIds }, at });
    return true;
  });
}

export async function setNamedWorkers(db: Db, { actor, agreementId, workerIds, at }: { actor: Actor; agreementId: number; workerIds: number[]; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const draft = await editableDraft(tx, actor, agreementId);
    if (!draft) return null;
    const allowed = (await listNameableWorkers(tx, draft.agreement.providerId)).map((w) => w.id);
    if (!workerIds.length) throw new RuleError([{ field: "workerIds", message: "Name at least one care worker" }]);
    if (workerIds.some((id) => !allowed.includes(id))) throw new RuleError([{ field: "workerIds", message: "Select care workers employed by the person's provider" }]);
    await tx.delete(agreementWorkers).where(eq(agreementWorkers.versionId, draft.version.id));
    for (const workerId of new Set(workerIds)) await tx.insert(agreementWorkers).values({ versionId: draft.version.id, workerId });
    await recordAudit(tx, { actorId: actor.userId, action: "agreement.workers", entityType: "agreement", entityId: agreementId, details: { version: draft.version.version, workerIds }, at });
    return true;
  });
}

export type AgreementDetails = { startDate: IsoDate; reviewDate: IsoDate; supervisionArrangements: string; earlyReviewTriggers: string };

export async function updateAgreementDetails(
  db: Db,
  { actor, agreementId, details, today, at }: { actor: Actor; agreementId: number; details: AgreementDetails; today: IsoDate; at: Date },
): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const draft = await editableDraft(tx, actor, agreementId);
    if (!draft) return null;
    requireDateInWindow("startDate", "Start date", details.startDate, DATE_WINDOWS.agreementStart(today));
    const problem = reviewDateProblem(details.startDate, details.reviewDate, await reviewIntervalsOf(tx, draft.version.id));
    if (problem) throw new RuleError([{ field: "reviewDate", message: problem }]);
    await tx.update(agreementVersions).set(details).where(eq(agreementVersions.id, draft.version.id));
    // Before anything is in force, the agreement's own dates follow its only version.
    if (draft.agreement.inForceVersion === null) {
      await tx.update(agreements).set({ startDate: details.startDate, reviewDate: details.reviewDate, updatedAt: at.toISOString() }).where(eq(agreements.id, agreementId));
    }
    await recordAudit(tx, { actorId: actor.userId, action: "agreement.details", entityType: "agreement", entityId: agreementId, details: { version: draft.version.version, ...details }, at });
    return true;
  });
}

/** The review intervals (months) of a version's tasks, for its review date limit (docs/domain.md rule 9). */
export async function reviewIntervalsOf(db: Db, versionId: number): Promise<number[]> {
  return (await db
    .select({ months: tasks.reviewIntervalMonths })
    .from(agreementTasks)
    .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
    .where(eq(agreementTasks.versionId, versionId)))
    .map((r) => r.months);
}

/**
 * The sections of a version still being drafted and their status (the guided agreement), from
 * its rows: one decision (`draftSections`) for the task list, the check page and sending.
 */
export async function draftSectionsOf(db: Db, { version, today }: { version: AgreementVersion; today: IsoDate }): Promise<DraftSection[]> {
  return (await draftSectionsOfEach(db, { versions: [version], today })).get(version.id)!;
}

/** The same for several drafts, by version id, in three queries however many there are (a home page's list of drafts). */
export async function draftSectionsOfEach(db: Db, { versions, today }: { versions: AgreementVersion[]; today: IsoDate }): Promise<Map<number, DraftSection[]>> {
  const versionIds = versions.map((v) => v.id);
  const named = groupBy(
    await chunked(versionIds, (ids) => db.select({ versionId: agreementWorkers.versionId }).from(agreementWorkers).where(inArray(agreementWorkers.versionId, ids))),
    (w) => w.versionId,
  );
  const tasksOf = await versionTasksOfEach(db, versionIds);
  const consents = await latestConsentOfEach(db, versions.map((v) => v.agreementId));
  return new Map(
    versions.map((version) => [
      version.id,
      draftSections({
        today,
        tasks: (tasksOf.get(version.id) ?? []).map(({ task, specifics }) => ({
          taskId: task.id,
          code: task.code,
          name: task.name,
          reviewIntervalMonths: task.reviewIntervalMonths,
          ...specificsOf(specifics),
        })),
        workerCount: named.get(version.id)?.length ?? 0,
        startDate: version.startDate,
        reviewDate: version.reviewDate,
        supervisionArrangements: version.supervisionArrangements,
        consentRecorded: consents.has(version.agreementId),
      }),
    ]),
  );
}
