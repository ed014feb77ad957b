import { first } from "./transaction.server";
import { and, count, eq, exists, lte, ne, notExists, or, sql } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { partyRoleLabel } from "~/domain/agreement";
import type { Alert } from "~/domain/alerts";
import { addDays, formatDate, londonDate, type IsoDate } from "~/domain/dates";
import { groupActions, ROLE_ACTION_GROUPS, type ActionGroup, type ActionItem } from "~/domain/needs-action";
import { initials } from "~/domain/names";
import type { Settings } from "~/domain/settings";
import type { Db } from "~db/client";
import { concernsToActOn } from "./concerns.server";
import {
  agreements,
  agreementVersions,
  agreementWorkers,
  careWorkers,
  competencies,
  organisations,
  people,
  supervisedObservations,
  tasks,
  trainingAttendances,
  trainingSessions,
  users,
} from "~db/tables";
import { latestConsentOfEach } from "./agreement-content.server";
import { partiesActorStillSignsOnEach } from "./agreement-parties.server";
import { sendProblemsOfEach } from "./agreement-sending.server";
import { listAlertsCached } from "./alerts.server";
import { signOffReadiness } from "./competency-sign-off.server";
import { countUnread } from "./notifications.server";
import { agreementScope, competencyScope } from "./scope.server";
import { countPeople } from "./people.server";
import { countTasks } from "./tasks.server";
import { countWorkers } from "./workers.server";

export type HomeCount = { label: string; value: number; href: string };

/** The figures each role's home page opens with, all within the actor's scope. */
export async function homeCounts(db: Db, actor: Actor): Promise<HomeCount[]> {
  switch (actor.role) {
    case "admin":
      return [
        { label: "Organisations", value: (await first(db.select({ n: count() }).from(organisations).limit(1)))?.n ?? 0, href: "/organisations" },
        { label: "Users", value: (await first(db.select({ n: count() }).from(users).limit(1)))?.n ?? 0, href: "/admin/users" },
        { label: "Tasks in the catalogue", value: await countTasks(db), href: "/tasks" },
      ];
    case "nurse":
    case "facilitator":
      return [
        { label: "People on the caseload", value: await countPeople(db, actor), href: "/people" },
        { label: "Care workers", value: await countWorkers(db, actor), href: "/workers" },
        { label: "Tasks in the catalogue", value: await countTasks(db), href: "/tasks" },
      ];
    case "provider_manager":
      return [
        { label: "Care workers", value: await countWorkers(db, actor), href: "/workers" },
        { label: "People you care for", value: await countPeople(db, actor), href: "/people" },
      ];
    case "care_worker":
      return [];
  }
}

// ---------------------------------------------------------------------------
// Needs your action
// ---------------------------------------------------------------------------

/**
 * Another source of items, for what other parts of the product add (concerns: the lead wires the
 * concerns model here, returning items of group "concern", each scoped to the actor in its SQL).
 */
export type ActionSource = (db: Db, args: { actor: Actor; today: IsoDate }) => Promise<ActionItem[]>;

/**
 * Open concerns the user should look into (docs/domain.md rule 16): the delegating nurse and the
 * provider's managers close them; `concernsToActOn` scopes them in its SQL.
 */
const openConcerns: ActionSource = async (db, { actor }) =>
  (await concernsToActOn(db, actor)).map((c) => ({
    group: "concern",
    title: `Concern ${c.id}${c.agreementReference ? ` on ${c.agreementReference}` : ""}${c.workerName ? ` about ${c.workerName}` : ""}${c.taskName ? `: ${c.taskName.toLowerCase()}` : ""}`,
    detail: `Happened ${formatDate(c.occurredOn)}. Look into it, then close it with an outcome`,
    href: `/concerns/${c.id}`,
    dueOn: c.occurredOn,
  }));

const OTHER_SOURCES: ActionSource[] = [openConcerns];

/**
 * What waits for this user, each item a link to where they act, every query scoped to them in
 * SQL. `alerts` are the user's own alerts (already scoped) when the caller has them.
 */
