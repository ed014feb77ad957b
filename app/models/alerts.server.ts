/**
 * Feeds the alert engine: only the rows that can alert, within the actor's scope, through the
 * indexes on (state, expires_on), (state, review_date) and the agreement scope columns.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { isInForce, type StoredAgreementState } from "~/domain/agreement";
import { computeAlerts, type AgreementRecord, type Alert, type AlertSettings, type CompetencyRecord, type DeclineRecord } from "~/domain/alerts";
import type { CompetencyFacts } from "~/domain/carry-out";
import { countsForTask, type StoredCompetencyState } from "~/domain/competency";
import { addDays, addMonths, formatDate, londonDate, type IsoDate } from "~/domain/dates";
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
} from "~db/schema";
import { writeGeneration } from "~/services/audit.server";
import { initials } from "~/domain/names";
import { agreementBarSql, carryOutFromSql, competenceCodeSql, countingCompetencySql, countsForTaskSql, isMaySql } from "./carry-out-sql.server";
import { agreementScope, competencyScope } from "./scope.server";
import { namesakesSql } from "./worker-names.server";

const EVERYONE = sql`1`;

/**
 * Alerts are derived data: computed once per scope until anything is written (this process's
 * write transactions, or another process's, as SQLite's data_version shows) or the day changes.
 */
const cache = new Map<string, Alert[]>();

