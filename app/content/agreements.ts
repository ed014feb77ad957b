/** Words for agreement records, in one place. */
import type { SignedConsent } from "~/domain/agreement-content";
import { formatDate } from "~/domain/dates";
import { CONCERN_AUDIT_LABELS } from "./concerns";

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

/**
 * What the agreement page says beside the agreement's status (the one derived status, the tag):
 * which version it shows, and that version's own state only where the status does not already
 * say it. Never "in force" or "active": only the status says that, so the two cannot disagree
 * (a suspended agreement is not shown "signed and in force").
 */
export function versionLine(agreementState: string, version: { version: number; state: keyof typeof VERSION_STATE_LABELS }): string {
  if (version.state === "signed") return `Version ${version.version}, signed by every party`;
  if (version.state === agreementState) return `Version ${version.version}`;
  return `Version ${version.version}: ${VERSION_STATE_LABELS[version.state].toLowerCase()}`;
}

const ACTIONS: Record<string, string> = {
  "agreement.create": "Agreement started",
  "agreement.task_specifics": "Care-plan details changed",
  "agreement.tasks": "Tasks changed",
  "agreement.workers": "Named care workers changed",
  "agreement.details": "Dates and supervision changed",
  "agreement.consent": "Consent recorded",
  "agreement.send": "Sent for signatures",
  "agreement.sign": "Signed",
  "agreement.activate": "Became active",
  "agreement.amend": "Amendment started",
  "agreement.delete": "Draft deleted",
  "agreement.review": "Reviewed",
  "agreement.suspend": "Suspended",
  "agreement.suspend_automatically": "Suspended automatically: no competent named worker",
  "agreement.reinstate": "Reinstated",
  "agreement.end": "Ended",
  ...CONCERN_AUDIT_LABELS,
};

/** A timeline line: what happened, with the detail that matters (version, party). */
export function auditActionLabel(action: string, details: string): string {
  const label = ACTIONS[action] ?? action;
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(details) as Record<string, unknown>;
  } catch {
    // Older or hand-written details: show the action alone.
  }
  const version = typeof parsed.version === "number" ? ` (version ${parsed.version})` : "";
  const who = typeof parsed.signerName === "string" ? ` by ${parsed.signerName}${parsed.method === "on_paper" ? " on paper" : ""}` : "";
  // An amendment says why it was started (issue 13, item 10).
  const reason = action === "agreement.amend" && typeof parsed.reason === "string" && parsed.reason ? `: ${parsed.reason}` : "";
  return `${label}${who}${version}${reason}`;
}

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
