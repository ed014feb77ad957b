/** Signing off a competency, or renewing it, and what a sign-off would need today (docs/domain.md rule 7). */
import { eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { expiryDate, observationsNeeded, signOffBlockers, signOffProblems } from "~/domain/competency";
import type { IsoDate } from "~/domain/dates";
import { recordAudit } from "~/models/audit-log.server";
import { inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { competencies, competencyChanges, competencySignOffs } from "~db/tables";
import { competencyInScope } from "./competencies.server";
import { followUpCompetencyChange } from "./competency-follow-up.server";
import { RuleError } from "./errors.server";
import { countedObservations } from "./observations.server";
import { missingPrerequisites } from "./prerequisites.server";

/** What a sign-off (or renewal) would need now: for the page that offers it. */
export async function signOffReadiness(db: Db, { actor, id, today }: { actor: Actor; id: number; today: IsoDate }) {
  const found = await competencyInScope(db, actor, id);
  if (!found) return null;
  const { competency, worker, task } = found;
  const renewal = competency.state === "competent";
  const counted = await countedObservations(db, competency, renewal ? competency.signedOffOn : null);
  const satisfactory = counted.n;
  const problems = signOffBlockers({
    signer: { userId: actor.userId, role: actor.role },
    workerUserId: worker.userId,
    state: competency.state,
    satisfactoryObservations: satisfactory,
    requiredObservations: task.requiredObservations,
    missingPrerequisites: await missingPrerequisites(db, worker.id, task.id),
    lastSignedOffOn: competency.signedOffOn,
    lastObservationOn: counted.lastOn,
    today,
  });
  if (worker.status === "left") problems.push({ field: "form", message: "This care worker has left their provider", cause: "left" });
  return {
    renewal,
    satisfactory,
    required: observationsNeeded(competency.state, task.requiredObservations),
    /** What stops a sign-off today (docs/domain.md rule 7); empty when the declaration may be offered. */
    problems,
    workerId: worker.id,
    expiresOnIfToday: expiryDate(today, task.validityMonths),
  };
}

/**
 * Signs off a competency, or renews it (a reassessment): a new sign-off row, a new expiry, the
 * old sign-offs kept. docs/domain.md rule 7 is checked here, in the transaction, whatever the page offered.
 */
export async function signOffCompetency(
  db: Db,
  { actor, id, signedOffOn, notes, today, at }: { actor: Actor; id: number; signedOffOn: IsoDate; notes: string; today: IsoDate; at: Date },
): Promise<{ expiresOn: IsoDate } | null> {
  return await inTransaction(db, async (tx) => {
    const found = await competencyInScope(tx, actor, id);
    if (!found) return null;
    const { competency, worker, task } = found;
    const renewal = competency.state === "competent";
    const counted = await countedObservations(tx, competency, renewal ? competency.signedOffOn : null);
    const problems = signOffProblems({
      signer: { userId: actor.userId, role: actor.role },
      workerUserId: worker.userId,
      state: competency.state,
      satisfactoryObservations: counted.n,
      requiredObservations: task.requiredObservations,
      missingPrerequisites: await missingPrerequisites(tx, worker.id, task.id),
      signOffDate: signedOffOn,
      lastSignedOffOn: competency.signedOffOn,
      lastObservationOn: counted.lastOn,
      today,
    });
    if (worker.status === "left") problems.push({ field: "form", message: "This care worker has left their provider" });
    if (problems.length) throw new RuleError(problems);
    const expiresOn = expiryDate(signedOffOn, task.validityMonths);
    await tx.insert(competencySignOffs)
      .values({ competencyId: id, kind: renewal ? "renewal" : "initial", signedOffBy: actor.userId, signedOffOn, expiresOn, notes });
    await tx.update(competencies)
      .set({ state: "competent", signedOffBy: actor.userId, signedOffOn, expiresOn, updatedAt: at.toISOString() })
      .where(eq(competencies.id, id));
    if (!renewal) {
      await tx.insert(competencyChanges).values({ competencyId: id, fromState: competency.state, toState: "competent", reason: "Signed off", changedBy: actor.userId, changedAt: at.toISOString() });
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: renewal ? "competency.renew" : "competency.sign_off",
      entityType: "competency",
      entityId: id,
      details: { workerId: worker.id, taskId: task.id, personId: competency.personId, signedOffOn, expiresOn },
      at,
    });
    // docs/domain.md rule 5: an agreement waiting only for this sign-off becomes active now.
    await followUpCompetencyChange(tx, { workerId: worker.id, at });
    return { expiresOn };
  });
}