export async function needsAction(
  db: Db,
  { actor, today, settings, alerts, extraSources = [] }: { actor: Actor; today: IsoDate; settings: Settings; alerts?: Alert[]; extraSources?: ActionSource[] },
): Promise<{ groups: ReturnType<typeof groupActions>; count: number }> {
  const groups = ROLE_ACTION_GROUPS[actor.role];
  const items: ActionItem[] = [];
  const wants = (g: ActionGroup) => groups.includes(g);
  const scopedAlerts = async () => (alerts ??= await listAlertsCached(db, { actor, today, settings }));
  if (wants("sign")) items.push(...await waitingForSignature(db, actor));
  if (wants("draft") || wants("consent")) items.push(...await draftsToFinish(db, actor, today));
  if (wants("review")) {
    for (const a of (await scopedAlerts()).filter((x) => x.kind === "agreement_review_due" || x.kind === "agreement_review_overdue")) {
      items.push({ group: "review", title: a.title, detail: a.kind === "agreement_review_overdue" ? "Record the review now" : "Plan and record the review", href: `/agreements/${a.subject.agreementId}/review`, dueOn: a.dueOn });
    }
  }
  if (wants("decline")) {
    // docs/domain.md rule 12: the worker must not carry the task out; the agreement needs amending.
    for (const a of (await scopedAlerts()).filter((x) => x.kind === "competency_declined")) {
      items.push({ group: "decline", title: a.title, detail: "Amend the agreement or name another competent care worker", href: a.href, dueOn: a.dueOn });
    }
  }
  if (wants("sign_off")) items.push(...await readyForSignOff(db, actor, today));
  if (wants("attendance") || wants("session")) items.push(...await trainingToRecord(db, actor, today));
  if (wants("organisation")) items.push(...await organisationsToUpdate(db));
  for (const source of [...OTHER_SOURCES, ...extraSources]) items.push(...(await source(db, { actor, today })));
  const grouped = groupActions(actor.role, items);
  return { groups: grouped, count: grouped.reduce((n, g) => n + g.items.length, 0) };
}

/**
 * Agreements whose version waiting for signatures has a party this user signs for in the app and
 * has not signed yet (docs/domain.md rule 2, `partiesActorMaySign`). SQL narrows to candidates in
 * the user's scope; the one rule decides.
 */
async function waitingForSignature(db: Db, actor: Actor): Promise<ActionItem[]> {
  const mine =
    actor.role === "nurse"
      ? eq(agreements.delegatorId, actor.userId)
      : actor.role === "provider_manager" && actor.organisationId
        ? eq(agreements.providerId, actor.organisationId)
        : actor.role === "care_worker" && actor.workerId
          ? exists(db.select({ one: agreementWorkers.id }).from(agreementWorkers).where(and(eq(agreementWorkers.versionId, agreementVersions.id), eq(agreementWorkers.workerId, actor.workerId))))
          : sql`FALSE`;
  const rows = await db
    .select({ agreement: agreements, version: agreementVersions, personName: people.name })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
    .innerJoin(people, eq(people.id, agreements.personId))
    .where(and(eq(agreementVersions.state, "awaiting_signatures"), ne(agreements.state, "ended"), mine, agreementScope(actor)))
    .orderBy(agreementVersions.frozenAt);
  const stillSigns = await partiesActorStillSignsOnEach(db, actor, rows);
  const items: ActionItem[] = [];
  for (const { agreement, version, personName } of rows) {
    const unsigned = stillSigns.get(version.id)!;
    if (!unsigned.length) continue;
    const since = version.frozenAt ? londonDate(new Date(version.frozenAt)) : null;
    items.push({
      group: "sign",
      title: `${agreement.reference} (${initials(personName)}), version ${version.version}`,
      detail: `Read and sign it as ${unsigned.map((p) => partyRoleLabel(p).toLowerCase()).join(" and ")}${since ? `: sent ${formatDate(since)}` : ""}`,
      href: `/agreements/${agreement.id}/sign`,
      dueOn: since ?? undefined,
    });
  }
  return items;
}

/** Drafts this nurse started or delegates: those missing consent, and the rest with what is left before sending. */
async function draftsToFinish(db: Db, actor: Actor, today: IsoDate): Promise<ActionItem[]> {
  const rows = await db
    .select({ agreement: agreements, version: agreementVersions, personName: people.name })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
    .innerJoin(people, eq(people.id, agreements.personId))
    .where(
      and(
        eq(agreementVersions.state, "draft"),
        ne(agreements.state, "ended"),
        or(eq(agreementVersions.createdBy, actor.userId), eq(agreements.delegatorId, actor.userId)),
        agreementScope(actor),
      ),
    )
    .orderBy(agreementVersions.createdAt);
  const consents = await latestConsentOfEach(db, rows.map((r) => r.agreement.id));
  const problemsOf = await sendProblemsOfEach(db, rows.filter((r) => consents.has(r.agreement.id)).map((r) => r.version), today);
  const items: ActionItem[] = [];
  for (const { agreement, version, personName } of rows) {
    const title = `${agreement.reference} (${initials(personName)}), version ${version.version}`;
    const since = londonDate(new Date(version.createdAt));
    if (!consents.has(agreement.id)) {
      items.push({ group: "consent", title, detail: "Record consent: it is part of what every party signs", href: `/agreements/${agreement.id}/consent`, dueOn: since });
      continue;
    }
    const problems = problemsOf.get(version.id)!.map((p) => p.message);
    items.push(
      problems.length
        ? { group: "draft", title, detail: `Before sending: ${problems[0]!.charAt(0).toLowerCase()}${problems[0]!.slice(1)}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`, href: `/agreements/${agreement.id}/draft`, dueOn: since }
        : { group: "draft", title, detail: "Ready to send for signatures", href: `/agreements/${agreement.id}/send`, dueOn: since },
    );
  }
  return items;
}

