/**
 * Lists of agreements in the actor's scope (docs/domain.md rule 15), with today's status: all of
 * them (filtered and searched), a person's, and those naming a care worker. One order for every
 * list (`compareForList` in app/domain/agreement.ts).
 */
import { aliasedTable, and, asc, count, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { agreementStatus, isInForce, LISTED_LAST, type AgreementStatus } from "~/domain/agreement";
import { addDays, type IsoDate } from "~/domain/dates";
import type { Search } from "~/domain/search";
import type { Db } from "~db/client";
import { agreements, agreementTasks, agreementVersions, agreementWorkers, organisations, people, tasks, users } from "~db/tables";
import { enforceInterlock } from "./agreement-cover.server";
import { agreementScope } from "./scope.server";
import { contains } from "./search.server";

const providers = aliasedTable(organisations, "providers");
const teams = aliasedTable(organisations, "teams");
const delegators = aliasedTable(users, "delegators");

export type AgreementFilters = {
  status?: AgreementStatus;
  providerId?: number;
  taskId?: number;
  reviewDueBy?: IsoDate;
  personId?: number;
  /** Part of the reference or the person's name, or the person's whole NHS number (docs/domain.md rule 15: in scope only). */
  search?: Search;
};

function searchWhere(search: Search | undefined): SQL | undefined {
  if (!search || search.kind === "none") return undefined;
  // Ten digits may be an NHS number or part of a reference ("2026-000003"): either matches.
  if (search.kind === "nhs_number") return or(eq(people.nhsNumber, search.nhsNumber), contains(agreements.reference, search.text));
  return or(contains(agreements.reference, search.text), contains(people.name, search.text));
}

/** compareForList (app/domain/agreement.ts) as an ORDER BY: live before ended, soonest review, reference. */
const LIST_ORDER = [sql`${inArray(agreements.state, [...LISTED_LAST])}`, asc(agreements.reviewDate), asc(agreements.reference)];

type ListArgs = { actor: Actor; filters: AgreementFilters; today: IsoDate; at: Date; reviewDueDays: number; warningDays: number };

/** What the list's filters and search keep, in the actor's scope. */
function listWhere(db: Db, { actor, filters, today, reviewDueDays }: Pick<ListArgs, "actor" | "filters" | "today" | "reviewDueDays">): SQL | undefined {
  const status = filters.status;
  const dueBy = addDays(today, reviewDueDays);
  const statusWhere: SQL | undefined =
    status === "review_overdue"
      ? and(eq(agreements.state, "active"), sql`${agreements.reviewDate} < ${today}`)
      : status === "review_due"
        ? and(eq(agreements.state, "active"), sql`${agreements.reviewDate} >= ${today}`, sql`${agreements.reviewDate} <= ${dueBy}`)
        : status === "active"
          ? and(eq(agreements.state, "active"), sql`${agreements.startDate} <= ${today}`, sql`${agreements.reviewDate} > ${dueBy}`)
          : status === "not_yet_in_force"
            ? and(eq(agreements.state, "active"), sql`${agreements.startDate} > ${today}`)
          : status
            ? eq(agreements.state, status)
            : undefined;
  return and(
    agreementScope(actor),
    statusWhere,
    filters.providerId ? eq(agreements.providerId, filters.providerId) : undefined,
    filters.personId ? eq(agreements.personId, filters.personId) : undefined,
    searchWhere(filters.search),
    filters.reviewDueBy ? and(inArray(agreements.state, ["active"]), sql`${agreements.reviewDate} <= ${filters.reviewDueBy}`) : undefined,
    filters.taskId
      ? exists(
          db
            .select({ one: agreementTasks.id })
            .from(agreementTasks)
            .innerJoin(agreementVersions, eq(agreementVersions.id, agreementTasks.versionId))
            .where(and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion), eq(agreementTasks.taskId, filters.taskId))),
        )
      : undefined,
  );
}

async function listRows(db: Db, args: ListArgs, { limit, offset }: { limit: number | null; offset: number }) {
  const query = db
    .select({
      id: agreements.id,
      reference: agreements.reference,
      state: agreements.state,
      reviewDate: agreements.reviewDate,
      startDate: agreements.startDate,
      currentVersion: agreements.currentVersion,
      inForceVersion: agreements.inForceVersion,
      personId: people.id,
      personName: people.name,
      providerName: providers.name,
      teamName: teams.name,
      delegatorName: delegators.name,
    })
    .from(agreements)
    .innerJoin(people, eq(people.id, agreements.personId))
    .innerJoin(providers, eq(providers.id, agreements.providerId))
    .innerJoin(teams, eq(teams.id, agreements.teamId))
    .innerJoin(delegators, eq(delegators.id, agreements.delegatorId))
    .where(listWhere(db, args))
    .orderBy(...LIST_ORDER);
  const rows = limit === null ? await query : await query.limit(limit).offset(offset);
  return rows.map((r) => ({ ...r, status: agreementStatus(r, args.today, args.reviewDueDays) }));
}

