/**
 * What a printout of one agreement version says about itself on a given day (docs/domain.md
 * rule 11: printouts and verify pages tell the truth on the day). One decision, used by the
 * PDF's status line on every page, the verify page and the version page, so they can never
 * disagree.
 */
import { isInForce, type StoredAgreementState } from "./agreement";
import { formatDate, londonDate, type IsoDate } from "./dates";
import type { VersionState } from "./enums";


export type PrintoutStatus =
  | { kind: "in_force"; since: IsoDate }
  | { kind: "not_yet_in_force"; startsOn: IsoDate }
  | { kind: "suspended"; since: IsoDate; reason: string }
  | { kind: "ended"; on: IsoDate; reason: string }
  | { kind: "superseded"; byVersion: number }
  | { kind: "pending" }
  | { kind: "withdrawn" }
  | { kind: "draft" };

export type PrintoutVersion = { version: number; state: VersionState; startDate: IsoDate; activatedAt: string | null };
export type PrintoutAgreement = {
  state: StoredAgreementState;
  inForceVersion: number | null;
  stateChangedAt: string | null;
  stateReason: string;
};

/** The day a signed version came into force: the later of the day every party had signed and its start date (docs/domain.md rule 3). */
export function inForceFrom(version: { startDate: IsoDate; activatedAt: string | null }): IsoDate | null {
  if (!version.activatedAt) return null;
  const activated = londonDate(new Date(version.activatedAt));
  return activated > version.startDate ? activated : version.startDate;
}

/**
 * Which case applies to a printout of `version` today. The order matters: an ended agreement
 * ends every version; a version nobody finished signing is never valid; a signed version that
 * is no longer the one in force is superseded; only the version in force can be suspended,
 * not yet in force, or in force.
 */
export function printoutStatus({ agreement, version, today }: { agreement: PrintoutAgreement; version: PrintoutVersion; today: IsoDate }): PrintoutStatus {
  const changedOn = agreement.stateChangedAt ? londonDate(new Date(agreement.stateChangedAt)) : today;
  if (agreement.state === "ended") return { kind: "ended", on: changedOn, reason: agreement.stateReason };
  if (version.state === "draft") return { kind: "draft" };
  if (version.state === "withdrawn") return { kind: "withdrawn" };
  if (version.state === "awaiting_signatures") return { kind: "pending" };
  // Signed, but no longer the version in force (a signed version always leaves one in force).
  if (agreement.inForceVersion !== version.version) return { kind: "superseded", byVersion: agreement.inForceVersion ?? version.version };
  if (agreement.state === "suspended") return { kind: "suspended", since: changedOn, reason: agreement.stateReason };
  // docs/domain.md rule 3, decided once in isInForce: the version in force of an active agreement, from its start date.
  if (!isInForce({ state: agreement.state, startDate: version.startDate }, today)) return { kind: "not_yet_in_force", startsOn: version.startDate };
  return { kind: "in_force", since: inForceFrom(version) ?? version.startDate };
}

/** Only the version in force, on a day it is in force, may be used to carry out care. */
export function isUsable(status: PrintoutStatus): boolean {
  return status.kind === "in_force";
}

export type PrintoutWords = {
  /** A short name for the case, e.g. "Suspended". */
  label: string;
  /** The verify page's heading. */
  heading: string;
  /** What is true today, in a sentence or two. */
  sentence: string;
  /** What to do with the printout. */
  advice: string;
  /** Across each page of a printout that must not be used; null for one that may be. */
  watermark: string | null;
};

/** ": reason." with one full stop, or "." when no reason was recorded. */
function because(reason: string): string {
  const r = reason.trim();
  return r ? `: ${r}${/[.!?]$/.test(r) ? "" : "."}` : ".";
}

const DO_NOT_USE = "Do not use this printout. Contact the delegating nurse.";

/** A version nobody has finished signing (a draft, or one awaiting signatures) may be printed to talk it through, never to work from. */
export const NOT_SIGNED = "Not signed: for discussion";

/** The words for each case, shared by the PDF and the verify page. */
export function printoutWords(status: PrintoutStatus, version: number): PrintoutWords {
  switch (status.kind) {
    case "in_force":
      return {
        label: "In force",
        heading: "This printout is the version in force",
        sentence: `Version ${version} is signed by every party and has been in force since ${formatDate(status.since)}.`,
        advice: "Named care workers may carry out its tasks while their competency is current.",
        watermark: null,
      };
    case "not_yet_in_force":
      return {
        label: "Not yet in force",
        heading: "This printout is signed but not yet in force",
        sentence: `Version ${version} is signed by every party, and starts on ${formatDate(status.startsOn)}.`,
        advice: `Nobody may carry out its tasks before ${formatDate(status.startsOn)}.`,
        watermark: "Not yet in force",
      };
    case "suspended":
      return {
        label: "Suspended",
        heading: "This agreement is suspended",
        sentence: `The agreement has been suspended since ${formatDate(status.since)}${because(status.reason)}`,
        advice: `Nobody may carry out its tasks while it is suspended. ${DO_NOT_USE}`,
        watermark: "Suspended: do not use",
      };
    case "ended":
      return {
        label: "Ended",
        heading: "This agreement has ended",
        sentence: `The agreement ended on ${formatDate(status.on)}${because(status.reason)}`,
        advice: `Nobody may carry out its tasks. ${DO_NOT_USE}`,
        watermark: "Ended: do not use",
      };
    case "superseded":
      return {
        label: `Superseded by version ${status.byVersion}`,
        heading: "This printout is not the version in force",
        sentence: `It is no longer in force: version ${status.byVersion} replaced it.`,
        advice: DO_NOT_USE,
        watermark: "Superseded: do not use",
      };
    case "pending":
      return {
        label: "Awaiting signatures",
        heading: "This printout has not been signed by every party",
        sentence: `Version ${version} is still waiting for signatures, so it is not in force.`,
        advice: DO_NOT_USE,
        watermark: NOT_SIGNED,
      };
    case "withdrawn":
      return {
        label: "Withdrawn",
        heading: "This printout was never signed by every party",
        sentence: `Version ${version} was withdrawn before every party signed it, so it never came into force.`,
        advice: DO_NOT_USE,
        watermark: "Draft: not valid for use",
      };
    case "draft":
      return {
        label: "Draft",
        heading: "This printout is a draft",
        sentence: `Version ${version} is a draft: it has not been sent for signatures.`,
        advice: DO_NOT_USE,
        watermark: NOT_SIGNED,
      };
  }
}
