/**
 * The follow-up after any competency change (docs/domain.md rule 5): sign-off, renewal,
 * reinstatement, suspension, revocation, decline, or the worker leaving. Every agreement that
 * names the worker is looked at again in the same transaction, so that one waiting only for
 * this worker's sign-off becomes active at once, and a live one that has lost its last
 * competent worker is suspended at once.
 */
import type { StoredAgreementState, VersionState } from "./enums";

export type FollowUp = "try_activation" | "enforce_interlock";

export function followUpFor(agreement: { state: StoredAgreementState; currentVersionState: VersionState }): FollowUp[] {
  if (agreement.state === "ended") return [];
  const steps: FollowUp[] = [];
  // A version waiting for signatures (a first version, or an amendment) may now have nothing missing.
  if (agreement.currentVersionState === "awaiting_signatures") steps.push("try_activation");
  // A live agreement may have lost cover; checked after activation so a newly active one is checked too.
  steps.push("enforce_interlock");
  return steps;
}
