/**
 * Feeds the alert engine: only the rows that can alert, within the actor's scope, through the
 * indexes on (state, expires_on), (state, review_date) and the agreement scope columns.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { computeAlerts, type AgreementRecord, type Alert, type AlertSettings, type CompetencyRecord, type DeclineRecord } from "~/domain/alerts";
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
import { agreementScope, workerScope } from "./scope.server";

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
      competencies: competencyRecords(db, { scope: actor ? workerScope(actor) : EVERYONE, today, settings }),
      agreements: agreementRecords(db, { scope: actor ? agreementScope(actor) : EVERYONE, today, settings }),
      declines: declineRecords(db, { scope: actor ? workerScope(actor) : EVERYONE }),
    },
    today,
    settings,
  );
}

function competencyRecords(db: Db, { scope, today, settings }: { scope: SQL; today: IsoDate; settings: AlertSettings }): CompetencyRecord[] {
  const warnUntil = addDays(today, settings.competencyWarningDays);
  const liveNaming = sql`EXISTS (
    SELECT 1 FROM ${agreements} a
    JOIN ${agreementVersions} v ON v.agreement_id = a.id AND v.version = a.in_force_version
    JOIN ${agreementWorkers} w ON w.version_id = v.id AND w.worker_id = ${competencies.workerId}
    JOIN ${agreementTasks} t ON t.version_id = v.id AND t.task_id = ${competencies.taskId}
    WHERE a.state IN ('active', 'suspended') AND (${competencies.personId} IS NULL OR a.person_id = ${competencies.personId})
  )`;
  const rows = db
    .select({
      competencyId: competencies.id,
      workerId: careWorkers.id,
      workerName: careWorkers.name,
      taskId: tasks.id,
      taskName: tasks.name,
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
      .where(and(inArray(agreementWorkers.workerId, ids), inArray(agreements.state, ["active", "suspended"])))
      .all(),
  );
  const namingByWorkerTask = groupBy(naming, (n) => `${n.workerId}:${n.taskId}`);
  const providerIds = [...new Set(rows.map((r) => r.providerId))];
  const teamsByProvider = groupBy(
    chunked(providerIds, (ids) => db.select().from(teamProviders).where(inArray(teamProviders.providerId, ids)).all()),
    (l) => l.providerId,
  );

  return rows.map((r) => {
    const named = (namingByWorkerTask.get(`${r.workerId}:${r.taskId}`) ?? []).filter((n) => r.personId === null || n.personId === r.personId);
    return {
      competencyId: r.competencyId,
      workerId: r.workerId,
      workerName: r.workerName,
      taskName: r.taskName,
      personInitials: r.personName ? initials(r.personName) : null,
      providerId: r.providerId,
      providerName: r.providerName,
      teamIds: [...new Set([...(teamsByProvider.get(r.providerId) ?? []).map((l) => l.teamId), ...named.map((n) => n.teamId)])],
      expiresOn: r.expiresOn!,
      liveAgreements: [...new Set(named.map((n) => n.reference))],
    };
  });
}

function agreementRecords(db: Db, { scope, today, settings }: { scope: SQL; today: IsoDate; settings: AlertSettings }): AgreementRecord[] {
  // Tasks on live agreements with at most one competent named worker: the only ones that alert.
  const thin = db.all<{ agreementId: number; taskName: string; named: number; competent: number }>(sql`
    SELECT ${agreements.id} AS agreementId, tk.name AS taskName,
      COUNT(DISTINCT aw.worker_id) AS named,
      COUNT(DISTINCT c.worker_id) AS competent
    FROM ${agreements}
    JOIN ${agreementVersions} v ON v.agreement_id = ${agreements.id} AND v.version = ${agreements.inForceVersion}
    JOIN ${agreementTasks} t ON t.version_id = v.id
    JOIN ${tasks} tk ON tk.id = t.task_id
    LEFT JOIN ${agreementWorkers} aw ON aw.version_id = v.id
    LEFT JOIN ${careWorkers} cw ON cw.id = aw.worker_id AND cw.status = 'active'
    LEFT JOIN ${competencies} c ON c.worker_id = cw.id AND c.task_id = t.task_id AND c.state = 'competent' AND c.expires_on >= ${today}
      AND ((tk.person_specific = 1 AND c.person_id = ${agreements.personId}) OR (tk.person_specific = 0 AND c.person_id IS NULL))
    WHERE ${agreements.state} IN ('active', 'suspended') AND ${scope}
    GROUP BY ${agreements.id}, t.task_id
    HAVING competent <= 1
  `);
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
      reviewDate: a.reviewDate,
      awaitingSince: currentState === "awaiting_signatures" && a.awaitingSignaturesSince ? a.awaitingSignaturesSince.slice(0, 10) : null,
      tasks: (thinByAgreement.get(a.id) ?? []).map((t) => ({ taskName: t.taskName, competentWorkers: t.competent, namedWorkers: t.named })),
      overlaps: [...groupBy(overlapsByAgreement.get(a.id) ?? [], (o) => o.taskName)].map(([taskName, os]) => ({ taskName, references: os.map((o) => o.other) })),
    }));
}

/** Declined competencies whose worker is still named for that task on a live agreement (rule 12). */
function declineRecords(db: Db, { scope }: { scope: SQL }): DeclineRecord[] {
  const rows = db.all<{ competencyId: number; workerId: number; workerName: string; taskName: string; personName: string | null; providerId: number; providerName: string; declinedAt: string; reason: string; reference: string; teamId: number }>(sql`
    SELECT ${competencies.id} AS competencyId, ${careWorkers.id} AS workerId, ${careWorkers.name} AS workerName, tk.name AS taskName,
      p.name AS personName, ${careWorkers.providerId} AS providerId, o.name AS providerName,
      ${competencies.stateChangedAt} AS declinedAt, ${competencies.stateReason} AS reason, a.reference AS reference, a.team_id AS teamId
    FROM ${competencies}
    JOIN ${careWorkers} ON ${careWorkers.id} = ${competencies.workerId} AND ${careWorkers.status} = 'active'
    JOIN ${tasks} tk ON tk.id = ${competencies.taskId}
    JOIN ${organisations} o ON o.id = ${careWorkers.providerId}
    LEFT JOIN ${people} p ON p.id = ${competencies.personId}
    JOIN ${agreementWorkers} w ON w.worker_id = ${competencies.workerId}
    JOIN ${agreementVersions} v ON v.id = w.version_id
    JOIN ${agreements} a ON a.id = v.agreement_id AND v.version = a.in_force_version AND a.state IN ('active', 'suspended')
    JOIN ${agreementTasks} t ON t.version_id = v.id AND t.task_id = ${competencies.taskId}
    WHERE ${competencies.state} = 'declined' AND (${competencies.personId} IS NULL OR a.person_id = ${competencies.personId}) AND ${scope}
    ORDER BY a.reference
  `);
  return [...groupBy(rows, (r) => r.competencyId).values()].map((rs) => {
    const r = rs[0]!;
    return {
      competencyId: r.competencyId,
      workerId: r.workerId,
      workerName: r.workerName,
      taskName: r.taskName,
      personInitials: r.personName ? initials(r.personName) : null,
      providerId: r.providerId,
      providerName: r.providerName,
      teamIds: [...new Set(rs.map((x) => x.teamId))],
      liveAgreements: [...new Set(rs.map((x) => x.reference))],
      declinedOn: londonDate(new Date(r.declinedAt)),
      reason: r.reason,
    };
  });
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
    .where(and(eq(competencies.state, "competent"), eq(careWorkers.status, "active"), sql`${competencies.expiresOn} >= ${today}`, sql`${competencies.expiresOn} < ${until}`, workerScope(actor)))
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
