/**
 * Who may sign for each party of an agreement, and who may record a signature made on paper
 * (docs/domain.md rule 2). One rule, used by the pages (what they offer) and by the models
 * (what they accept):
 *
 * - the delegator's signature comes only from the delegating nurse, in the app;
 * - the provider's only from a manager of that provider, in the app;
 * - a named worker with a sign-in signs in the app, as themselves, and nobody signs for them;
 * - paper signatures are recorded only for the person (or their representative) and for named
 *   workers without a sign-in, and only by a nurse of the agreement's team or a manager of its
 *   provider.
 */
import type { Party } from "./agreement";
import type { Role } from "./roles";

export type Signer = { role: Role; userId: number; organisationId: number | null; teamIds: number[] };
export type SigningAgreement = { teamId: number; providerId: number; delegatorId: number };
/** A party of the version; for a named worker, the user account they sign in with, if any. */
export type SigningParty = { party: Party; workerUserId: number | null };

/** Whether this user may record paper signatures on this agreement at all. */
export function mayRecordPaper(signer: Signer, agreement: SigningAgreement): boolean {
  if (signer.role === "nurse") return signer.teamIds.includes(agreement.teamId);
  if (signer.role === "provider_manager") return signer.organisationId === agreement.providerId;
  return false;
}

/** Whether this user signs for this party themselves, in the app. */
export function maySignInApp(signer: Signer, agreement: SigningAgreement, { party, workerUserId }: SigningParty): boolean {
  if (party === "delegator") return signer.role === "nurse" && signer.userId === agreement.delegatorId;
  if (party === "provider") return signer.role === "provider_manager" && signer.organisationId === agreement.providerId;
  if (party === "person") return false;
  return signer.role === "care_worker" && workerUserId !== null && workerUserId === signer.userId;
}

/**
 * Why this user may not record a paper signature for this party, in words for them; null when
 * they may.
 */
export function paperRefusal(signer: Signer, agreement: SigningAgreement, { party, workerUserId }: SigningParty): string | null {
  if (!mayRecordPaper(signer, agreement)) return "Only a nurse of the agreement's team or a manager of its provider can record a signature made on paper";
  if (party === "delegator") return "The delegating nurse signs this agreement in the app themselves: nobody can record a signature for them";
  if (party === "provider") return "A manager of the provider signs for the provider in the app: a signature on paper cannot be recorded for the provider";
  if (party === "person") return null;
  if (workerUserId !== null) return "This care worker has their own sign-in and must sign in the app themselves";
  return null;
}

/** The parties this user may sign in the app, and those whose paper signature they may record. */
export function signingRights(signer: Signer, agreement: SigningAgreement, parties: SigningParty[]): { inApp: Party[]; onPaper: Party[] } {
  return {
    inApp: parties.filter((p) => maySignInApp(signer, agreement, p)).map((p) => p.party),
    onPaper: parties.filter((p) => paperRefusal(signer, agreement, p) === null).map((p) => p.party),
  };
}
