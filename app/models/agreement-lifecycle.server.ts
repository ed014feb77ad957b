/**
 * After signing: amendments (a new draft version, docs/domain.md rule 6), reviews, and suspending, reinstating
 * and ending by hand. Nothing is deleted (docs/domain.md rule 14); every change is audited.
 */
import { and, eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { reviewProblems, uncoveredTasks, type ReviewOutcome } from "~/domain/agreement";
import { formatDate, londonDate, type IsoDate } from "~/domain/dates";
import { recordAudit } from "~/models/audit-log.server";
import { inTransaction, inserted } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { agreements, agreementTasks, agreementVersions, agreementWorkers, reviews } from "~db/tables";
import { taskCover, tellDelegatorAndProvider } from "./agreement-cover.server";
import { agreementFor, versionOf, type Agreement } from "./agreement-access.server";
import { reviewIntervalsOf } from "./agreement-draft.server";
import { RuleError } from "./errors.server";
import { personInitialsOf, tellAgreementEnded } from "./notifications.server";

/**
 * Starts version N+1 as a draft copied from the newest version, with the reason for the change
 * (kept with the version, shown on its page, the timeline and the printout). A version still
 * waiting for signatures is withdrawn (its signatures stay with it). The nurse chooses whether
 * the version in force stays in force meanwhile, or the agreement is suspended until N+1 is active.
 */
export async function amendAgreement(
  db: Db,
  { actor, agreementId, keepInForce, reason, at, suspendReason }: { actor: Actor; agreementId: number; keepInForce: boolean; reason: string; at: Date; suspendReason?: string },
): Promise<number | null> {
  return await inTransaction(db, async (tx) => {
    const found = await agreementFor(tx, { actor, agreementId, change: "amend", fields: { role: "form", state: "form" } });
    if (!found) return null;
    const { agreement, version: from } = found;
    if (!reason.trim()) throw new RuleError([{ field: "reason", message: "Enter the reason for the change" }]);
    if (from.state === "awaiting_signatures") await tx.update(agreementVersions).set({ state: "withdrawn" }).where(eq(agreementVersions.id, from.id));
    const next = from.version + 1;
    const versionId = (await inserted(tx
      .insert(agreementVersions)
      .values({
        agreementId,
        version: next,
        startDate: from.startDate,
        reviewDate: from.reviewDate,
        supervisionArrangements: from.supervisionArrangements,
        earlyReviewTriggers: from.earlyReviewTriggers,
        previousStaysInForce: keepInForce,
        changeReason: reason.trim(),
        createdBy: actor.userId,
      })
      .returning({ id: agreementVersions.id }))).id;
    for (const t of await tx.select().from(agreementTasks).where(eq(agreementTasks.versionId, from.id))) {
      const { id: _id, versionId: _v, ...rest } = t;
      await tx.insert(agreementTasks).values({ ...rest, versionId });
    }
    for (const w of await tx.select().from(agreementWorkers).where(eq(agreementWorkers.versionId, from.id))) {
      await tx.insert(agreementWorkers).values({ versionId, workerId: w.workerId });
    }
    const inForce = agreement.inForceVersion !== null;
    const suspend = inForce && !keepInForce && agreement.state === "active";
    await tx.update(agreements)
      .set({
        currentVersion: next,
        state: !inForce ? "draft" : suspend ? "suspended" : agreement.state,
        stateReason: suspend ? (suspendReason ?? `Suspended while version ${next} is agreed and signed`) : agreement.stateReason,
        suspendedAutomatically: suspend ? false : agreement.suspendedAutomatically,
        awaitingSignaturesSince: null,
        stateChangedAt: suspend || !inForce ? at.toISOString() : agreement.stateChangedAt,
        updatedAt: at.toISOString(),
      })
      .where(eq(agreements.id, agreementId));
    await recordAudit(tx, { actorId: actor.userId, action: "agreement.amend", entityType: "agreement", entityId: agreementId, details: { fromVersion: from.version, version: next, keepInForce, reason: reason.trim(), withdrawn: from.state === "awaiting_signatures" ? from.version : null }, at });
    return next;
  });
}

async function setState(
  db: Db,
  agreement: Agreement,
  { state, reason, actorId, action, at }: { state: "active" | "suspended" | "ended"; reason: string; actorId: number; action: "agreement.suspend" | "agreement.reinstate" | "agreement.end"; at: Date },
) {
  await db.update(agreements)
    .set({ state, stateReason: reason, suspendedAutomatically: false, stateChangedAt: at.toISOString(), updatedAt: at.toISOString() })
    .where(eq(agreements.id, agreement.id));
  await recordAudit(db, { actorId, action, entityType: "agreement", entityId: agreement.id, details: { from: agreement.state, to: state, reason }, at });
}

export async function suspendAgreement(db: Db, { actor, agreementId, reason, at }: { actor: Actor; agreementId: number; reason: string; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const agreement = (await agreementFor(tx, { actor, agreementId, change: "suspend", fields: { role: "form", state: "reason" } }))?.agreement;
    if (!agreement) return null;
    await setState(tx, agreement, { state: "suspended", reason, actorId: actor.userId, action: "agreement.suspend", at });
    const who = await personInitialsOf(tx, agreement.personId);
    await tellDelegatorAndProvider(tx, {
      agreement,
      subject: `Agreement ${agreement.reference} (${who}) suspended`,
      body: `${actor.name} suspended agreement ${agreement.reference} (${who}) on ${formatDate(londonDate(at))}: ${reason}\n\nNo named care worker may carry out its tasks until a nurse reinstates it.`,
      key: `suspend:${agreement.id}:${at.toISOString()}`,
      at,
    });
    return true;
  });
}

