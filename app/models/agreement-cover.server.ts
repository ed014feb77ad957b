/**
 * docs/domain.md rules 4 and 5, applied to stored agreements: who may carry out each task today, and the
 * interlock that suspends a live agreement the moment a task has no competent named worker.
 * It runs on every read of an agreement or a list of them, and after every competency change,
 * so it holds without waiting for a scheduled job.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { interlockReason, uncoveredTasks, type TaskCover } from "~/domain/agreement";
import { carryOutLabel, decision, type AgreementFacts, type CarryOutCode } from "~/domain/carry-out";
import { formatDate, type IsoDate } from "~/domain/dates";
import { initials } from "~/domain/names";
import { recordAudit } from "~/models/audit-log.server";
import { actorKey, derivedUntilChange, first, inTransaction, rawRows } from "~/models/transaction.server";
import type { Actor } from "~/domain/actor";
import { agreementScope } from "./scope.server";
import type { Db } from "~db/client";
import {
  agreements,
  agreementTasks,
  agreementVersions,
  agreementWorkers,
  careWorkers,
  people,
  tasks,
} from "~db/tables";
import { agreementRecipients, notify, versionIdOf } from "./notifications.server";
import { carryOutCodeSql, competenceCodeSql, countingCompetencySql, isMaySql } from "./carry-out-sql.server";
import { labelled, namesakesSql, workerLabelColumns } from "./worker-names.server";
import { workerLabel } from "~/domain/worker-labels";

/** Workers who may be named: active, employed by the person's provider; a shared name carries the staff number. */
export async function listNameableWorkers(db: Db, providerId: number) {
  return labelled(
    await db
      .select({ id: careWorkers.id, ...workerLabelColumns(), jobTitle: careWorkers.jobTitle })
      .from(careWorkers)
      .where(and(eq(careWorkers.providerId, providerId), eq(careWorkers.status, "active")))
      .orderBy(careWorkers.name, careWorkers.staffNumber),
  );
}

type CoverRow = {
  taskId: number;
  taskName: string;
  workerId: number | null;
  workerName: string | null;
  staffNumber: string | null;
  namesakes: number | null;
  code: CarryOutCode | null;
  competence: CarryOutCode | null;
  expiresOn: IsoDate | null;
  signedOffOn: IsoDate | null;
};

/**
 * For each task on a version: every named worker, whether they may carry it out today under this
 * version (docs/domain.md rule 4) and whether they are competent for it (checks 2 to 4), both
 * from the one SQL form of the rule.
 */
