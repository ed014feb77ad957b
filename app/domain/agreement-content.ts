/**
 * What the parties to a version sign (docs/domain.md rule 6): the canonical content frozen with
 * the version and hashed. One type and one reader, so the sign page, the printout and the
 * activation check all read the same thing.
 */
import type { IsoDate } from "./dates";

import type { ConsentKind, RepresentativeAuthority } from "./enums";

export type { ConsentKind, RepresentativeAuthority };

/** Consent as the parties signed it; part of the version's content. */
export type SignedConsent = {
  kind: ConsentKind;
  representativeName: string;
  authority: RepresentativeAuthority | null;
  decisionDetails: string;
  givenOn: IsoDate;
};

/** A task's care-plan details on an agreement, as the nurse writes them for this person. */
export type TaskSpecifics = {
  instructions: string;
  carePlanReference: string;
  deviceOrProduct: string;
  parameters: string;
  mustNotDo: string;
  escalationPlan: string;
};

/** Just the care-plan details of a row that holds more (a version's task row, say). */
export function specificsOf(row: TaskSpecifics): TaskSpecifics {
  const { instructions, carePlanReference, deviceOrProduct, parameters, mustNotDo, escalationPlan } = row;
  return { instructions, carePlanReference, deviceOrProduct, parameters, mustNotDo, escalationPlan };
}

export type VersionContent = {
  reference: string;
  version: number;
  person: { name: string; nhsNumber: string; dateOfBirth: IsoDate };
  team: { name: string; odsCode: string | null };
  provider: { name: string; cqcLocationId: string | null };
  delegator: { name: string; nmcPin: string | null };
  startDate: IsoDate;
  reviewDate: IsoDate;
  supervisionArrangements: string;
  earlyReviewTriggers: string;
  tasks: ({ code: string; name: string; inScope: string; excluded: string } & TaskSpecifics)[];
  workers: { id: number; name: string; jobTitle: string }[];
  /**
   * The consent the version rests on. Versions frozen before consent was part of the signed
   * content have none here (`undefined`); `null` means none was recorded when it was frozen.
   */
  consent?: SignedConsent | null;
};

/** Reads a version's frozen canonical JSON. Throws on anything that is not version content. */
export function parseVersionContent(json: string): VersionContent {
  const value = JSON.parse(json) as VersionContent;
  if (!value || typeof value !== "object" || !Array.isArray(value.tasks) || !Array.isArray(value.workers) || typeof value.reference !== "string") {
    throw new Error("Not the content of an agreement version");
  }
  return value;
}
