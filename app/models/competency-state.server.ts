/** Changes of a competency's state made by hand: suspend, reinstate, revoke, decline (docs/domain.md rule 12). */
import { eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { allowedActions, stateAfter, type CompetencyAction } from "~/domain/competency";
import { recordAudit } from "~/models/audit-log.server";
import { inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { competencies, competencyChanges } from "~db/tables";
import { competencyInScope } from "./competencies.server";
import { followUpCompetencyChange, tellOfDecline } from "./competency-follow-up.server";
import { RuleError } from "./errors.server";

/** Suspend, reinstate, revoke (assessors) or decline (the worker themselves), with a reason. */
export async function changeCompetencyState(
  db: Db,
  { actor, id, action, reason, at }: { actor: Actor; id: number; action: CompetencyAction; reason: string; at: Date },
): Promise<{ id: number } | null> {
  return await inTransaction(db, async (tx) => {
    const found = await competencyInScope(tx, actor, id);
    if (!found) return null;
    const { competency, worker } = found;
    const isOwn = actor.workerId === worker.id;
    if (!allowedActions(competency.state, actor.role, isOwn).includes(action)) {
      throw new RuleError([{ field: "form", message: `This competency cannot be changed that way now (it is ${competency.state.replace("_", " ")})` }]);
    }
    const toState = stateAfter(action, competency.signedOffOn !== null);
    await tx.update(competencies)
      .set({ state: toState, stateReason: reason, stateChangedBy: actor.userId, stateChangedAt: at.toISOString(), updatedAt: at.toISOString() })
      .where(eq(competencies.id, id));
    await tx.insert(competencyChanges).values({ competencyId: id, fromState: competency.state, toState, reason, changedBy: actor.userId, changedAt: at.toISOString() });
    await recordAudit(tx, { actorId: actor.userId, action: `competency.${action}`, entityType: "competency", entityId: id, details: { from: competency.state, to: toState, reason }, at });
    if (action === "decline") await tellOfDecline(tx, { competency, workerName: worker.name, taskName: found.task.name, reason, at });
    // docs/domain.md rule 5: activation and the interlock are re-evaluated at once.
    await followUpCompetencyChange(tx, { workerId: worker.id, at });
    return { id };
  });
}

