import { rawRows } from "./transaction.server";
/**
 * The competencies that can alert (expiring, expired, suspended, declined while still named),
 * within the reader's scope, as the alert engine's records (app/domain/alerts.ts).
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AlertSettings, CompetencyRecord, DeclineRecord } from "~/domain/alerts";
import { countsForTask } from "~/domain/competency";
import { addDays, londonDate, type IsoDate } from "~/domain/dates";
import type { Db } from "~db/client";
import {
  agreements,
  agreementTasks,
  agreementVersions,
  agreementWorkers,
  careWorkers,
  competencies,
  organisations,
  people,
  tasks,
  teamProviders,
} from "~db/tables";
import { initials } from "~/domain/names";
import { countsForTaskSql } from "./carry-out-sql.server";
import { namesakesSql } from "./worker-names.server";
import { chunked, groupBy } from "./batches.server";

/** `agreementsSeen`: the agreements whose references the reader may see (docs/domain.md rule 15). */
export async function competencyRecords(db: Db, { scope, agreementsSeen, today, settings }: { scope: SQL; agreementsSeen: SQL; today: IsoDate; settings: AlertSettings }): Promise<CompetencyRecord[]> {
  const warnUntil = addDays(today, settings.competencyWarningDays);
  // Named on a live agreement for a task this competency counts for (the one person rule).
  const liveNaming = sql`EXISTS (
    SELECT 1 FROM ${agreements} a
    JOIN ${agreementVersions} v ON v.agreement_id = a.id AND v.version = a.in_force_version
    JOIN ${agreementWorkers} w ON w.version_id = v.id AND w.worker_id = ${competencies.workerId}
    JOIN ${agreementTasks} t ON t.version_id = v.id AND t.task_id = ${competencies.taskId}
    WHERE a.state IN ('active', 'suspended') AND ${countsForTaskSql({ competencyPersonId: sql`${competencies.personId}`, personSpecific: sql`${tasks.personSpecific}`, personId: sql`a.person_id` })}
  )`;
  const rows = await db
    .select({
      competencyId: competencies.id,
      workerId: careWorkers.id,
      workerName: careWorkers.name,
      staffNumber: careWorkers.staffNumber,
      namesakes: namesakesSql(),
      taskId: tasks.id,
      taskName: tasks.name,
      personSpecific: tasks.personSpecific,
      personId: competencies.personId,
      personName: people.name,
      providerId: careWorkers.providerId,
      providerName: organisations.name,
      expiresOn: competencies.expiresOn,
    })
    .from(competencies)
    .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
    .innerJoin(tasks, eq(tasks.id, competencies.taskId))
    .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
    .leftJoin(people, eq(people.id, competencies.personId))
    .where(
      and(
        eq(competencies.state, "competent"),
        sql`${competencies.expiresOn} <= ${warnUntil}`,
        sql`(${competencies.expiresOn} >= ${today} OR ${liveNaming})`,
        eq(careWorkers.status, "active"),
        scope,
      ),
    );
  if (!rows.length) return [];

  const workerIds = [...new Set(rows.map((r) => r.workerId))];
  const naming = await chunked(workerIds, async (ids) =>
    await db
      .select({ workerId: agreementWorkers.workerId, taskId: agreementTasks.taskId, personId: agreements.personId, reference: agreements.reference, teamId: agreements.teamId })
      .from(agreementWorkers)
      .innerJoin(agreementVersions, eq(agreementVersions.id, agreementWorkers.versionId))
      .innerJoin(agreements, and(eq(agreements.id, agreementVersions.agreementId), eq(agreementVersions.version, agreements.inForceVersion)))
      .innerJoin(agreementTasks, eq(agreementTasks.versionId, agreementVersions.id))
      .where(and(inArray(agreementWorkers.workerId, ids), inArray(agreements.state, ["active", "suspended"]), agreementsSeen)),
  );
  const namingByWorkerTask = groupBy(naming, (n) => `${n.workerId}:${n.taskId}`);
  const providerIds = [...new Set(rows.map((r) => r.providerId))];
  const teamsByProvider = groupBy(
    await chunked(providerIds, async (ids) => await db.select().from(teamProviders).where(inArray(teamProviders.providerId, ids))),
    (l) => l.providerId,
  );

  return rows.map((r) => {
    const named = (namingByWorkerTask.get(`${r.workerId}:${r.taskId}`) ?? []).filter((n) => countsForTask(r, { personSpecific: r.personSpecific }, n.personId));
    return {
      ...competencySubject(r),
      teamIds: [...new Set([...(teamsByProvider.get(r.providerId) ?? []).map((l) => l.teamId), ...named.map((n) => n.teamId)])],
      expiresOn: r.expiresOn!,
      liveAgreements: [...new Set(named.map((n) => n.reference))],
    };
  });
}

