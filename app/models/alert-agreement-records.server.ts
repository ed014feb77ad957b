import { rawRows } from "./transaction.server";
/**
 * The agreements that can alert (review due or overdue, suspended, too few named workers able to
 * carry a task out, overlapping another), within the reader's scope, as the alert engine's
 * records (app/domain/alerts.ts).
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { isInForce, type StoredAgreementState } from "~/domain/agreement";
import type { AgreementRecord, AlertSettings } from "~/domain/alerts";
import type { CompetencyFacts } from "~/domain/carry-out";
import type { StoredCompetencyState } from "~/domain/enums";
import { addDays, type IsoDate } from "~/domain/dates";
import type { Db } from "~db/client";
import { agreements, agreementTasks, agreementVersions, agreementWorkers, careWorkers, organisations, people, tasks } from "~db/tables";
import { initials } from "~/domain/names";
import { agreementBarSql, carryOutFromSql, competenceCodeSql, countingCompetencySql, isMaySql } from "./carry-out-sql.server";
import { chunked, groupBy } from "./batches.server";
import type { WorkerStatus } from "~/domain/enums";

export async function agreementRecords(db: Db, { scope, today, settings }: { scope: SQL; today: IsoDate; settings: AlertSettings }): Promise<AgreementRecord[]> {
  // Tasks on live agreements that can alert: at most one competent named worker today, or at the
  // end of the forecast window. Counted by the one SQL form of docs/domain.md rule 4.
  const forecastEnd = addDays(today, settings.coverForecastDays);
  const refs = (on: IsoDate) => ({
    today: on,
    warningDays: settings.competencyWarningDays,
    named: sql`TRUE`,
    workerId: sql`cw.id`,
    workerStatus: sql`cw.status`,
    taskId: sql`t.task_id`,
    personSpecific: sql`tk.person_specific`,
    personId: sql`${agreements.personId}`,
  });
  const agreementRefs = { state: sql`${agreements.state}`, startDate: sql`${agreements.startDate}`, inForceVersion: sql`${agreements.inForceVersion}`, version: sql`v.version`, versionState: sql`v.state` };
  // Each named worker's competence is worked out once per row; whether they may carry the task
  // out today is the same rule's first check (the agreement in force) on top of it.
  const thin = await rawRows<{ agreementId: number; taskId: number; taskName: string; personSpecific: number | boolean; state: StoredAgreementState; startDate: IsoDate; named: number; may: number; competent: number; competentAtEnd: number }>(db, sql`
    SELECT * FROM (
      SELECT "agreementId", "taskId", "taskName", "personSpecific", state, "startDate",
        COUNT("workerId") AS named,
        SUM(CASE WHEN "workerId" IS NULL THEN 0 WHEN ${isMaySql(carryOutFromSql(sql`bar`, sql`competence`))} THEN 1 ELSE 0 END) AS may,
        SUM(CASE WHEN "workerId" IS NULL THEN 0 WHEN ${isMaySql(sql`competence`)} THEN 1 ELSE 0 END) AS competent,
        SUM(CASE WHEN "workerId" IS NULL THEN 0 WHEN ${isMaySql(sql`"competenceAtEnd"`)} THEN 1 ELSE 0 END) AS "competentAtEnd"
      FROM (
      SELECT ${agreements.id} AS "agreementId", t.task_id AS "taskId", tk.name AS "taskName", tk.person_specific AS "personSpecific",
        ${agreements.state} AS state, ${agreements.startDate} AS "startDate", cw.id AS "workerId",
        ${agreementBarSql(agreementRefs, today)} AS bar,
        ${competenceCodeSql(refs(today))} AS competence,
        ${competenceCodeSql(refs(forecastEnd))} AS "competenceAtEnd"
      FROM ${agreements}
      JOIN ${agreementVersions} v ON v.agreement_id = ${agreements.id} AND v.version = ${agreements.inForceVersion}
      JOIN ${agreementTasks} t ON t.version_id = v.id
      JOIN ${tasks} tk ON tk.id = t.task_id
      LEFT JOIN ${agreementWorkers} aw ON aw.version_id = v.id
      LEFT JOIN ${careWorkers} cw ON cw.id = aw.worker_id
      WHERE ${agreements.state} IN ('active', 'suspended') AND ${scope}
      ) AS named_workers
      GROUP BY "agreementId", "taskId", "taskName", "personSpecific", state, "startDate"
    ) AS counted
    WHERE competent <= 1 OR "competentAtEnd" <= 1
  `);
  // The forecast only speaks for active agreements not already short of cover today.
  const forecastable = (t: (typeof thin)[number]) => t.state === "active" && !(isInForce(t, today) && t.may <= 1);
  const forecastFacts = await namedWorkerFacts(db, { agreementIds: [...new Set(thin.filter(forecastable).map((t) => t.agreementId))] });
  const thinByAgreement = groupBy(thin, (t) => t.agreementId);
  // docs/domain.md rule 10: live agreements for the same person sharing a task with another live one.
  const overlapping = await rawRows<{ agreementId: number; taskName: string; other: string }>(db, sql`
    SELECT ${agreements.id} AS "agreementId", tk.name AS "taskName", b.reference AS other
    FROM ${agreements}
    JOIN ${agreementVersions} v ON v.agreement_id = ${agreements.id} AND v.version = ${agreements.inForceVersion}
    JOIN ${agreementTasks} t ON t.version_id = v.id
    JOIN ${tasks} tk ON tk.id = t.task_id
    JOIN ${agreements} b ON b.person_id = ${agreements.personId} AND b.id <> ${agreements.id} AND b.state IN ('active', 'suspended')
    JOIN ${agreementVersions} bv ON bv.agreement_id = b.id AND bv.version = b.in_force_version
    JOIN ${agreementTasks} bt ON bt.version_id = bv.id AND bt.task_id = t.task_id
    WHERE ${agreements.state} IN ('active', 'suspended') AND ${scope}
    ORDER BY b.reference
  `);
  const overlapsByAgreement = groupBy(overlapping, (o) => o.agreementId);
  const reviewBy = addDays(today, settings.reviewDueDays);
  const awaitingBefore = `${addDays(today, -settings.awaitingSignaturesDays)}T00:00:00.000Z`;
  const rows = await db
    .select({ a: agreements, personName: people.name, providerName: organisations.name, currentState: agreementVersions.state })
    .from(agreements)
    .innerJoin(people, eq(people.id, agreements.personId))
    .innerJoin(organisations, eq(organisations.id, agreements.providerId))
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
    .where(
      and(
        scope,
        sql`${agreements.state} <> 'ended'`,
        sql`((${agreements.state} = 'active' AND ${agreements.reviewDate} <= ${reviewBy})
          OR (${agreements.awaitingSignaturesSince} IS NOT NULL AND ${agreements.awaitingSignaturesSince} < ${awaitingBefore})
          OR (${agreements.state} IN ('active', 'suspended') AND ${agreements.inForceVersion} IS NOT NULL))`,
      ),
    );
  return rows
    .filter(({ a }) => thinByAgreement.has(a.id) || overlapsByAgreement.has(a.id) || (a.state === "active" && a.reviewDate <= reviewBy) || (a.awaitingSignaturesSince !== null && a.awaitingSignaturesSince < awaitingBefore))
    .map(({ a, personName, providerName, currentState }) => ({
      agreementId: a.id,
      reference: a.reference,
      personInitials: initials(personName),
      providerId: a.providerId,
      providerName,
      teamId: a.teamId,
      state: a.state,
      startDate: a.startDate,
      inForceVersion: a.inForceVersion,
      personId: a.personId,
      reviewDate: a.reviewDate,
      awaitingSince: currentState === "awaiting_signatures" && a.awaitingSignaturesSince ? a.awaitingSignaturesSince.slice(0, 10) : null,
      tasks: (thinByAgreement.get(a.id) ?? []).map((t) => ({
        taskName: t.taskName,
        personSpecific: Number(t.personSpecific) === 1,
        mayCarryOut: t.may,
        competentWorkers: t.competent,
        namedWorkers: t.named,
        forecast: forecastable(t) ? (forecastFacts.get(`${a.id}:${t.taskId}`) ?? []) : undefined,
      })),
      overlaps: [...groupBy(overlapsByAgreement.get(a.id) ?? [], (o) => o.taskName)].map(([taskName, os]) => ({ taskName, references: os.map((o) => o.other) })),
    }));
}

/**
 * For the cover forecast: each named worker on these agreements' in-force versions, per task,
 * with their status and the competency that counts for the task and person (the one SQL rule).
 */
