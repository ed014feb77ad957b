/**
 * What a user may do with an agreement, decided once (as competencies have `allowedActions`): the
 * agreement page offers exactly these, and the models refuse the rest, saying why. Which
 * agreements a user reads at all is scope, enforced in the models' WHERE (app/models/scope.server.ts);
 * who signs for which party is app/domain/signing.ts (docs/domain.md rule 2), and deleting a
 * draft app/domain/agreement-deletion.ts.
 */
import { isEditable, isFinal, type Party, type StoredAgreementState } from "./agreement";
import { draftDeletionRefusal } from "./agreement-deletion";
import { can, type Role } from "./roles";
import { signingRights, type Signer, type SigningAgreement, type SigningParty } from "./signing";

/** The changes a nurse makes to an agreement of their team. */
export type AgreementChange = "edit" | "consent" | "amend" | "review" | "suspend" | "reinstate" | "end";

export type ActionActor = { role: Role; userId: number; organisationId: number | null; teamIds: number[] };

export type ActionAgreement = {
  reference: string;
  state: StoredAgreementState;
  inForceVersion: number | null;
  delegatorId: number;
  teamId: number;
  providerId: number;
};

export type ActionVersion = { version: number; state: string };

/** Why a change is refused: the user's role, or the agreement's state; in words for the user. */
export type Refusal = { because: "role" | "state"; message: string };

const ROLE_WORDS: Record<AgreementChange, string> = {
  edit: "change it",
  consent: "record consent",
  amend: "amend it",
  review: "review it",
  suspend: "suspend it",
  reinstate: "reinstate it",
  end: "end it",
};

/** Why this user may not make this change to this agreement now; null when they may. */
export function changeRefusal(change: AgreementChange, agreement: ActionAgreement, version: ActionVersion, actor: Pick<ActionActor, "role">): Refusal | null {
  if (!mayManageAgreements(actor.role)) return { because: "role", message: `Only a nurse on the agreement's team can ${ROLE_WORDS[change]}` };
  const message = stateRefusal(change, agreement, version);
  return message ? { because: "state", message } : null;
}

function stateRefusal(change: AgreementChange, agreement: ActionAgreement, version: ActionVersion): string | null {
  const ended = isFinal(agreement.state);
  switch (change) {
    case "edit":
      // docs/domain.md rule 6: a version sent for signatures is frozen.
      return !isEditable(version.state) || ended
        ? `Version ${version.version} has been sent for signatures and cannot be changed. Amend the agreement to make a new version.`
        : null;
    case "consent":
      return ended ? "This agreement has ended" : null;
    case "amend":
      if (ended) return "This agreement has ended and cannot be amended";
      return isEditable(version.state) ? `Version ${version.version} is already a draft: change it directly` : null;
    case "review":
      return agreement.state === "active" || agreement.state === "suspended" ? null : "Only an active or suspended agreement can be reviewed";
    case "suspend":
      return agreement.state === "active" ? null : "Only an active agreement can be suspended";
    case "reinstate":
      return agreement.state === "suspended" && agreement.inForceVersion !== null ? null : "Only a suspended agreement with a signed version can be reinstated";
    case "end":
      return ended ? "This agreement has already ended" : null;
  }
}

/** Starting agreements and changing them: a nurse's (on their own team's agreements, by scope). */
export function mayManageAgreements(role: Role): boolean {
  return can(role, "manage", "agreement");
}

/** Printing every agreement of a provider at once (a zip, or one PDF): its managers'. */
export function mayPrintAll(role: Role): boolean {
  return role === "provider_manager";
}

/** What the rows say about the version: its parties (with their sign-in) and who has signed it. */
export type VersionSigning = { parties: SigningParty[]; signed: Party[] };

/** What the rows say about the agreement, for deleting it: ever sent for signatures, and concerns raised. */
export type AgreementHistory = { everSent: boolean; concerns: number };

export type AgreementActions = Record<AgreementChange, boolean> & {
  /** Delete a draft never sent (the exception to docs/domain.md rule 14). */
  delete: boolean;
  /** The parties this user still signs for in the app on this version. */
  sign: Party[];
  /** The parties whose signature made on paper this user may still record on this version. */
  paper: Party[];
  /** Open the person's record from the agreement. */
  seePeople: boolean;
};

/** Everything this user may do with this agreement, on this version, today. */
export function agreementActions(
  agreement: ActionAgreement & AgreementHistory,
  version: ActionVersion & VersionSigning,
  actor: ActionActor,
): AgreementActions {
  const may = (change: AgreementChange) => changeRefusal(change, agreement, version, actor) === null;
  return {
    edit: may("edit"),
    consent: may("consent"),
    amend: may("amend"),
    review: may("review"),
    suspend: may("suspend"),
    reinstate: may("reinstate"),
    end: may("end"),
    delete: draftDeletionRefusal({ actor, agreement, everSent: agreement.everSent, concerns: agreement.concerns }) === null,
    ...signaturesLeft(agreement, version, actor),
    seePeople: can(actor.role, "read", "person"),
  };
}

/**
 * The parties this user still signs in the app on this version, and those whose signature made
 * on paper they may still record (docs/domain.md rule 2): none unless it waits for signatures.
 */
export function signaturesLeft(agreement: SigningAgreement, version: { state: string } & VersionSigning, actor: Signer): { sign: Party[]; paper: Party[] } {
  if (version.state !== "awaiting_signatures") return { sign: [], paper: [] };
  const rights = signingRights(actor, agreement, version.parties);
  const unsigned = (parties: Party[]) => parties.filter((p) => !version.signed.includes(p));
  return { sign: unsigned(rights.inApp), paper: unsigned(rights.onPaper) };
}