export function listAlertsCached(db: Db, { actor, today, settings }: { actor: Actor; today: IsoDate; settings: AlertSettings }): Alert[] {
  const dataVersion = db.get<{ data_version: number }>(sql`PRAGMA data_version`)?.data_version ?? 0;
  const key = `${actor.role}:${actor.userId}|${today}|${writeGeneration()}|${dataVersion}|${JSON.stringify(settings)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const alerts = listAlerts(db, { actor, today, settings });
  if (cache.size > 500) cache.clear();
  cache.set(key, alerts);
  return alerts;
}

/** Alerts for one actor's scope, or for everyone (the CLI and the digest pass `null`). */
export function listAlerts(db: Db, { actor, today, settings }: { actor: Actor | null; today: IsoDate; settings: AlertSettings }): Alert[] {
  return computeAlerts(
    {
      competencies: competencyRecords(db, { scope: actor ? competencyScope(actor) : EVERYONE, agreementsSeen: actor ? agreementScope(actor) : EVERYONE, today, settings }),
      agreements: agreementRecords(db, { scope: actor ? agreementScope(actor) : EVERYONE, today, settings }),
      declines: declineRecords(db, { scope: actor ? competencyScope(actor) : EVERYONE, agreementsSeen: actor ? agreementScope(actor) : EVERYONE }),
    },
    today,
    settings,
  );
}

/** `agreementsSeen`: the agreements whose references the reader may see (docs/domain.md rule 15). */
function competencyRecords(db: Db, { scope, agreementsSeen, today, settings }: { scope: SQL; agreementsSeen: SQL; today: IsoDate; settings: AlertSettings }): CompetencyRecord[] {
  const warnUntil = addDays(today, settings.competencyWarningDays);
  // Named on a live agreement for a task this competency counts for (the one person rule).
  const liveNaming = sql`EXISTS (
    SELECT 1 FROM ${agreements} a
    JOIN ${agreementVersions} v ON v.agreement_id = a.id AND v.version = a.in_force_version
    JOIN ${agreementWorkers} w ON w.version_id = v.id AND w.worker_id = ${competencies.workerId}
    JOIN ${agreementTasks} t ON t.version_id = v.id AND t.task_id = ${competencies.taskId}
    WHERE a.state IN ('active', 'suspended') AND ${countsForTaskSql({ competencyPersonId: sql`${competencies.personId}`, personSpecific: sql`${tasks.personSpecific}`, personId: sql`a.person_id` })}
  )`;
  const rows = db
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
    )
    .all();
  if (!rows.length) return [];

  const workerIds = [...new Set(rows.map((r) => r.workerId))];
  const naming = chunked(workerIds, (ids) =>
    db
      .select({ workerId: agreementWorkers.workerId, taskId: agreementTasks.taskId, personId: agreements.personId, reference: agreements.reference, teamId: agreements.teamId })
      .from(agreementWorkers)
      .innerJoin(agreementVersions, eq(agreementVersions.id, agreementWorkers.versionId))
      .innerJoin(agreements, and(eq(agreements.id, agreementVersions.agreementId), eq(agreementVersions.version, agreements.inForceVersion)))
      .innerJoin(agreementTasks, eq(agreementTasks.versionId, agreementVersions.id))
      .where(and(inArray(agreementWorkers.workerId, ids), inArray(agreements.state, ["active", "suspended"]), agreementsSeen))
      .all(),
  );
  const namingByWorkerTask = groupBy(naming, (n) => `${n.workerId}:${n.taskId}`);
  const providerIds = [...new Set(rows.map((r) => r.providerId))];
  const teamsByProvider = groupBy(
    chunked(providerIds, (ids) => db.select().from(teamProviders).where(inArray(teamProviders.providerId, ids)).all()),
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

function agreementRecords(db: Db, { scope, today, settings }: { scope: SQL; today: IsoDate; settings: AlertSettings }): AgreementRecord[] {
  // Tasks on live agreements that can alert: at most one competent named worker today, or at the
  // end of the forecast window. Counted by the one SQL form of docs/domain.md rule 4.
  const forecastEnd = addDays(today, settings.coverForecastDays);
  const refs = (on: IsoDate) => ({
    today: on,
    warningDays: settings.competencyWarningDays,
    named: sql`1`,
    workerId: sql`cw.id`,
    workerStatus: sql`cw.status`,
    taskId: sql`t.task_id`,
    personSpecific: sql`tk.person_specific`,
    personId: sql`${agreements.personId}`,
  });
  const agreementRefs = { state: sql`${agreements.state}`, startDate: sql`${agreements.startDate}`, inForceVersion: sql`${agreements.inForceVersion}`, version: sql`v.version`, versionState: sql`v.state` };
  // Each named worker's competence is worked out once per row; whether they may carry the task
  // out today is the same rule's first check (the agreement in force) on top of it.
  const thin = db.all<{ agreementId: number; taskId: number; taskName: string; personSpecific: number; state: StoredAgreementState; startDate: IsoDate; named: number; may: number; competent: number; competentAtEnd: number }>(sql`
    SELECT agreementId, taskId, taskName, personSpecific, state, startDate,
      COUNT(workerId) AS named,
      SUM(CASE WHEN workerId IS NULL THEN 0 WHEN ${isMaySql(carryOutFromSql(sql`bar`, sql`competence`))} THEN 1 ELSE 0 END) AS may,
      SUM(CASE WHEN workerId IS NULL THEN 0 WHEN ${isMaySql(sql`competence`)} THEN 1 ELSE 0 END) AS competent,
      SUM(CASE WHEN workerId IS NULL THEN 0 WHEN ${isMaySql(sql`competenceAtEnd`)} THEN 1 ELSE 0 END) AS competentAtEnd
    FROM (
      SELECT ${agreements.id} AS agreementId, t.task_id AS taskId, tk.name AS taskName, tk.person_specific AS personSpecific,
        ${agreements.state} AS state, ${agreements.startDate} AS startDate, cw.id AS workerId,
        ${agreementBarSql(agreementRefs, today)} AS bar,
        ${competenceCodeSql(refs(today))} AS competence,
        ${competenceCodeSql(refs(forecastEnd))} AS competenceAtEnd
      FROM ${agreements}
      JOIN ${agreementVersions} v ON v.agreement_id = ${agreements.id} AND v.version = ${agreements.inForceVersion}
      JOIN ${agreementTasks} t ON t.version_id = v.id
      JOIN ${tasks} tk ON tk.id = t.task_id
      LEFT JOIN ${agreementWorkers} aw ON aw.version_id = v.id
      LEFT JOIN ${careWorkers} cw ON cw.id = aw.worker_id
      WHERE ${agreements.state} IN ('active', 'suspended') AND ${scope}
    )
    GROUP BY agreementId, taskId
    HAVING competent <= 1 OR competentAtEnd <= 1
  `);
  // The forecast only speaks for active agreements not already short of cover today.
  const forecastable = (t: (typeof thin)[number]) => t.state === "active" && !(isInForce(t, today) && t.may <= 1);
  const forecastFacts = namedWorkerFacts(db, { agreementIds: [...new Set(thin.filter(forecastable).map((t) => t.agreementId))] });
  const thinByAgreement = groupBy(thin, (t) => t.agreementId);
  // docs/domain.md rule 10: live agreements for the same person sharing a task with another live one.
  const overlapping = db.all<{ agreementId: number; taskName: string; other: string }>(sql`
    SELECT ${agreements.id} AS agreementId, tk.name AS taskName, b.reference AS other
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
  const rows = db
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
    )
    .all();
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
        personSpecific: t.personSpecific === 1,
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
function namedWorkerFacts(db: Db, { agreementIds }: { agreementIds: number[] }) {
  const refs = { workerId: sql`cw.id`, taskId: sql`t.task_id`, personSpecific: sql`tk.person_specific`, personId: sql`a.person_id` };
  const rows = chunked(agreementIds, (ids) =>
    db.all<{ agreementId: number; taskId: number; status: "active" | "left"; personId: number | null; state: StoredCompetencyState | null; expiresOn: IsoDate | null }>(sql`
      SELECT a.id AS agreementId, t.task_id AS taskId, cw.status AS status,
        ${countingCompetencySql(refs, "person_id")} AS personId,
        ${countingCompetencySql(refs, "state")} AS state,
        ${countingCompetencySql(refs, "expires_on")} AS expiresOn
      FROM ${agreements} a
      JOIN ${agreementVersions} v ON v.agreement_id = a.id AND v.version = a.in_force_version
      JOIN ${agreementTasks} t ON t.version_id = v.id
      JOIN ${tasks} tk ON tk.id = t.task_id
      JOIN ${agreementWorkers} aw ON aw.version_id = v.id
      JOIN ${careWorkers} cw ON cw.id = aw.worker_id
      WHERE a.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
    `),
  );
  const byTask = new Map<string, { worker: { status: "active" | "left" }; competencies: CompetencyFacts[] }[]>();
  for (const r of rows) {
    const key = `${r.agreementId}:${r.taskId}`;
    const list = byTask.get(key) ?? [];
    list.push({ worker: { status: r.status }, competencies: r.state ? [{ personId: r.personId, state: r.state, expiresOn: r.expiresOn }] : [] });
    byTask.set(key, list);
  }
  return byTask;
}

