/**
 * Deleting a draft (the one exception to docs/domain.md rule 14): a draft never sent for
 * signatures is a working note, not a record of anything agreed, so the nurse who started it
 * (or an administrator) may delete it. Nothing sent or signed is ever deleted; the deletion
 * itself is audited.
 */
import type { Role } from "./roles";
import type { StoredAgreementState } from "./agreement";

export type DeletionCheck = {
  actor: { role: Role; userId: number };
  agreement: { state: StoredAgreementState; delegatorId: number; inForceVersion: number | null; reference: string };
  /** Whether any version of it was ever sent for signatures (frozen). */
  everSent: boolean;
  /** Concerns raised about it: a record of care, kept. */
  concerns: number;
};

/** Why this draft may not be deleted by this user, in words; null when it may. */
export function draftDeletionRefusal({ actor, agreement, everSent, concerns }: DeletionCheck): string | null {
  if (everSent || agreement.state !== "draft" || agreement.inForceVersion !== null) {
    return `${agreement.reference} has been sent for signatures, so it is a record and cannot be deleted. End the agreement instead`;
  }
  if (actor.role !== "admin" && !(actor.role === "nurse" && actor.userId === agreement.delegatorId)) {
    return "Only the nurse who started this draft, or an administrator, can delete it";
  }
  if (concerns > 0) return `A concern has been raised about ${agreement.reference}, so it is kept. End the agreement instead`;
  return null;
}
