/**
 * Starting a delegation agreement: a draft (version 1) for a person on the nurse's caseload, and
 * the check against duplicating an open agreement (docs/domain.md rule 10).
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { agreementReference, defaultReviewDate } from "~/domain/agreement";
import { mayManageAgreements } from "~/domain/agreement-actions";
import { duplicateAgreements } from "~/domain/agreement-overlap";
import { type IsoDate, londonDate } from "~/domain/dates";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { agreements, agreementTasks, agreementVersions, organisations, people, tasks } from "~db/tables";
import type { Agreement } from "./agreement-access.server";
import { chosenTasks } from "./agreement-draft.server";
import { requireDateInWindow } from "./date-checks.server";
import { RuleError } from "./errors.server";
import { agreementScope, personScope } from "./scope.server";

/** People a nurse may start an agreement for: their team's caseload. */
export async function listPeopleForAgreement(db: Db, { actor }: { actor: Actor }) {
  return await db
    .select({ id: people.id, name: people.name, providerName: organisations.name })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.providerId))
    .where(and(personScope(actor), inArray(people.teamId, actor.teamIds.length ? actor.teamIds : [-1])))
    .orderBy(asc(people.name));
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
export async function openAgreementsSharingTasks(db: Db, { actor, personId, taskIds }: { actor: Actor; personId: number; taskIds: number[] }) {
  if (!taskIds.length) return [];
  const rows = await db
    .select({ id: agreements.id, reference: agreements.reference, state: agreements.state, taskId: tasks.id, taskName: tasks.name })
    .from(agreements)
    .innerJoin(
      agreementVersions,
      and(eq(agreementVersions.agreementId, agreements.id), sql`${agreementVersions.version} IN (${agreements.currentVersion}, coalesce(${agreements.inForceVersion}, ${agreements.currentVersion}))`),
    )
    .innerJoin(agreementTasks, eq(agreementTasks.versionId, agreementVersions.id))
    .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
    .where(and(eq(agreements.personId, personId), sql`${agreements.state} <> 'ended'`, agreementScope(actor)))
    .orderBy(asc(agreements.id), asc(tasks.name));
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
export async function createAgreement(
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
): Promise<number> {
  return await inTransaction(db, async (tx) => {
    if (!mayManageAgreements(actor.role)) throw new RuleError([{ field: "form", message: "Only a nurse can start a delegation agreement" }]);
    requireDateInWindow("startDate", "Start date", startDate, DATE_WINDOWS.agreementStart(today));
    const person = await first(tx.select().from(people).where(and(eq(people.id, personId), personScope(actor))).limit(1));
    if (!person || !actor.teamIds.includes(person.teamId)) throw new RuleError([{ field: "personId", message: "Select a person on your team's caseload" }]);
    const chosen = await chosenTasks(tx, taskIds);
    const duplicates = await openAgreementsSharingTasks(tx, { actor, personId, taskIds });
    if (duplicates.length && !confirmDuplicate) throw new DuplicateAgreementError(duplicates);
    const reviewDate = defaultReviewDate(startDate, chosen.map((t) => t.reviewIntervalMonths));
    const id = (await inserted(tx
      .insert(agreements)
      .values({ reference: `pending-${at.getTime()}-${Math.random()}`, personId, teamId: person.teamId, providerId: person.providerId, delegatorId: actor.userId, startDate, reviewDate, state: "draft", stateChangedAt: at.toISOString() })
      .returning({ id: agreements.id }))).id;
    // The year it was created, whatever its start date (a start date is planned, and may change).
    const reference = agreementReference(Number(londonDate(at).slice(0, 4)), id);
    await tx.update(agreements).set({ reference }).where(eq(agreements.id, id));
    const versionId = (await inserted(tx
      .insert(agreementVersions)
      .values({ agreementId: id, version: 1, startDate, reviewDate, createdBy: actor.userId })
      .returning({ id: agreementVersions.id }))).id;
    for (const t of chosen) await tx.insert(agreementTasks).values({ versionId, taskId: t.id, escalationPlan: t.escalationGuidance });
    await recordAudit(tx, {
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
