import { aliasedTable, and, asc, desc, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { agreementReference, agreementStatus, defaultReviewDate, isEditable, isFinal, isInForce, LISTED_LAST, reviewDateProblem, type AgreementStatus } from "~/domain/agreement";
import { duplicateAgreements } from "~/domain/agreement-overlap";
import { draftDeletionRefusal } from "~/domain/agreement-deletion";
import { draftSections, type DraftSection } from "~/domain/agreement-task-list";
import { addDays, type IsoDate, londonDate } from "~/domain/dates";
import { DATE_WINDOWS } from "~/domain/date-windows";
import type { Search } from "~/domain/search";
import { inTransaction, recordAudit } from "~/services/audit.server";
import type { Db } from "~db/client";
import {
  agreements,
  agreementTasks,
  agreementVersions,
  agreementWorkers,
  auditEvents,
  careWorkers,
  concerns,
  consents,
  organisations,
  people,
  reviews,
  signatures,
  storedPdfs,
  tasks,
  users,
} from "~db/schema";
import { latestConsent } from "./agreement-content.server";
import { enforceInterlock, listNameableWorkers, taskCover } from "./agreement-cover.server";
import { requireDateInWindow } from "./date-checks.server";
import { RuleError } from "./errors.server";
import { agreementScope, personScope, versionScope } from "./scope.server";
import { contains } from "./search.server";
import { labelled, workerLabelColumns } from "./worker-names.server";

export type Agreement = typeof agreements.$inferSelect;
export type AgreementVersion = typeof agreementVersions.$inferSelect;

const providers = aliasedTable(organisations, "providers");
const teams = aliasedTable(organisations, "teams");
const delegators = aliasedTable(users, "delegators");

export function agreementInScope(db: Db, actor: Actor, id: number): Agreement | null {
  return db.select().from(agreements).where(and(eq(agreements.id, id), agreementScope(actor))).get() ?? null;
}

export function versionOf(db: Db, agreementId: number, version: number): AgreementVersion | null {
  return db
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.version, version)))
    .get() ?? null;
}

/** The draft version of an agreement a nurse may still edit, or a RuleError saying why not (docs/domain.md rule 6). */
export function editableDraft(db: Db, actor: Actor, agreementId: number): { agreement: Agreement; version: AgreementVersion } | null {
  const agreement = agreementInScope(db, actor, agreementId);
  if (!agreement) return null;
  if (actor.role !== "nurse") throw new RuleError([{ field: "form", message: "Only a nurse on the agreement's team can change it" }]);
  const version = versionOf(db, agreementId, agreement.currentVersion)!;
  if (!isEditable(version.state) || isFinal(agreement.state)) {
    throw new RuleError([{ field: "form", message: `Version ${version.version} has been sent for signatures and cannot be changed. Amend the agreement to make a new version.` }]);
  }
  return { agreement, version };
}

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

/** Agreements in scope, with today's status; the interlock runs over them first. */
export function listAgreements(
  db: Db,
  {
    actor,
    filters,
    today,
    at,
    reviewDueDays,
    warningDays,
    limit = 500,
  }: { actor: Actor; filters: AgreementFilters; today: IsoDate; at: Date; reviewDueDays: number; warningDays: number; /** null for every one (batch print must miss none) */ limit?: number | null },
) {
  enforceInterlock(db, { today, at, warningDays, scope: agreementScope(actor) });

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
  const rows = db
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
    .where(
      and(
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
      ),
    )
    .orderBy(...LIST_ORDER)
    .limit(limit ?? -1)
    .all();
  return rows.map((r) => ({ ...r, status: agreementStatus(r, today, reviewDueDays) }));
}

/** People a nurse may start an agreement for: their team's caseload. */
export function listPeopleForAgreement(db: Db, { actor }: { actor: Actor }) {
  return db
    .select({ id: people.id, name: people.name, providerName: organisations.name })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.providerId))
    .where(and(personScope(actor), inArray(people.teamId, actor.teamIds.length ? actor.teamIds : [-1])))
    .orderBy(asc(people.name))
    .all();
}

/** Starting an agreement that would duplicate open ones (docs/domain.md rule 10) needs the nurse's confirmation. */
export class DuplicateAgreementError extends RuleError {
  constructor(public readonly duplicates: { id: number; reference: string; state: Agreement["state"]; sharedTasks: string[] }[]) {
    super([
      {
        field: "confirm",
        message: `There is already an open agreement for this person and ${[...new Set(duplicates.flatMap((d) => d.sharedTasks))].join(", ")}. Check ${duplicates.map((d) => d.reference).join(", ")}, then confirm that a second agreement is needed`,
      },
    ]);
  }
}

