/**
 * Raising a concern (app/domain/concerns.ts): about an agreement (and optionally one of its tasks
 * and named workers) or about a care worker; the delegating nurse and the provider's managers
 * are told in the same transaction.
 */
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { CONCERN_HARM_SHORT } from "~/content/concerns";
import type { Actor } from "~/domain/actor";
import { mayRaiseConcern, subjectProblems, type ConcernHarm } from "~/domain/concerns";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { formatDate, type IsoDate } from "~/domain/dates";
import { initials } from "~/domain/names";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { notify } from "./notifications.server";
import { agreements, agreementTasks, agreementVersions, agreementWorkers, careWorkers, competencies, concerns, organisations, people, tasks, users } from "~db/tables";
import { requireDateInWindow } from "./date-checks.server";
import { RuleError } from "./errors.server";
import { agreementScope, competencyScope, workerScope } from "./scope.server";
import { liveVersionIds } from "./concern-scope.server";

export type ConcernSubject = { agreementId: number } | { workerId: number };

/**
 * What the "Report a concern" form offers for its subject, in the actor's scope: the agreement
 * (its tasks and named workers) or the worker (the tasks they hold a competency for). Null when
 * the subject is not in scope or the actor may not raise concerns.
 */
export async function concernFormFor(db: Db, { actor, subject }: { actor: Actor; subject: ConcernSubject }) {
  if (!mayRaiseConcern(actor.role)) return null;
  if ("agreementId" in subject) {
    const found = await first(db
      .select({ id: agreements.id, reference: agreements.reference, personName: people.name, escalationInHours: organisations.escalationInHours, escalationOutOfHours: organisations.escalationOutOfHours })
      .from(agreements)
      .innerJoin(people, eq(people.id, agreements.personId))
      .innerJoin(organisations, eq(organisations.id, agreements.teamId))
      .where(and(eq(agreements.id, subject.agreementId), agreementScope(actor))).limit(1));
    if (!found) return null;
    const taskOptions = await db
      .selectDistinct({ id: tasks.id, name: tasks.name })
      .from(agreementTasks)
      .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
      .where(sql`${agreementTasks.versionId} IN ${liveVersionIds(found.id)}`)
      .orderBy(asc(tasks.name));
    const named = await db
      .selectDistinct({ id: careWorkers.id, name: careWorkers.name })
      .from(agreementWorkers)
      .innerJoin(careWorkers, eq(careWorkers.id, agreementWorkers.workerId))
      .where(sql`${agreementWorkers.versionId} IN ${liveVersionIds(found.id)}`)
      .orderBy(asc(careWorkers.name));
    // A care worker records concerns about their own practice, never a colleague's (app/domain/concerns.ts).
    const workerOptions = named.filter((w) => !subjectProblems({ role: actor.role, actorWorkerId: actor.workerId, workerId: w.id }).length);
    return { kind: "agreement" as const, agreement: found, worker: null, taskOptions, workerOptions };
  }
  if (subjectProblems({ role: actor.role, actorWorkerId: actor.workerId, workerId: subject.workerId }).length) return null;
  const worker = await first(db
    .select({ id: careWorkers.id, name: careWorkers.name, escalationInHours: organisations.escalationInHours, escalationOutOfHours: organisations.escalationOutOfHours })
    .from(careWorkers)
    .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
    .where(and(eq(careWorkers.id, subject.workerId), workerScope(actor))).limit(1));
  if (!worker) return null;
  const taskOptions = await db
    .selectDistinct({ id: tasks.id, name: tasks.name })
    .from(competencies)
    .innerJoin(careWorkers, eq(careWorkers.id, competencies.workerId))
    .innerJoin(tasks, eq(tasks.id, competencies.taskId))
    .where(and(eq(competencies.workerId, worker.id), competencyScope(actor)))
    .orderBy(asc(tasks.name));
  return { kind: "worker" as const, agreement: null, worker, taskOptions, workerOptions: [] as { id: number; name: string }[] };
}

export type ConcernInput = {
  taskId: number | null;
  workerId: number | null;
  occurredOn: IsoDate;
  whatHappened: string;
  actionTaken: string;
  harm: ConcernHarm;
};

/**
 * Records a concern and tells the delegating nurse and the provider's managers, in one
 * transaction. Returns the new concern's id, or null when the subject is not in scope.
 */
