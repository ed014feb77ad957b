/** Words for agreement records, in one place. */
import type { SignedConsent } from "~/domain/agreement-content";
import { formatDate } from "~/domain/dates";

export const CONSENT_KIND_LABELS = {
  person: "Given by the person",
  representative: "Given by a representative with authority",
  best_interests: "Best-interests decision (the person lacks capacity)",
} as const;

export const REPRESENTATIVE_AUTHORITY_LABELS = {
  lpa_health_welfare: "Lasting power of attorney for health and welfare",
  deputy: "Court-appointed deputy",
} as const;

/** One consent record in a sentence: "Given by a representative with authority: Susan Hollis (…), 3 May 2026." */
export function consentSentence(c: SignedConsent): string {
  const who = c.kind === "representative" ? `: ${c.representativeName} (${REPRESENTATIVE_AUTHORITY_LABELS[c.authority ?? "lpa_health_welfare"]})` : "";
  return `${CONSENT_KIND_LABELS[c.kind]}${who}, ${formatDate(c.givenOn)}.${c.decisionDetails ? ` ${c.decisionDetails}` : ""}`;
}

export const REVIEW_OUTCOME_LABELS = {
  continue: "Continue",
  amend: "Amend",
  suspend: "Suspend",
  end: "End",
} as const;

export const VERSION_STATE_LABELS = {
  draft: "Draft",
  awaiting_signatures: "Awaiting signatures",
  signed: "Signed by every party",
  superseded: "Superseded",
  withdrawn: "Withdrawn before signing",
} as const;

/** The sections of the guided agreement (app/domain/agreement-task-list.ts), as the task list names them. */
export const DRAFT_SECTION_TITLES = {
  person: "Person and care provider",
  tasks: "Tasks and care-plan details",
  workers: "Named care workers",
  details: "Dates and supervision",
  consent: "Consent",
  send: "Check and send",
} as const;
/** The order of a batch printout (by person, then reference), for the download page and the contents page. */
export const BATCH_ORDER = "in order of the person's name, then the agreement's reference";