/**
 * The person's open agreements in the actor's scope sharing a task with `taskIds` (docs/domain.md rule 10): the
 * tasks of the newest version and of the version in force both count.
 */
export function openAgreementsSharingTasks(db: Db, { actor, personId, taskIds }: { actor: Actor; personId: number; taskIds: number[] }) {
  if (!taskIds.length) return [];
  const rows = db
    .select({ id: agreements.id, reference: agreements.reference, state: agreements.state, taskId: tasks.id, taskName: tasks.name })
    .from(agreements)
    .innerJoin(
      agreementVersions,
      and(eq(agreementVersions.agreementId, agreements.id), sql`${agreementVersions.version} IN (${agreements.currentVersion}, coalesce(${agreements.inForceVersion}, ${agreements.currentVersion}))`),
    )
    .innerJoin(agreementTasks, eq(agreementTasks.versionId, agreementVersions.id))
    .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
    .where(and(eq(agreements.personId, personId), sql`${agreements.state} <> 'ended'`, agreementScope(actor)))
    .orderBy(asc(agreements.id), asc(tasks.name))
    .all();
  const existing = [...new Map(rows.map((r) => [r.id, { id: r.id, reference: r.reference, state: r.state, tasks: [] as { id: number; name: string }[] }])).values()];
  for (const r of rows) {
    const a = existing.find((e) => e.id === r.id)!;
    if (!a.tasks.some((t) => t.id === r.taskId)) a.tasks.push({ id: r.taskId, name: r.taskName });
  }
  return duplicateAgreements(existing, taskIds);
}

/**
 * Starts an agreement as a draft (version 1) for a person on the nurse's caseload, with its
 * tasks; the review date defaults to the start plus the shortest review interval. If the person
 * already has an open agreement for one of the tasks, it starts only once the nurse has
 * confirmed a second one is needed (docs/domain.md rule 10).
 */
export function createAgreement(
  db: Db,
  {
    actor,
    personId,
    taskIds,
    startDate,
    today,
    at,
    confirmDuplicate = false,
  }: { actor: Actor; personId: number; taskIds: number[]; startDate: IsoDate; today: IsoDate; at: Date; confirmDuplicate?: boolean },
): number {
  return inTransaction(db, (tx) => {
    if (actor.role !== "nurse") throw new RuleError([{ field: "form", message: "Only a nurse can start a delegation agreement" }]);
    requireDateInWindow("startDate", "Start date", startDate, DATE_WINDOWS.agreementStart(today));
    const person = tx.select().from(people).where(and(eq(people.id, personId), personScope(actor))).get();
    if (!person || !actor.teamIds.includes(person.teamId)) throw new RuleError([{ field: "personId", message: "Select a person on your team's caseload" }]);
    const chosen = taskIds.length ? tx.select().from(tasks).where(and(inArray(tasks.id, taskIds), eq(tasks.active, true))).all() : [];
    if (!chosen.length || chosen.length !== new Set(taskIds).size) throw new RuleError([{ field: "taskIds", message: "Select at least one task from the catalogue" }]);
    const duplicates = openAgreementsSharingTasks(tx, { actor, personId, taskIds });
    if (duplicates.length && !confirmDuplicate) throw new DuplicateAgreementError(duplicates);
    const reviewDate = defaultReviewDate(startDate, chosen.map((t) => t.reviewIntervalMonths));
    const id = tx
      .insert(agreements)
      .values({ reference: `pending-${at.getTime()}-${Math.random()}`, personId, teamId: person.teamId, providerId: person.providerId, delegatorId: actor.userId, startDate, reviewDate, state: "draft", stateChangedAt: at.toISOString() })
      .returning({ id: agreements.id })
      .get().id;
    // The year it was created, whatever its start date (a start date is planned, and may change).
    const reference = agreementReference(Number(londonDate(at).slice(0, 4)), id);
    tx.update(agreements).set({ reference }).where(eq(agreements.id, id)).run();
    const versionId = tx
      .insert(agreementVersions)
      .values({ agreementId: id, version: 1, startDate, reviewDate, createdBy: actor.userId })
      .returning({ id: agreementVersions.id })
      .get().id;
    for (const t of chosen) tx.insert(agreementTasks).values({ versionId, taskId: t.id, escalationPlan: t.escalationGuidance }).run();
    recordAudit(tx, {
      actorId: actor.userId,
      action: "agreement.create",
      entityType: "agreement",
      entityId: id,
      details: { reference, personId, taskIds, ...(duplicates.length ? { confirmedAlongside: duplicates.map((d) => d.reference) } : {}) },
      at,
    });
    return id;
  });
}

