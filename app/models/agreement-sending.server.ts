/**
 * Sending a draft for signatures: once every section of the guided agreement is complete
 * (docs/domain.md rules 1 and 6), its canonical content, SHA-256 hash and verification code are
 * frozen, and every party who signs in the app is asked to.
 */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { sendProblems as unsentProblems } from "~/domain/agreement-task-list";
import { canonicalJson } from "~/domain/canonical-json";
import type { IsoDate } from "~/domain/dates";
import { recordAudit } from "~/models/audit-log.server";
import { inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { agreements, agreementVersions } from "~db/tables";
import { editableDraft, type AgreementVersion } from "./agreement-access.server";
import { buildVersionContent } from "./agreement-content.server";
import { draftSectionsOfEach } from "./agreement-draft.server";
import { RuleError } from "./errors.server";
import { tellAgreementSent } from "./notifications.server";
import { freshVerificationCode } from "./verification-codes.server";

export function contentHash(content: unknown): string {
  return crypto.createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/**
 * What must be in place before a draft can go for signature: every section of the guided
 * agreement completed, consent included (docs/domain.md rules 1 and 6); the dates are checked
 * again, as the tasks and so the review interval may have changed (rules 8 and 9). Each problem
 * names the section of the "Check and send" page it belongs to (`field`).
 */
export async function sendProblems(db: Db, version: AgreementVersion, today: IsoDate): Promise<{ field: string; message: string }[]> {
  return (await sendProblemsOfEach(db, [version], today)).get(version.id)!;
}

/** The same for several drafts, by version id, read together (a home page's list of drafts). */
export async function sendProblemsOfEach(db: Db, versions: AgreementVersion[], today: IsoDate): Promise<Map<number, { field: string; message: string }[]>> {
  const sections = await draftSectionsOfEach(db, { versions, today });
  return new Map(versions.map((v) => [v.id, unsentProblems(sections.get(v.id)!).map((p) => ({ field: p.anchor, message: p.message }))]));
}

/**
 * Freezes the draft as version N: its canonical content, SHA-256 hash and verification code
 * are written once and never change (docs/domain.md rule 6). Signatures start empty.
 */
export async function sendForSignatures(
  db: Db,
  { actor, agreementId, today, at, warningDays }: { actor: Actor; agreementId: number; today: IsoDate; at: Date; warningDays: number },
): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    const draft = await editableDraft(tx, actor, agreementId);
    if (!draft) return null;
    const problems = await sendProblems(tx, draft.version, today);
    if (problems.length) throw new RuleError(problems);
    const content = await buildVersionContent(tx, draft.agreement, draft.version);
    const code = await freshVerificationCode(tx);
    await tx.update(agreementVersions)
      .set({ state: "awaiting_signatures", content: canonicalJson(content), contentHash: contentHash(content), verificationCode: code, frozenAt: at.toISOString(), frozenBy: actor.userId })
      .where(eq(agreementVersions.id, draft.version.id));
    const first = draft.agreement.inForceVersion === null;
    await tx.update(agreements)
      .set({
        // A first version is now awaiting signatures; an amendment leaves the agreement's state as it is.
        state: first && draft.agreement.state === "draft" ? "awaiting_signatures" : draft.agreement.state,
        awaitingSignaturesSince: at.toISOString(),
        stateChangedAt: first ? at.toISOString() : draft.agreement.stateChangedAt,
        updatedAt: at.toISOString(),
      })
      .where(eq(agreements.id, agreementId));
    await recordAudit(tx, { actorId: actor.userId, action: "agreement.send", entityType: "agreement", entityId: agreementId, details: { version: draft.version.version, contentHash: contentHash(content), verificationCode: code }, at });
    // However sending is reached, every party who signs in the app is asked to, in the same transaction.
    await tellAgreementSent(tx, { agreement: draft.agreement, versionId: draft.version.id, version: draft.version.version, sentBy: actor.name, today, at });
    return true;
  });
}