/** Declined competencies whose worker is still named for that task on a live agreement (docs/domain.md rule 12). */
export async function declineRecords(db: Db, { scope, agreementsSeen }: { scope: SQL; agreementsSeen: SQL }): Promise<DeclineRecord[]> {
  const rows = await rawRows<{ competencyId: number; workerId: number; workerName: string; staffNumber: string | null; namesakes: number; taskName: string; personName: string | null; providerId: number; providerName: string; declinedAt: string; reason: string; reference: string; teamId: number }>(db, sql`
    SELECT ${competencies.id} AS "competencyId", ${careWorkers.id} AS "workerId", ${careWorkers.name} AS "workerName", ${careWorkers.staffNumber} AS "staffNumber",
      ${namesakesSql()} AS namesakes, tk.name AS "taskName",
      p.name AS "personName", ${careWorkers.providerId} AS "providerId", o.name AS "providerName",
      ${competencies.stateChangedAt} AS "declinedAt", ${competencies.stateReason} AS reason, ${agreements.reference} AS reference, ${agreements.teamId} AS "teamId"
    FROM ${competencies}
    JOIN ${careWorkers} ON ${careWorkers.id} = ${competencies.workerId} AND ${careWorkers.status} = 'active'
    JOIN ${tasks} tk ON tk.id = ${competencies.taskId}
    JOIN ${organisations} o ON o.id = ${careWorkers.providerId}
    LEFT JOIN ${people} p ON p.id = ${competencies.personId}
    JOIN ${agreementWorkers} w ON w.worker_id = ${competencies.workerId}
    JOIN ${agreementVersions} v ON v.id = w.version_id
    JOIN ${agreements} ON ${agreements.id} = v.agreement_id AND v.version = ${agreements.inForceVersion} AND ${agreements.state} IN ('active', 'suspended')
    JOIN ${agreementTasks} t ON t.version_id = v.id AND t.task_id = ${competencies.taskId}
    WHERE ${competencies.state} = 'declined'
      AND ${countsForTaskSql({ competencyPersonId: sql`${competencies.personId}`, personSpecific: sql`tk.person_specific`, personId: sql`${agreements.personId}` })}
      AND ${scope} AND ${agreementsSeen}
    ORDER BY ${agreements.reference}
  `);
  return [...groupBy(rows, (r) => r.competencyId).values()].map((rs) => {
    const r = rs[0]!;
    return {
      ...competencySubject(r),
      teamIds: [...new Set(rs.map((x) => x.teamId))],
      liveAgreements: [...new Set(rs.map((x) => x.reference))],
      declinedOn: londonDate(new Date(r.declinedAt)),
      reason: r.reason,
    };
  });
}

/** Who and what a competency alert is about: the person only by initials. */
function competencySubject(r: { competencyId: number; workerId: number; workerName: string; staffNumber: string | null; namesakes: number; taskName: string; personName: string | null; providerId: number; providerName: string }) {
  return {
    competencyId: r.competencyId,
    workerId: r.workerId,
    workerName: r.workerName,
    staffNumber: r.staffNumber,
    namesakes: r.namesakes,
    taskName: r.taskName,
    personInitials: r.personName ? initials(r.personName) : null,
    providerId: r.providerId,
    providerName: r.providerName,
  };
}