export type TaskSpecifics = {
  instructions: string;
  carePlanReference: string;
  deviceOrProduct: string;
  parameters: string;
  mustNotDo: string;
  escalationPlan: string;
};

export function updateTaskSpecifics(
  db: Db,
  { actor, agreementId, taskId, specifics, at }: { actor: Actor; agreementId: number; taskId: number; specifics: TaskSpecifics; at: Date },
): boolean {
  return inTransaction(db, (tx) => {
    const draft = editableDraft(tx, actor, agreementId);
    if (!draft) return false;
    const row = tx.select({ id: agreementTasks.id }).from(agreementTasks).where(and(eq(agreementTasks.versionId, draft.version.id), eq(agreementTasks.taskId, taskId))).get();
    if (!row) return false;
    tx.update(agreementTasks).set(specifics).where(eq(agreementTasks.id, row.id)).run();
    recordAudit(tx, { actorId: actor.userId, action: "agreement.task_specifics", entityType: "agreement", entityId: agreementId, details: { version: draft.version.version, taskId }, at });
    return true;
  });
}

/** Sets the tasks of the draft: new ones are added with the catalogue's escalation guidance. */
export function setAgreementTasks(db: Db, { actor, agreementId, taskIds, at }: { actor: Actor; agreementId: number; taskIds: number[]; at: Date }): boolean {
  return inTransaction(db, (tx) => {
    const draft = editableDraft(tx, actor, agreementId);
    if (!draft) return false;
    const chosen = taskIds.length ? tx.select().from(tasks).where(and(inArray(tasks.id, taskIds), eq(tasks.active, true))).all() : [];
    if (!chosen.length || chosen.length !== new Set(taskIds).size) throw new RuleError([{ field: "taskIds", message: "Select at least one task from the catalogue" }]);
    const current = tx.select({ id: agreementTasks.id, taskId: agreementTasks.taskId }).from(agreementTasks).where(eq(agreementTasks.versionId, draft.version.id)).all();
    // A draft is not yet a record of anything agreed: taking a task off it removes the row.
    const removed = current.filter((c) => !taskIds.includes(c.taskId));
    if (removed.length) tx.delete(agreementTasks).where(inArray(agreementTasks.id, removed.map((r) => r.id))).run();
    for (const t of chosen.filter((t) => !current.some((c) => c.taskId === t.id))) {
      tx.insert(agreementTasks).values({ versionId: draft.version.id, taskId: t.id, escalationPlan: t.escalationGuidance }).run();
    }
    recordAudit(tx, { actorId: actor.userId, action: "agreement.tasks", entityType: "agreement", entityId: agreementId, details: { version: draft.version.version, taskIds }, at });
    return true;
  });
}

export function setNamedWorkers(db: Db, { actor, agreementId, workerIds, at }: { actor: Actor; agreementId: number; workerIds: number[]; at: Date }): boolean {
  return inTransaction(db, (tx) => {
    const draft = editableDraft(tx, actor, agreementId);
    if (!draft) return false;
    const allowed = listNameableWorkers(tx, draft.agreement.providerId).map((w) => w.id);
    if (!workerIds.length) throw new RuleError([{ field: "workerIds", message: "Name at least one care worker" }]);
    if (workerIds.some((id) => !allowed.includes(id))) throw new RuleError([{ field: "workerIds", message: "Select care workers employed by the person's provider" }]);
    tx.delete(agreementWorkers).where(eq(agreementWorkers.versionId, draft.version.id)).run();
    for (const workerId of new Set(workerIds)) tx.insert(agreementWorkers).values({ versionId: draft.version.id, workerId }).run();
    recordAudit(tx, { actorId: actor.userId, action: "agreement.workers", entityType: "agreement", entityId: agreementId, details: { version: draft.version.version, workerIds }, at });
    return true;
  });
}

export type AgreementDetails = { startDate: IsoDate; reviewDate: IsoDate; supervisionArrangements: string; earlyReviewTriggers: string };

