/** Supervised observations (docs/domain.md rule 7): recording one, striking a mistaken one out, and counting them for sign-off. */
import { and, count, eq, gt, isNull, max } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { observationProblems, strikeOutProblems } from "~/domain/competency";
import type { IsoDate } from "~/domain/dates";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { competencies, competencyChanges, people, supervisedObservations, tasks } from "~db/tables";
import { competencyInScope } from "./competencies.server";
import { RuleError } from "./errors.server";
import { metPrerequisites, missingPrerequisites } from "./prerequisites.server";
import { personScope } from "./scope.server";
import { getWorker } from "./workers.server";
import type { ObservationOutcome } from "~/domain/enums";

async function findCompetency(db: Db, workerId: number, taskId: number, personId: number | null) {
  return (
    await first(db
      .select()
      .from(competencies)
      .where(
        and(
          eq(competencies.workerId, workerId),
          eq(competencies.taskId, taskId),
          personId ? eq(competencies.personId, personId) : isNull(competencies.personId),
        ),
      ).limit(1)) ?? null
  );
}

export type ObservationInput = {
  workerId: number;
  taskId: number;
  personId: number | null;
  observedOn: IsoDate;
  outcome: ObservationOutcome;
  notes: string;
};

/**
 * Records a supervised observation (docs/domain.md rule 7: only once the prerequisites are met). The
 * competency it counts towards is opened "in training" if this is the first.
 */
export async function recordObservation(
  db: Db,
  { actor, input, today, at }: { actor: Actor; input: ObservationInput; today: IsoDate; at: Date },
): Promise<{ competencyId: number; observationId: number } | null> {
  return await inTransaction(db, async (tx) => {
    const worker = (await getWorker(tx, { actor, id: input.workerId }))?.worker;
    if (!worker) return null;
    const task = await first(tx.select().from(tasks).where(and(eq(tasks.id, input.taskId), eq(tasks.active, true))).limit(1));
    if (!task) throw new RuleError([{ field: "form", message: "Select a task from the catalogue" }]);
    const personId = task.personSpecific ? input.personId : null;
    if (personId) {
      const person = await first(tx.select({ providerId: people.providerId }).from(people).where(and(eq(people.id, personId), personScope(actor))).limit(1));
      if (!person || person.providerId !== worker.providerId) {
        throw new RuleError([{ field: "form", message: "Select a person cared for by this worker's provider" }]);
      }
    }
    const existing = await findCompetency(tx, worker.id, task.id, personId);
    const problems = observationProblems({
      observer: { role: actor.role },
      missingPrerequisites: await missingPrerequisites(tx, worker.id, task.id),
      observedOn: input.observedOn,
      today,
      personSpecific: task.personSpecific,
      personId,
      state: existing?.state ?? null,
      prerequisitesMet: await metPrerequisites(tx, worker.id, task.id),
      joinedProviderOn: worker.joinedOn,
    });
    if (worker.status === "left") problems.push({ field: "form", message: "This care worker has left their provider" });
    if (problems.length) throw new RuleError(problems);

    const competencyId =
      existing?.id ??
      (await inserted(tx.insert(competencies).values({ workerId: worker.id, taskId: task.id, personId, state: "in_training" }).returning({ id: competencies.id }))).id;
    if (!existing) {
      await tx.insert(competencyChanges).values({ competencyId, fromState: null, toState: "in_training", reason: "First supervised observation", changedBy: actor.userId, changedAt: at.toISOString() });
    }
    const observationId = (await inserted(tx
      .insert(supervisedObservations)
      .values({ workerId: worker.id, taskId: task.id, personId, observedOn: input.observedOn, observerId: actor.userId, outcome: input.outcome, notes: input.notes })
      .returning({ id: supervisedObservations.id }))).id;
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "observation.record",
      entityType: "competency",
      entityId: competencyId,
      details: { observationId, workerId: worker.id, taskId: task.id, personId, outcome: input.outcome, observedOn: input.observedOn },
      at,
    });
    return { competencyId, observationId };
  });
}

/**
 * The satisfactory observations a sign-off counts (all, or those after `after` for a renewal),
 * leaving out any struck out, and the date of the last of them.
 */
export async function countedObservations(db: Db, c: { workerId: number; taskId: number; personId: number | null }, after: IsoDate | null): Promise<{ n: number; lastOn: IsoDate | null }> {
  const row = await first(db
    .select({ n: count(), lastOn: max(supervisedObservations.observedOn) })
    .from(supervisedObservations)
    .where(
      and(
        eq(supervisedObservations.workerId, c.workerId),
        eq(supervisedObservations.taskId, c.taskId),
        c.personId ? eq(supervisedObservations.personId, c.personId) : isNull(supervisedObservations.personId),
        eq(supervisedObservations.outcome, "satisfactory"),
        isNull(supervisedObservations.struckOutAt),
        after ? gt(supervisedObservations.observedOn, after) : undefined,
      ),
    ).limit(1));
  return { n: row?.n ?? 0, lastOn: row?.lastOn ?? null };
}

/**
 * Strikes out a mistaken supervised observation with a reason (docs/domain.md rules 7 and 14):
 * the row stays, marked, and is no longer counted towards sign-off; the change is audited.
 */
export async function strikeOutObservation(
  db: Db,
  { actor, competencyId, observationId, reason, at }: { actor: Actor; competencyId: number; observationId: number; reason: string; at: Date },
): Promise<{ observationId: number } | null> {
  return await inTransaction(db, async (tx) => {
    const found = await competencyInScope(tx, actor, competencyId);
    if (!found) return null;
    const { competency } = found;
    const observation = await first(tx
      .select()
      .from(supervisedObservations)
      .where(
        and(
          eq(supervisedObservations.id, observationId),
          eq(supervisedObservations.workerId, competency.workerId),
          eq(supervisedObservations.taskId, competency.taskId),
          competency.personId ? eq(supervisedObservations.personId, competency.personId) : isNull(supervisedObservations.personId),
        ),
      ).limit(1));
    if (!observation) return null;
    const problems = strikeOutProblems({ role: actor.role, observedOn: observation.observedOn, struckOut: observation.struckOutAt !== null, lastSignedOffOn: competency.signedOffOn, reason });
    if (problems.length) throw new RuleError(problems.map((message) => ({ field: "reason", message })));
    await tx.update(supervisedObservations)
      .set({ struckOutAt: at.toISOString(), struckOutBy: actor.userId, struckOutReason: reason })
      .where(and(eq(supervisedObservations.id, observationId), isNull(supervisedObservations.struckOutAt)));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "observation.strike_out",
      entityType: "competency",
      entityId: competencyId,
      details: { observationId, observedOn: observation.observedOn, outcome: observation.outcome, reason },
      at,
    });
    return { observationId };
  });
}