/** Every agreement in scope the filters keep, with today's status (batch printing must miss none); the interlock runs over them first. */
export async function listAgreements(db: Db, args: ListArgs) {
  await enforceInterlock(db, { today: args.today, at: args.at, warningDays: args.warningDays, actor: args.actor });
  return await listRows(db, args, { limit: null, offset: 0 });
}

/**
 * One page of the agreements in scope the filters keep (`page` from 1, clamped to what exists),
 * with today's status, how many there are in all and how many pages; the interlock runs first.
 */
export async function listAgreementsPage(db: Db, args: ListArgs & { page: number; size: number }) {
  await enforceInterlock(db, { today: args.today, at: args.at, warningDays: args.warningDays, actor: args.actor });
  // Only a search reads the person's name or NHS number: without one the count needs no join.
  const searched = args.filters.search && args.filters.search.kind !== "none";
  const counting = db.select({ n: count() }).from(agreements);
  const [counted] = await (searched ? counting.innerJoin(people, eq(people.id, agreements.personId)) : counting).where(listWhere(db, args));
  const total = counted?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / args.size));
  const page = Math.min(Math.max(1, Math.trunc(args.page) || 1), pages);
  const rows = await listRows(db, args, { limit: args.size, offset: (page - 1) * args.size });
  return { rows, total, page, pages };
}

/** Agreements on a person's record, for their page. */
export async function listPersonAgreements(db: Db, { actor, personId, today, reviewDueDays }: { actor: Actor; personId: number; today: IsoDate; reviewDueDays: number }) {
  return (await db
    .select({ id: agreements.id, reference: agreements.reference, state: agreements.state, reviewDate: agreements.reviewDate, startDate: agreements.startDate, currentVersion: agreements.currentVersion })
    .from(agreements)
    .where(and(eq(agreements.personId, personId), agreementScope(actor)))
    .orderBy(...LIST_ORDER))
    .map((r) => ({ ...r, status: agreementStatus(r, today, reviewDueDays) }));
}
/**
 * Agreements naming a care worker, for the worker's page and a care worker's own home page:
 * those in the reader's scope (docs/domain.md rule 15) whose current version or version in force
 * names the worker. Each shows the tasks of the version naming them (the one in force when it
 * does) and whether that version is in force today (rule 3).
 */
export async function listWorkerAgreements(db: Db, { actor, workerId, today, reviewDueDays }: { actor: Actor; workerId: number; today: IsoDate; reviewDueDays: number }) {
  const naming = (version: SQL | typeof agreements.currentVersion) =>
    sql`EXISTS (SELECT 1 FROM ${agreementWorkers} INNER JOIN ${agreementVersions} ON ${agreementVersions.id} = ${agreementWorkers.versionId} WHERE ${agreementVersions.agreementId} = ${agreements.id} AND ${agreementVersions.version} = ${version} AND ${agreementWorkers.workerId} = ${workerId})`;
  const rows = await db
    .select({
      id: agreements.id,
      reference: agreements.reference,
      state: agreements.state,
      startDate: agreements.startDate,
      reviewDate: agreements.reviewDate,
      currentVersion: agreements.currentVersion,
      inForceVersion: agreements.inForceVersion,
      personName: people.name,
      namedInForce: sql<number>`${agreements.inForceVersion} IS NOT NULL AND ${naming(sql`${agreements.inForceVersion}`)}`,
    })
    .from(agreements)
    .innerJoin(people, eq(people.id, agreements.personId))
    .where(and(agreementScope(actor), sql`(${naming(agreements.currentVersion)} OR (${agreements.inForceVersion} IS NOT NULL AND ${naming(sql`${agreements.inForceVersion}`)}))`))
    .orderBy(...LIST_ORDER);
  if (!rows.length) return [];
  const versionNumber = (r: (typeof rows)[number]) => (r.namedInForce && r.inForceVersion ? r.inForceVersion : r.currentVersion);
  const taskRows = await db
    .select({ agreementId: agreementVersions.agreementId, version: agreementVersions.version, taskName: tasks.name })
    .from(agreementTasks)
    .innerJoin(agreementVersions, eq(agreementVersions.id, agreementTasks.versionId))
    .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
    .where(inArray(agreementVersions.agreementId, rows.map((r) => r.id)))
    .orderBy(asc(tasks.name));
  return rows.map((r) => {
    const version = versionNumber(r);
    const inForce = !!r.namedInForce && isInForce(r, today);
    return {
      id: r.id,
      reference: r.reference,
      personName: r.personName,
      version,
      tasks: taskRows.filter((t) => t.agreementId === r.id && t.version === version).map((t) => t.taskName),
      status: agreementStatus(r, today, reviewDueDays),
      startDate: r.startDate,
      inForce,
    };
  });
}