export function updateAgreementDetails(
  db: Db,
  { actor, agreementId, details, today, at }: { actor: Actor; agreementId: number; details: AgreementDetails; today: IsoDate; at: Date },
): boolean {
  return inTransaction(db, (tx) => {
    const draft = editableDraft(tx, actor, agreementId);
    if (!draft) return false;
    requireDateInWindow("startDate", "Start date", details.startDate, DATE_WINDOWS.agreementStart(today));
    const problem = reviewDateProblem(details.startDate, details.reviewDate, reviewIntervalsOf(tx, draft.version.id));
    if (problem) throw new RuleError([{ field: "reviewDate", message: problem }]);
    tx.update(agreementVersions).set(details).where(eq(agreementVersions.id, draft.version.id)).run();
    // Before anything is in force, the agreement's own dates follow its only version.
    if (draft.agreement.inForceVersion === null) {
      tx.update(agreements).set({ startDate: details.startDate, reviewDate: details.reviewDate, updatedAt: at.toISOString() }).where(eq(agreements.id, agreementId)).run();
    }
    recordAudit(tx, { actorId: actor.userId, action: "agreement.details", entityType: "agreement", entityId: agreementId, details: { version: draft.version.version, ...details }, at });
    return true;
  });
}

/** The review intervals (months) of a version's tasks, for its review date limit (docs/domain.md rule 9). */
export function reviewIntervalsOf(db: Db, versionId: number): number[] {
  return db
    .select({ months: tasks.reviewIntervalMonths })
    .from(agreementTasks)
    .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
    .where(eq(agreementTasks.versionId, versionId))
    .all()
    .map((r) => r.months);
}

/** Everything the agreement page shows, for one version (the current one unless asked). */
export function getAgreement(
  db: Db,
  { actor, id, version, today, at, reviewDueDays, warningDays }: { actor: Actor; id: number; version?: number; today: IsoDate; at: Date; reviewDueDays: number; warningDays: number },
) {
  if (!agreementInScope(db, actor, id)) return null;
  enforceInterlock(db, { today, at, warningDays, ids: [id] });
  const head = db
    .select({
      agreement: agreements,
      person: people,
      providerName: providers.name,
      providerPhone: providers.phone,
      providerEscalationInHours: providers.escalationInHours,
      providerEscalationOutOfHours: providers.escalationOutOfHours,
      teamName: teams.name,
      teamPhone: teams.phone,
      teamEscalationInHours: teams.escalationInHours,
      teamEscalationOutOfHours: teams.escalationOutOfHours,
      delegatorName: delegators.name,
      delegatorPin: delegators.professionalRegistration,
    })
    .from(agreements)
    .innerJoin(people, eq(people.id, agreements.personId))
    .innerJoin(providers, eq(providers.id, agreements.providerId))
    .innerJoin(teams, eq(teams.id, agreements.teamId))
    .innerJoin(delegators, eq(delegators.id, agreements.delegatorId))
    .where(eq(agreements.id, id))
    .get()!;
  const a = head.agreement;
  const versions = db
    .select({ version: agreementVersions.version, state: agreementVersions.state, frozenAt: agreementVersions.frozenAt, activatedAt: agreementVersions.activatedAt, changeReason: agreementVersions.changeReason })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, id), versionScope(actor)))
    .orderBy(asc(agreementVersions.version))
    .all();
  // A care worker opens only the versions naming them: by default the current one, else the one in force.
  const may = (n: number | null) => n !== null && versions.some((x) => x.version === n);
  const v = versionOf(db, id, version ?? (may(a.currentVersion) ? a.currentVersion : (a.inForceVersion ?? a.currentVersion)));
  if (!v || !may(v.version)) return null;
  const versionTasks = db
    .select({ specifics: agreementTasks, task: tasks })
    .from(agreementTasks)
    .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
    .where(eq(agreementTasks.versionId, v.id))
    .orderBy(asc(tasks.name))
    .all();
  // Named as on every list: a name shared at the provider carries the staff number.
  const namedWorkers = labelled(
    db
      .select({ id: careWorkers.id, ...workerLabelColumns(), jobTitle: careWorkers.jobTitle, userId: careWorkers.userId })
      .from(agreementWorkers)
      .innerJoin(careWorkers, eq(careWorkers.id, agreementWorkers.workerId))
      .where(eq(agreementWorkers.versionId, v.id))
      .orderBy(asc(careWorkers.name))
      .all(),
  );
  const recorders = aliasedTable(users, "recorders");
  const versionSignatures = db
    .select({ signature: signatures, recordedByName: recorders.name })
    .from(signatures)
    .leftJoin(recorders, eq(recorders.id, signatures.recordedBy))
    .where(eq(signatures.versionId, v.id))
    .orderBy(asc(signatures.signedAt))
    .all();
  const consentRows = db
    .select({ consent: consents, recordedByName: users.name })
    .from(consents)
    .innerJoin(users, eq(users.id, consents.recordedBy))
    .where(eq(consents.agreementId, id))
    .orderBy(desc(consents.id))
    .all();
  const reviewRows = db
    .select({ review: reviews, reviewerName: users.name })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(reviews.agreementId, id))
    .orderBy(desc(reviews.reviewedOn), desc(reviews.id))
    .all();
  const actors = aliasedTable(users, "actors");
  const timeline = db
    .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, details: auditEvents.details, actorName: actors.name })
    .from(auditEvents)
    .leftJoin(actors, eq(actors.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, "agreement"), eq(auditEvents.entityId, String(id))))
    .orderBy(desc(auditEvents.id))
    .all();
  const cover = taskCover(db, { versionId: v.id, today, warningDays });
  const inForce = a.inForceVersion ? versionOf(db, id, a.inForceVersion) : null;
  const inForceCover = inForce && inForce.id !== v.id ? taskCover(db, { versionId: inForce.id, today, warningDays }) : cover;
  return {
    ...head,
    agreement: a,
    status: agreementStatus(a, today, reviewDueDays),
    version: v,
    tasks: versionTasks,
    namedWorkers,
    signatures: versionSignatures,
    consent: consentRows.find((c) => c.consent.withdrawnAt === null) ?? null,
    consentHistory: consentRows,
    reviews: reviewRows,
    versions,
    timeline,
    cover,
    /** Who may carry out each task today: from the version in force. */
    inForceCover: inForce ? inForceCover : [],
  };
}

