/**
 * Deleting a draft never sent for signatures: the exception to docs/domain.md rule 14
 * (app/domain/agreement-deletion.ts).
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import type { AgreementHistory } from "~/domain/agreement-actions";
import { draftDeletionRefusal } from "~/domain/agreement-deletion";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { agreements, agreementTasks, agreementVersions, agreementWorkers, concerns, consents, signatures, storedPdfs } from "~db/tables";
import { agreementInScope, type Agreement } from "./agreement-access.server";
import { RuleError } from "./errors.server";

/** What deleting turns on besides the draft itself: whether any version was ever sent, and concerns raised about it. */
export async function agreementHistory(db: Db, agreementId: number): Promise<AgreementHistory> {
  const everSent = await first(db
    .select({ id: agreementVersions.id })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, agreementId), sql`(${agreementVersions.frozenAt} IS NOT NULL OR ${agreementVersions.state} <> 'draft')`)).limit(1));
  const raised = (await db.select({ id: concerns.id }).from(concerns).where(eq(concerns.agreementId, agreementId))).length;
  return { everSent: !!everSent, concerns: raised };
}

/** Why this actor may not delete this agreement (null when they may), by `draftDeletionRefusal`. */
export async function deletionRefusal(db: Db, actor: Actor, agreement: Agreement): Promise<string | null> {
  return draftDeletionRefusal({ actor, agreement, ...await agreementHistory(db, agreement.id) });
}

/**
 * Deletes a draft never sent for signatures, with its tasks, named workers and consent: the
 * exception to docs/domain.md rule 14 (a working note, not a record). Refused for anything
 * sent or signed. The audit event keeps what was deleted and by whom.
 */
export async function deleteDraft(db: Db, { actor, agreementId, at }: { actor: Actor; agreementId: number; at: Date }): Promise<{ reference: string } | null> {
  return await inTransaction(db, async (tx) => {
    const agreement = await agreementInScope(tx, actor, agreementId);
    if (!agreement) return null;
    const refusal = await deletionRefusal(tx, actor, agreement);
    if (refusal) throw new RuleError([{ field: "form", message: refusal }]);
    const versions = await tx.select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreementId));
    const versionIds = versions.map((v) => v.id);
    const taskIds = (await tx.select({ taskId: agreementTasks.taskId }).from(agreementTasks).where(inArray(agreementTasks.versionId, versionIds))).map((t) => t.taskId);
    const workerIds = (await tx.select({ workerId: agreementWorkers.workerId }).from(agreementWorkers).where(inArray(agreementWorkers.versionId, versionIds))).map((w) => w.workerId);
    const consentCount = (await tx.select({ id: consents.id }).from(consents).where(eq(consents.agreementId, agreementId))).length;
    // Children first: foreign keys never cascade (db/schema.ts), and nothing of the draft is left behind.
    await tx.delete(signatures).where(inArray(signatures.versionId, versionIds));
    await tx.delete(storedPdfs).where(inArray(storedPdfs.versionId, versionIds));
    await tx.delete(agreementTasks).where(inArray(agreementTasks.versionId, versionIds));
    await tx.delete(agreementWorkers).where(inArray(agreementWorkers.versionId, versionIds));
    await tx.delete(consents).where(eq(consents.agreementId, agreementId));
    await tx.delete(agreementVersions).where(eq(agreementVersions.agreementId, agreementId));
    await tx.delete(agreements).where(eq(agreements.id, agreementId));
    await recordAudit(tx, {
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