/** Declined competencies whose worker is still named for that task on a live agreement (docs/domain.md rule 12). */
function declineRecords(db: Db, { scope, agreementsSeen }: { scope: SQL; agreementsSeen: SQL }): DeclineRecord[] {
  const rows = db.all<{ competencyId: number; workerId: number; workerName: string; staffNumber: string | null; namesakes: number; taskName: string; personName: string | null; providerId: number; providerName: string; declinedAt: string; reason: string; reference: string; teamId: number }>(sql`
    SELECT ${competencies.id} AS competencyId, ${careWorkers.id} AS workerId, ${careWorkers.name} AS workerName, ${careWorkers.staffNumber} AS staffNumber,
      ${namesakesSql()} AS namesakes, tk.name AS taskName,
      p.name AS personName, ${careWorkers.providerId} AS providerId, o.name AS providerName,
      ${competencies.stateChangedAt} AS declinedAt, ${competencies.stateReason} AS reason, ${agreements.reference} AS reference, ${agreements.teamId} AS teamId
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

/** Runs `query` over ids in slices, keeping each statement well under SQLite's bound-variable limit. */
function chunked<T>(ids: number[], query: (slice: number[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 900) out.push(...query(ids.slice(i, i + 900)));
  return out;
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Competencies expiring in each of the next 12 months, in scope: for the expiry chart. */
export function expiryByMonth(db: Db, { actor, today }: { actor: Actor; today: IsoDate }) {
  const until = addMonths(today, 12);
  const rows = db
    .select({ month: sql<string>`substr(${competencies.expiresOn}, 1, 7)`, count: sql<number>`count(*)` })
    .from(competencies)
    .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
    .where(and(eq(competencies.state, "competent"), eq(careWorkers.status, "active"), sql`${competencies.expiresOn} >= ${today}`, sql`${competencies.expiresOn} < ${until}`, competencyScope(actor)))
    .groupBy(sql`substr(${competencies.expiresOn}, 1, 7)`)
    .all();
  const months: { month: string; label: string; count: number }[] = [];
  for (let i = 0; i < 12; i++) {
    const first = addMonths(`${today.slice(0, 7)}-01`, i);
    const month = first.slice(0, 7);
    months.push({ month, label: formatDate(first).replace(/^1 /, ""), count: rows.find((r) => r.month === month)?.count ?? 0 });
  }
  return months;
}