export async function raiseConcern(
  db: Db,
  { actor, subject, input, today, at, publicUrl }: { actor: Actor; subject: ConcernSubject; input: ConcernInput; today: IsoDate; at: Date; publicUrl: string },
): Promise<{ id: number } | null> {
  return await inTransaction(db, async (tx) => {
    const form = await concernFormFor(tx, { actor, subject });
    if (!form) return null;
    // docs/domain.md rule 8: checked again here, whatever the page checked.
    requireDateInWindow("occurredOn", "Date it happened", input.occurredOn, DATE_WINDOWS.concern(today));
    const problems = subjectProblems({ role: actor.role, actorWorkerId: actor.workerId, workerId: input.workerId });
    if (problems.length) throw new RuleError(problems.map((message) => ({ field: "workerId", message })));
    if (input.taskId !== null && !form.taskOptions.some((t) => t.id === input.taskId)) {
      throw new RuleError([{ field: "taskId", message: form.kind === "agreement" ? "Choose a task on this agreement, or say it is not about one task" : "Choose a task this care worker is trained for, or say it is not about one task" }]);
    }
    const workerId = form.kind === "worker" ? form.worker.id : input.workerId;
    if (form.kind === "agreement" && workerId !== null && !form.workerOptions.some((w) => w.id === workerId)) {
      throw new RuleError([{ field: "workerId", message: "Choose a care worker named on this agreement, or say it is not about one care worker" }]);
    }
    const row = await inserted(tx
      .insert(concerns)
      .values({
        agreementId: form.agreement?.id ?? null,
        workerId,
        taskId: input.taskId,
        occurredOn: input.occurredOn,
        whatHappened: input.whatHappened,
        actionTaken: input.actionTaken,
        harm: input.harm,
        raisedBy: actor.userId,
        createdAt: at.toISOString(),
      })
      .returning({ id: concerns.id }));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "concern.raise",
      entityType: "concern",
      entityId: row.id,
      details: { agreementId: form.agreement?.id ?? null, workerId, taskId: input.taskId, occurredOn: input.occurredOn, harm: input.harm },
      at,
    });
    await tellOfConcern(tx, { actor, concernId: row.id, agreementId: form.agreement?.id ?? null, workerId, harm: input.harm, occurredOn: input.occurredOn, publicUrl, at });
    return { id: row.id };
  });
}

/**
 * Tells the delegating nurse(s) and the provider's managers (not the one who recorded it), in the
 * app and by email, through the one `notify` (docs/domain.md rule 18). Only the agreement reference and the person's initials, never what happened: email
 * leaves the service, so the details stay behind the sign-in.
 */
async function tellOfConcern(
  db: Db,
  { actor, concernId, agreementId, workerId, harm, occurredOn, publicUrl, at }: { actor: Actor; concernId: number; agreementId: number | null; workerId: number | null; harm: ConcernHarm; occurredOn: IsoDate; publicUrl: string; at: Date },
) {
  let providerId: number;
  let nurseIds: number[];
  let about: string;
  if (agreementId !== null) {
    const a = (await first(db.select({ reference: agreements.reference, providerId: agreements.providerId, delegatorId: agreements.delegatorId, personName: people.name }).from(agreements).innerJoin(people, eq(people.id, agreements.personId)).where(eq(agreements.id, agreementId)).limit(1)))!;
    providerId = a.providerId;
    nurseIds = [a.delegatorId];
    about = `agreement ${a.reference} (${initials(a.personName)})`;
  } else {
    const w = (await first(db.select({ providerId: careWorkers.providerId, providerName: organisations.name }).from(careWorkers).innerJoin(organisations, eq(organisations.id, careWorkers.providerId)).where(eq(careWorkers.id, workerId!)).limit(1)))!;
    providerId = w.providerId;
    // The delegating nurses of the live agreements that name the worker.
    nurseIds = (await db
      .selectDistinct({ id: agreements.delegatorId })
      .from(agreementWorkers)
      .innerJoin(agreementVersions, eq(agreementVersions.id, agreementWorkers.versionId))
      .innerJoin(agreements, and(eq(agreements.id, agreementVersions.agreementId), or(eq(agreementVersions.version, agreements.currentVersion), eq(agreementVersions.version, agreements.inForceVersion))))
      .where(and(eq(agreementWorkers.workerId, workerId!), inArray(agreements.state, ["awaiting_signatures", "active", "suspended"]))))
      .map((r) => r.id);
    about = `a care worker of ${w.providerName}`;
  }
  const recipients = (await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        or(
          nurseIds.length ? inArray(users.id, nurseIds) : undefined,
          and(eq(users.role, "provider_manager"), eq(users.organisationId, providerId)),
        ),
      ),
    ))
    .filter((r) => r.id !== actor.userId);
  const body = [
    `A concern was recorded in Delegated Care about ${about}.`,
    `It happened on ${formatDate(occurredOn)}. Was anyone harmed: ${CONCERN_HARM_SHORT[harm]}.`,
    "Read it, act on it and record the outcome. Sign in to see the details: they are not sent by email.",
  ].join("\n\n");
  await notify(db, { to: recipients, notice: { kind: "concern_recorded", title: `Concern recorded about ${about}`, body, link: `/concerns/${concernId}` }, key: `concern:${concernId}`, at, publicUrl });
}

/** Concerns in the actor's scope about an agreement or a worker, open ones first, newest first. */