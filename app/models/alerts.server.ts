/**
 * Alerts for a reader, cached, and the expiry chart. The engine (app/domain/alerts.ts) is fed
 * by alert-competency-records.server.ts and alert-agreement-records.server.ts: only the rows that can alert, within the actor's scope, through the
 * indexes on (state, expires_on), (state, review_date) and the agreement scope columns.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { computeAlerts } from "~/domain/alert-engine";
import type { Alert, AlertSettings } from "~/domain/alerts";
import { addMonths, formatDate, type IsoDate } from "~/domain/dates";
import type { Db } from "~db/client";
import { agreements, careWorkers, competencies, organisations } from "~db/tables";
import { actorKey, derivedUntilChange } from "~/models/transaction.server";
import { agreementScope, competencyScope, EVERYTHING } from "./scope.server";
import { competencyRecords, declineRecords } from "./alert-competency-records.server";
import { agreementRecords } from "./alert-agreement-records.server";


/**
 * Alerts are derived data: computed once per scope until anything is written (this process's
 * write transactions, or another process's, as SQLite's data_version shows) or the day changes.
 */
const alertsOf = derivedUntilChange<Alert[]>();

export function listAlertsCached(db: Db, { actor, today, settings }: { actor: Actor; today: IsoDate; settings: AlertSettings }): Promise<Alert[]> {
  return alertsOf(db, `${actorKey(actor)}|${today}|${JSON.stringify(settings)}`, () => listAlerts(db, { actor, today, settings }));
}

/** Alerts for one actor's scope, or for everyone (the CLI and the digest pass `null`). */
export async function listAlerts(db: Db, { actor, today, settings }: { actor: Actor | null; today: IsoDate; settings: AlertSettings }): Promise<Alert[]> {
  return computeAlerts(
    {
      competencies: await competencyRecords(db, { scope: actor ? competencyScope(actor) : EVERYTHING, agreementsSeen: actor ? agreementScope(actor) : EVERYTHING, today, settings }),
      agreements: await agreementRecords(db, { scope: actor ? agreementScope(actor) : EVERYTHING, today, settings }),
      declines: await declineRecords(db, { scope: actor ? competencyScope(actor) : EVERYTHING, agreementsSeen: actor ? agreementScope(actor) : EVERYTHING }),
    },
    today,
    settings,
  );
}

/**
 * Every alert in the region (listAlerts for everyone), a batch of organisations at a time: an
 * alert is about one worker's competency or one agreement (app/domain/alert-engine.ts), each of
 * one care provider, so the batches together hold exactly the region's alerts, and memory stays
 * that of one batch however large the region grows. Each batch is most urgent first.
 */
export async function* regionAlertBatches(db: Db, { today, settings, organisationsPerBatch = 100 }: { today: IsoDate; settings: AlertSettings; organisationsPerBatch?: number }): AsyncGenerator<Alert[]> {
  const ids = (await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.id))).map((o) => o.id);
  for (let i = 0; i < ids.length; i += organisationsPerBatch) {
    const batch = ids.slice(i, i + organisationsPerBatch);
    const theirWorkers = inArray(careWorkers.providerId, batch);
    yield computeAlerts(
      {
        competencies: await competencyRecords(db, { scope: theirWorkers, agreementsSeen: EVERYTHING, today, settings }),
        agreements: await agreementRecords(db, { scope: inArray(agreements.providerId, batch), today, settings }),
        declines: await declineRecords(db, { scope: theirWorkers, agreementsSeen: EVERYTHING }),
      },
      today,
      settings,
    );
  }
}

type ExpiryMonths = { month: string; label: string; count: number }[];
const expiryOf = derivedUntilChange<ExpiryMonths>();

/**
 * Competencies expiring in each of the next 12 months, in scope: for the expiry chart on the home
 * page. Kept until anything is written, as alerts are: on PostgreSQL the count reads every
 * competency in the region expiring within the year before keeping the reader's own (its planner
 * prefers the (state, expiry) index), so it grew with the region.
 */
export function expiryByMonth(db: Db, { actor, today }: { actor: Actor; today: IsoDate }): Promise<ExpiryMonths> {
  return expiryOf(db, `${actorKey(actor)}|${today}`, () => countExpiryByMonth(db, { actor, today }));
}

async function countExpiryByMonth(db: Db, { actor, today }: { actor: Actor; today: IsoDate }): Promise<ExpiryMonths> {
  const until = addMonths(today, 12);
  const rows = await db
    .select({ month: sql<string>`substr(${competencies.expiresOn}, 1, 7)`, count: sql<number>`count(*)` })
    .from(competencies)
    .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
    .where(and(eq(competencies.state, "competent"), eq(careWorkers.status, "active"), sql`${competencies.expiresOn} >= ${today}`, sql`${competencies.expiresOn} < ${until}`, competencyScope(actor)))
    .groupBy(sql`substr(${competencies.expiresOn}, 1, 7)`);
  const months: ExpiryMonths = [];
  for (let i = 0; i < 12; i++) {
    const first = addMonths(`${today.slice(0, 7)}-01`, i);
    const month = first.slice(0, 7);
    months.push({ month, label: formatDate(first).replace(/^1 /, ""), count: rows.find((r) => r.month === month)?.count ?? 0 });
  }
  return months;
}
