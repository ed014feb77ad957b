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
import type { VersionState } from "./enums";
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

/**
 * What the sign page says to someone who opens it (from an email, a list or the back button).
 * They sign only the current version waiting for signatures, and only for a party they sign for
 * in the app (above). Otherwise the page says what happened, never just "not allowed": that they
 * (or someone for their organisation) already signed and when, or what became of the version.
 */
export type SignPageFacts = {
  /** The version a link asked for (`?version=`), if any. */
  requestedVersion: number | null;
  agreementState: "draft" | "awaiting_signatures" | "active" | "suspended" | "ended";
  inForceVersion: number | null;
  current: { version: number; state: VersionState };
  /** The version the page is about: the requested one if it exists, else the current one. */
  shown: { version: number; state: VersionState };
  /** Parties this user signs for in the app on the current version and has not signed yet. */
  unsignedOnCurrent: Party[];
  /** Parties this user signs for in the app on the shown version, signed or not. */
  partiesForMe: Party[];
  /** Signatures on the shown version for parties this user signs for in the app. */
  signaturesForMe: { party: Party; signerName: string; byMe: boolean; signedAt: string }[];
};

export type SignPageAnswer =
  | { kind: "sign"; notice: string | null }
  | { kind: "explain"; heading: string; lines: string[]; signCurrent: boolean }
  | { kind: "nothing_to_sign" };

/** `formatWhen` turns an instant into words ("1 December 2026 at 2:05pm"); `partyLabel` a party into its role. */
export function signPageAnswer(f: SignPageFacts, words: { formatWhen: (instant: string) => string; partyLabel: (p: Party) => string }): SignPageAnswer {
  const asked = f.shown.version;
  // Someone who signs for no party of this agreement (an administrator, another nurse) has nothing here.
  if (!f.partiesForMe.length && !f.unsignedOnCurrent.length) return { kind: "nothing_to_sign" };
  const onCurrent = asked === f.current.version;
  if (onCurrent && f.current.state === "awaiting_signatures" && f.unsignedOnCurrent.length && f.agreementState !== "ended") return { kind: "sign", notice: null };
  const signCurrent = f.current.state === "awaiting_signatures" && f.unsignedOnCurrent.length > 0 && f.agreementState !== "ended";
  const lines: string[] = [];
  const mine = f.signaturesForMe.filter((s) => s.byMe);
  for (const s of f.signaturesForMe) {
    lines.push(s.byMe ? `You signed it on ${words.formatWhen(s.signedAt)}, as ${words.partyLabel(s.party).toLowerCase()}.` : `${s.signerName} signed it for the ${words.partyLabel(s.party).toLowerCase()} on ${words.formatWhen(s.signedAt)}.`);
  }
  const what = versionWords(f, asked);
  if (what) lines.push(what);
  if (!onCurrent && signCurrent) lines.push(`Version ${f.current.version} replaced it and is waiting for your signature.`);
  if (signCurrent && !onCurrent) return { kind: "explain", heading: `Version ${asked} is no longer waiting for signatures`, lines, signCurrent };
  if (mine.length) return { kind: "explain", heading: `You have already signed version ${asked}`, lines, signCurrent };
  if (f.signaturesForMe.length) return { kind: "explain", heading: `Version ${asked} has already been signed for you`, lines, signCurrent };
  if (f.shown.state !== "awaiting_signatures" || f.agreementState === "ended") return { kind: "explain", heading: `Version ${asked} is not waiting for signatures`, lines, signCurrent };
  return { kind: "nothing_to_sign" };
}

function versionWords(f: SignPageFacts, version: number): string | null {
  if (f.agreementState === "ended") return "The agreement has ended: there is nothing more to sign.";
  switch (f.shown.state) {
    case "awaiting_signatures":
      return "It is still waiting for other parties' signatures. You will be told when it is active.";
    case "signed":
      return f.inForceVersion === version
        ? `Every party has signed it${f.agreementState === "suspended" ? ", but the agreement is suspended" : " and it is active"}.`
        : "Every party signed it.";
    case "superseded":
      return "Every party signed it; a later version has since replaced it.";
    case "withdrawn":
      return "The delegating nurse changed the agreement before every party had signed it, so this version was withdrawn and will never be in force.";
    case "draft":
      return "The delegating nurse is still preparing it: it has not been sent for signatures. You will be told when it is.";
  }
}