async function namedWorkerFacts(db: Db, { agreementIds }: { agreementIds: number[] }) {
  const refs = { workerId: sql`cw.id`, taskId: sql`t.task_id`, personSpecific: sql`tk.person_specific`, personId: sql`a.person_id` };
  const rows = await chunked(agreementIds, async (ids) =>
    await rawRows<{ agreementId: number; taskId: number; status: WorkerStatus; personId: number | null; state: StoredCompetencyState | null; expiresOn: IsoDate | null }>(db, sql`
      SELECT a.id AS "agreementId", t.task_id AS "taskId", cw.status AS status,
        ${countingCompetencySql(refs, "person_id")} AS "personId",
        ${countingCompetencySql(refs, "state")} AS state,
        ${countingCompetencySql(refs, "expires_on")} AS "expiresOn"
      FROM ${agreements} a
      JOIN ${agreementVersions} v ON v.agreement_id = a.id AND v.version = a.in_force_version
      JOIN ${agreementTasks} t ON t.version_id = v.id
      JOIN ${tasks} tk ON tk.id = t.task_id
      JOIN ${agreementWorkers} aw ON aw.version_id = v.id
      JOIN ${careWorkers} cw ON cw.id = aw.worker_id
      WHERE a.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
    `),
  );
  const byTask = new Map<string, { worker: { status: WorkerStatus }; competencies: CompetencyFacts[] }[]>();
  for (const r of rows) {
    const key = `${r.agreementId}:${r.taskId}`;
    const list = byTask.get(key) ?? [];
    list.push({ worker: { status: r.status }, competencies: r.state ? [{ personId: r.personId, state: r.state, expiresOn: r.expiresOn }] : [] });
    byTask.set(key, list);
  }
  return byTask;
}