export async function taskCover(db: Db, { versionId, today, warningDays }: { versionId: number; today: IsoDate; warningDays: number }): Promise<TaskCover[]> {
  const head = await first(db
    .select({ state: agreements.state, startDate: agreements.startDate, inForceVersion: agreements.inForceVersion, version: agreementVersions.version, versionState: agreementVersions.state })
    .from(agreementVersions)
    .innerJoin(agreements, eq(agreements.id, agreementVersions.agreementId))
    .where(eq(agreementVersions.id, versionId)).limit(1));
  if (!head) return [];
  const facts: AgreementFacts = { state: head.state, startDate: head.startDate, inForceVersion: head.inForceVersion, version: { version: head.version, state: head.versionState } };
  const refs = {
    today,
    warningDays,
    named: sql`aw.id IS NOT NULL`,
    workerId: sql`cw.id`,
    workerStatus: sql`cw.status`,
    taskId: sql`k.id`,
    personSpecific: sql`k.person_specific`,
    personId: sql`a.person_id`,
  };
  const agreementRefs = { state: sql`a.state`, startDate: sql`a.start_date`, inForceVersion: sql`a.in_force_version`, version: sql`v.version`, versionState: sql`v.state` };
  const rows = await rawRows<CoverRow>(db, sql`
    SELECT k.id AS "taskId", k.name AS "taskName", cw.id AS "workerId", cw.name AS "workerName", cw.staff_number AS "staffNumber",
      ${namesakesSql({ providerId: sql`cw.provider_id`, nameKey: sql`cw.name_key` })} AS namesakes,
      CASE WHEN cw.id IS NULL THEN NULL ELSE ${carryOutCodeSql({ ...refs, agreement: agreementRefs })} END AS code,
      CASE WHEN cw.id IS NULL THEN NULL ELSE ${competenceCodeSql(refs)} END AS competence,
      ${countingCompetencySql(refs, "expires_on")} AS "expiresOn",
      ${countingCompetencySql(refs, "signed_off_on")} AS "signedOffOn"
    FROM ${agreementVersions} v
    JOIN ${agreements} a ON a.id = v.agreement_id
    JOIN ${agreementTasks} t ON t.version_id = v.id
    JOIN ${tasks} k ON k.id = t.task_id
    LEFT JOIN ${agreementWorkers} aw ON aw.version_id = v.id
    LEFT JOIN ${careWorkers} cw ON cw.id = aw.worker_id
    WHERE v.id = ${versionId}
    ORDER BY k.name, k.id, cw.name, cw.id
  `);
  const cover: TaskCover[] = [];
  for (const r of rows) {
    let task = cover.find((t) => t.taskId === r.taskId);
    if (!task) cover.push((task = { taskId: r.taskId, taskName: r.taskName, workers: [] }));
    if (r.workerId === null || r.code === null || r.competence === null) continue;
    const wordFacts = { expiresOn: r.expiresOn, startDate: facts.startDate, version: facts.version.version };
    const may = decision(r.code, wordFacts);
    const competent = decision(r.competence, wordFacts);
    // docs/domain.md rule 12: a declined or revoked competency's last sign-off is history, not current.
    const ended = competent.code === "competency_declined" || competent.code === "competency_revoked";
    task.workers.push({
      workerId: r.workerId,
      workerName: workerLabel({ name: r.workerName ?? "", staffNumber: r.staffNumber, namesakes: r.namesakes ?? 1 }),
      current: competent.may,
      reason: competent.words,
      competence: competent.code,
      decision: may,
      label: carryOutLabel(may, competent, facts),
      signedOffOn: ended ? null : r.signedOffOn,
      expiresOn: ended ? null : r.expiresOn,
    });
  }
  return cover;
}

/**
 * Active agreements (optionally only these) whose in-force version has a task for which no
 * named worker is competent today (checks 2 to 4 of docs/domain.md rule 4). An active agreement
 * whose start date is still ahead is protected too: otherwise it would come into force with no
 * one able to carry out the task (docs/domain.md rule 5).
 */
async function activeAgreementsMissingCover(db: Db, { today, warningDays, ids, scope }: { today: IsoDate; warningDays: number; ids?: number[]; scope?: SQL }): Promise<number[]> {
  if (ids && ids.length === 0) return [];
  const rows = await rawRows<{ id: number }>(db, sql`
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
        JOIN ${careWorkers} cw ON cw.id = w.worker_id
        WHERE w.version_id = v.id
          AND ${isMaySql(competenceCodeSql({ today, warningDays, named: sql`TRUE`, workerId: sql`cw.id`, workerStatus: sql`cw.status`, taskId: sql`t.task_id`, personSpecific: sql`k.person_specific`, personId: sql`${agreements.personId}` }))}
      )
  `);
  return rows.map((r) => r.id);
}

const missingCover = derivedUntilChange<number[]>();

/**
 * Suspends every active agreement (of `ids`, or all) that has lost cover for a task, recording
 * the cause, writing an audit event, and telling the delegator and the provider's managers.
 * Returns the ids it suspended.
 */