/** Reinstating needs a version in force whose every task has a competent named worker (docs/domain.md rule 5). */
export async function reinstateAgreement(
  db: Db,
  { actor, agreementId, reason, today, at, warningDays }: { actor: Actor; agreementId: number; reason: string; today: IsoDate; at: Date; warningDays: number },
): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const agreement = (await agreementFor(tx, { actor, agreementId, change: "reinstate", fields: { role: "form", state: "reason" } }))?.agreement;
    if (!agreement) return null;
    const inForce = (await versionOf(tx, agreementId, agreement.inForceVersion!))!;
    const uncovered = uncoveredTasks(await taskCover(tx, { versionId: inForce.id, today, warningDays }));
    if (uncovered.length) {
      throw new RuleError(uncovered.map((t) => ({ field: "reason", message: `It cannot be reinstated: no named care worker is competent for ${t.taskName}` })));
    }
    await setState(tx, agreement, { state: "active", reason, actorId: actor.userId, action: "agreement.reinstate", at });
    return true;
  });
}

export async function endAgreement(db: Db, { actor, agreementId, reason, at }: { actor: Actor; agreementId: number; reason: string; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const agreement = (await agreementFor(tx, { actor, agreementId, change: "end", fields: { role: "form", state: "reason" } }))?.agreement;
    if (!agreement) return null;
    // A version still being drafted or signed will never come into force.
    await tx.update(agreementVersions)
      .set({ state: "withdrawn" })
      .where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.version, agreement.currentVersion), eq(agreementVersions.state, "awaiting_signatures")));
    await setState(tx, agreement, { state: "ended", reason, actorId: actor.userId, action: "agreement.end", at });
    await tellAgreementEnded(tx, { agreement, endedBy: actor.name, reason, at });
    return true;
  });
}

export type ReviewInput = { reviewedOn: IsoDate; outcome: ReviewOutcome; nextReviewDate: IsoDate | null; notes: string };

/**
 * Records a review: continue (a new review date), amend (a new draft version, the current one
 * staying in force), suspend, or end.
 */
export async function recordReview(
  db: Db,
  { actor, agreementId, input, today, at }: { actor: Actor; agreementId: number; input: ReviewInput; today: IsoDate; at: Date },
): Promise<true | null> {
  const agreement = (await agreementFor(db, { actor, agreementId, change: "review", fields: { role: "form", state: "outcome" } }))?.agreement;
  if (!agreement) return null;
  // docs/domain.md rule 9: the dates of the version under review (the one in force, else the newest).
  const reviewed = (await versionOf(db, agreementId, agreement.inForceVersion ?? agreement.currentVersion))!;
  const problems = reviewProblems({
    today,
    startDate: reviewed.startDate,
    reviewedOn: input.reviewedOn,
    outcome: input.outcome,
    nextReviewDate: input.nextReviewDate,
    reviewIntervalsMonths: await reviewIntervalsOf(db, reviewed.id),
  });
  if (problems.length) throw new RuleError(problems);
  return await inTransaction(db, async (tx) => {
    await tx.insert(reviews)
      .values({ agreementId, version: agreement.inForceVersion ?? agreement.currentVersion, reviewedOn: input.reviewedOn, reviewerId: actor.userId, outcome: input.outcome, nextReviewDate: input.outcome === "end" ? null : input.nextReviewDate, notes: input.notes });
    await recordAudit(tx, { actorId: actor.userId, action: "agreement.review", entityType: "agreement", entityId: agreementId, details: { ...input }, at });
    if (input.outcome !== "end" && input.nextReviewDate) {
      await tx.update(agreements).set({ reviewDate: input.nextReviewDate, updatedAt: at.toISOString() }).where(eq(agreements.id, agreementId));
    }
    const reason = input.notes || `Outcome of the review on ${input.reviewedOn}`;
    if (input.outcome === "amend") await amendAgreement(tx, { actor, agreementId, keepInForce: true, reason: input.notes || `Agreed at the review on ${formatDate(input.reviewedOn)}`, at });
    if (input.outcome === "suspend" && agreement.state === "active") await suspendAgreement(tx, { actor, agreementId, reason, at });
    if (input.outcome === "end") await endAgreement(tx, { actor, agreementId, reason, at });
    return true as const;
  });
}