/**
 * In-training competencies (of workers and people in the user's scope, docs/domain.md rule 15)
 * with the task's satisfactory observations recorded: SQL counts, the one sign-off rule
 * (`signOffReadiness`, docs/domain.md rule 7) confirms.
 */
async function readyForSignOff(db: Db, actor: Actor, today: IsoDate): Promise<ActionItem[]> {
  const satisfactory = sql<number>`(SELECT count(*) FROM ${supervisedObservations} o
    WHERE o.worker_id = ${competencies.workerId} AND o.task_id = ${competencies.taskId}
      AND o.person_id IS NOT DISTINCT FROM ${competencies.personId} AND o.outcome = 'satisfactory' AND o.struck_out_at IS NULL)`;
  const rows = await db
    .select({ id: competencies.id, workerName: careWorkers.name, taskName: tasks.name, personName: people.name, updatedAt: competencies.updatedAt })
    .from(competencies)
    .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
    .innerJoin(tasks, eq(tasks.id, competencies.taskId))
    .leftJoin(people, eq(people.id, competencies.personId))
    .where(and(eq(competencies.state, "in_training"), eq(careWorkers.status, "active"), sql`${satisfactory} >= ${tasks.requiredObservations}`, competencyScope(actor)))
    .orderBy(careWorkers.name, tasks.name);
  const ready: typeof rows = [];
  for (const r of rows) if ((await signOffReadiness(db, { actor, id: r.id, today }))?.problems.length === 0) ready.push(r);
  return ready.map((r) => ({
    group: "sign_off" as const,
    title: `${r.workerName}: ${r.taskName}${r.personName ? ` for ${initials(r.personName)}` : ""}`,
    detail: "Every supervised observation needed is recorded: sign off their competency",
    href: `/competencies/${r.id}/sign-off`,
  }));
}

/** A facilitator's (or nurse's) own sessions: held with no register recorded, or coming up in the next 14 days. */
async function trainingToRecord(db: Db, actor: Actor, today: IsoDate): Promise<ActionItem[]> {
  const rows = await db
    .select({ id: trainingSessions.id, heldOn: trainingSessions.heldOn, taskName: tasks.name, location: trainingSessions.location })
    .from(trainingSessions)
    .innerJoin(tasks, eq(tasks.id, trainingSessions.taskId))
    .where(
      and(
        eq(trainingSessions.facilitatorId, actor.userId),
        lte(trainingSessions.heldOn, addDays(today, SESSIONS_AHEAD_DAYS)),
        notExists(db.select({ one: trainingAttendances.id }).from(trainingAttendances).where(eq(trainingAttendances.sessionId, trainingSessions.id))),
      ),
    )
    .orderBy(trainingSessions.heldOn);
  return rows.map((s) =>
    s.heldOn <= today
      ? { group: "attendance" as const, title: `${s.taskName}, ${formatDate(s.heldOn)}`, detail: "Record who attended", href: `/training/${s.id}/attendance`, dueOn: s.heldOn }
      : { group: "session" as const, title: `${s.taskName}, ${formatDate(s.heldOn)}`, detail: s.location ? `At ${s.location}` : "Coming up", href: `/training/${s.id}`, dueOn: s.heldOn },
  );
}

const SESSIONS_AHEAD_DAYS = 14;

/** An administrator's: care providers with no insurance confirmed (delegation needs it). */
async function organisationsToUpdate(db: Db): Promise<ActionItem[]> {
  return (await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "provider"), eq(organisations.active, true), eq(organisations.insuranceConfirmed, false)))
    .orderBy(organisations.name))
    .map((o) => ({ group: "organisation" as const, title: o.name, detail: "Confirm the provider's insurance for delegated tasks", href: `/organisations/${o.id}/edit` }));
}

/** The header's counts: what needs the user's action, and their unread notifications. */
export async function headerCounts(
  db: Db,
  { actor, today, settings, actions }: { actor: Actor; today: IsoDate; settings: Settings; actions?: Awaited<ReturnType<typeof needsAction>> },
) {
  return { actions: (actions ?? await needsAction(db, { actor, today, settings })).count, unread: await countUnread(db, actor) };
}