export type AgreementView = NonNullable<ReturnType<typeof getAgreement>>;

/** Agreements on a person's record, for their page. */
export function listPersonAgreements(db: Db, { actor, personId, today, reviewDueDays }: { actor: Actor; personId: number; today: IsoDate; reviewDueDays: number }) {
  return db
    .select({ id: agreements.id, reference: agreements.reference, state: agreements.state, reviewDate: agreements.reviewDate, startDate: agreements.startDate, currentVersion: agreements.currentVersion })
    .from(agreements)
    .where(and(eq(agreements.personId, personId), agreementScope(actor)))
    .orderBy(...LIST_ORDER)
    .all()
    .map((r) => ({ ...r, status: agreementStatus(r, today, reviewDueDays) }));
}


/**
 * The sections of a version still being drafted and their status (the guided agreement), from
 * its rows: one decision (`draftSections`) for the task list, the check page and sending.
 */
export function draftSectionsOf(db: Db, { version, today }: { version: AgreementVersion; today: IsoDate }): DraftSection[] {
  const taskRows = db
    .select({ s: agreementTasks, t: tasks })
    .from(agreementTasks)
    .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
    .where(eq(agreementTasks.versionId, version.id))
    .orderBy(asc(tasks.name))
    .all();
  const workerCount = db.select({ id: agreementWorkers.id }).from(agreementWorkers).where(eq(agreementWorkers.versionId, version.id)).all().length;
  return draftSections({
    today,
    tasks: taskRows.map(({ s, t }) => ({
      taskId: t.id,
      code: t.code,
      name: t.name,
      reviewIntervalMonths: t.reviewIntervalMonths,
      instructions: s.instructions,
      carePlanReference: s.carePlanReference,
      deviceOrProduct: s.deviceOrProduct,
      parameters: s.parameters,
      mustNotDo: s.mustNotDo,
      escalationPlan: s.escalationPlan,
    })),
    workerCount,
    startDate: version.startDate,
    reviewDate: version.reviewDate,
    supervisionArrangements: version.supervisionArrangements,
    consentRecorded: latestConsent(db, version.agreementId) !== null,
  });
}