export async function enforceInterlock(
  db: Db,
  { today, at, warningDays, ids, actor }: { today: IsoDate; at: Date; warningDays: number; ids?: number[]; /** Those in this user's scope. */ actor?: Actor },
): Promise<number[]> {
  // Every page that shows agreements asks first; between writes (and within a day) the answer
  // cannot change, so it is worked out once (derivedUntilChange; afresh inside a transaction).
  const key = `${ids ? `ids:${ids.join(",")}` : actor ? `actor:${actorKey(actor)}` : "all"}|${today}|${warningDays}`;
  const candidates = await missingCover(db, key, () => activeAgreementsMissingCover(db, { today, warningDays, ids, scope: actor ? agreementScope(actor) : undefined }));
  if (!candidates.length) return [];
  return await inTransaction(db, async (tx) => {
    const suspended: number[] = [];
    for (const id of await activeAgreementsMissingCover(tx, { today, warningDays, ids: candidates })) {
      const a = await first(tx
        .select({ agreement: agreements, versionId: agreementVersions.id, personName: people.name })
        .from(agreements)
        .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.inForceVersion)))
        .innerJoin(people, eq(people.id, agreements.personId))
        .where(eq(agreements.id, id)).limit(1));
      if (!a) continue;
      const uncovered = uncoveredTasks(await taskCover(tx, { versionId: a.versionId, today, warningDays }));
      const reason = interlockReason(uncovered);
      await tx.update(agreements)
        .set({ state: "suspended", suspendedAutomatically: true, stateReason: reason, stateChangedAt: at.toISOString(), updatedAt: at.toISOString() })
        .where(eq(agreements.id, id));
      await recordAudit(tx, {
        actorId: null,
        action: "agreement.suspend_automatically",
        entityType: "agreement",
        entityId: id,
        details: { cause: "no_competent_worker", tasks: uncovered.map((t) => t.taskId), reason },
        at,
      });
      await tellDelegatorAndProvider(tx, {
        agreement: a.agreement,
        subject: `Agreement ${a.agreement.reference} suspended: no competent care worker`,
        body: `Delegated Care suspended agreement ${a.agreement.reference} (${initials(a.personName)}) on ${formatDate(today)}.\n\n${reason}.\n\nNo named care worker may carry out the task until a competent worker is named or a competency is renewed, and a nurse reinstates the agreement.`,
        key: `interlock:${id}:${at.toISOString()}`,
        at,
      });
      suspended.push(id);
    }
    return suspended;
  });
}

/**
 * Tells the delegating nurse and every active manager of the provider, in the app and by email
 * (app/models/notifications.server.ts). A suspension is told to the named workers who sign in
 * too: they must stop carrying out its tasks.
 */
export async function tellDelegatorAndProvider(
  db: Db,
  { agreement, subject, body, key, at, kind = "agreement_suspended" }: { agreement: typeof agreements.$inferSelect; subject: string; body: string; key: string; at: Date; kind?: "agreement_suspended" | "task_declined" },
) {
  await notify(db, {
    to: await agreementRecipients(db, agreement, { delegator: true, providerManagers: true, workersOfVersion: kind === "agreement_suspended" ? await versionIdOf(db, agreement) : null }),
    notice: { kind, title: subject, body, link: `/agreements/${agreement.id}` },
    key,
    at,
  });
}

/**
 * For choosing named workers: every active worker of the provider, with whether they are
 * competent for each of the agreement's tasks (for this person, where the task is
 * person-specific), by the one SQL form of the rule.
 */
export async function candidateWorkers(
  db: Db,
  { providerId, personId, taskIds, today, warningDays }: { providerId: number; personId: number; taskIds: number[]; today: IsoDate; warningDays: number },
) {
  const workers = await listNameableWorkers(db, providerId);
  const refs = { today, warningDays, named: sql`TRUE`, workerId: sql`cw.id`, workerStatus: sql`cw.status`, taskId: sql`k.id`, personSpecific: sql`k.person_specific`, personId: sql`${personId}` };
  const rows = taskIds.length
    ? await rawRows<{ workerId: number; taskId: number; taskName: string; code: CarryOutCode; expiresOn: IsoDate | null }>(db, sql`
        SELECT cw.id AS "workerId", k.id AS "taskId", k.name AS "taskName",
          ${competenceCodeSql(refs)} AS code,
          ${countingCompetencySql(refs, "expires_on")} AS "expiresOn"
        FROM ${careWorkers} cw, ${tasks} k
        WHERE cw.provider_id = ${providerId} AND cw.status = 'active'
          AND k.id IN (${sql.join(taskIds.map((id) => sql`${id}`), sql`, `)})
        ORDER BY k.name, k.id
      `)
    : [];
  return workers.map((w) => ({
    ...w,
    tasks: rows
      .filter((r) => r.workerId === w.id)
      .map((r) => {
        const d = decision(r.code, { expiresOn: r.expiresOn });
        return { taskId: r.taskId, taskName: r.taskName, current: d.may, reason: d.words, code: d.code };
      }),
  }));
}