/** Why this actor may not delete this agreement (null when they may), by `draftDeletionRefusal`. */
export function deletionRefusal(db: Db, actor: Actor, agreement: Agreement): string | null {
  const everSent = db
    .select({ id: agreementVersions.id })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, agreement.id), sql`(${agreementVersions.frozenAt} IS NOT NULL OR ${agreementVersions.state} <> 'draft')`))
    .get();
  const raised = db.select({ id: concerns.id }).from(concerns).where(eq(concerns.agreementId, agreement.id)).all().length;
  return draftDeletionRefusal({ actor, agreement, everSent: !!everSent, concerns: raised });
}

/**
 * Deletes a draft never sent for signatures, with its tasks, named workers and consent: the
 * exception to docs/domain.md rule 14 (a working note, not a record). Refused for anything
 * sent or signed. The audit event keeps what was deleted and by whom.
 */
export function deleteDraft(db: Db, { actor, agreementId, at }: { actor: Actor; agreementId: number; at: Date }): { reference: string } | null {
  return inTransaction(db, (tx) => {
    const agreement = agreementInScope(tx, actor, agreementId);
    if (!agreement) return null;
    const refusal = deletionRefusal(tx, actor, agreement);
    if (refusal) throw new RuleError([{ field: "form", message: refusal }]);
    const versions = tx.select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreementId)).all();
    const versionIds = versions.map((v) => v.id);
    const taskIds = tx.select({ taskId: agreementTasks.taskId }).from(agreementTasks).where(inArray(agreementTasks.versionId, versionIds)).all().map((t) => t.taskId);
    const workerIds = tx.select({ workerId: agreementWorkers.workerId }).from(agreementWorkers).where(inArray(agreementWorkers.versionId, versionIds)).all().map((w) => w.workerId);
    const consentCount = tx.select({ id: consents.id }).from(consents).where(eq(consents.agreementId, agreementId)).all().length;
    // Children first: foreign keys never cascade (db/schema.ts), and nothing of the draft is left behind.
    tx.delete(signatures).where(inArray(signatures.versionId, versionIds)).run();
    tx.delete(storedPdfs).where(inArray(storedPdfs.versionId, versionIds)).run();
    tx.delete(agreementTasks).where(inArray(agreementTasks.versionId, versionIds)).run();
    tx.delete(agreementWorkers).where(inArray(agreementWorkers.versionId, versionIds)).run();
    tx.delete(consents).where(eq(consents.agreementId, agreementId)).run();
    tx.delete(agreementVersions).where(eq(agreementVersions.agreementId, agreementId)).run();
    tx.delete(agreements).where(eq(agreements.id, agreementId)).run();
    recordAudit(tx, {
      actorId: actor.userId,
      action: "agreement.delete",
      entityType: "agreement",
      entityId: agreementId,
      details: { reference: agreement.reference, personId: agreement.personId, providerId: agreement.providerId, delegatorId: agreement.delegatorId, taskIds: [...new Set(taskIds)], workerIds: [...new Set(workerIds)], consents: consentCount, versions: versions.length },
      at,
    });
    return { reference: agreement.reference };
  });
}

/**
 * Agreements naming a care worker, for the worker's page and a care worker's own home page:
 * those in the reader's scope (docs/domain.md rule 15) whose current version or version in force
 * names the worker. Each shows the tasks of the version naming them (the one in force when it
 * does) and whether that version is in force today (rule 3).
 */
export function listWorkerAgreements(db: Db, { actor, workerId, today, reviewDueDays }: { actor: Actor; workerId: number; today: IsoDate; reviewDueDays: number }) {
  const naming = (version: SQL | typeof agreements.currentVersion) =>
    sql`EXISTS (SELECT 1 FROM ${agreementWorkers} INNER JOIN ${agreementVersions} ON ${agreementVersions.id} = ${agreementWorkers.versionId} WHERE ${agreementVersions.agreementId} = ${agreements.id} AND ${agreementVersions.version} = ${version} AND ${agreementWorkers.workerId} = ${workerId})`;
  const rows = db
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
    .orderBy(...LIST_ORDER)
    .all();
  if (!rows.length) return [];
  const versionNumber = (r: (typeof rows)[number]) => (r.namedInForce && r.inForceVersion ? r.inForceVersion : r.currentVersion);
  const taskRows = db
    .select({ agreementId: agreementVersions.agreementId, version: agreementVersions.version, taskName: tasks.name })
    .from(agreementTasks)
    .innerJoin(agreementVersions, eq(agreementVersions.id, agreementTasks.versionId))
    .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
    .where(inArray(agreementVersions.agreementId, rows.map((r) => r.id)))
    .orderBy(asc(tasks.name))
    .all();
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
