/** Words for agreement records, in one place. */
import type { SignedConsent } from "~/domain/agreement-content";
import { formatDate, formatDateTime } from "~/domain/dates";

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

/**
 * One version in an agreement's history (its page's list of versions and section 11 of the
 * printout), each fact said once: "Signed by every party 5 May 2026 at 2:05pm (sent for signatures 3 May 2026 at 9:00am)".
 */
export function versionHistoryNote(x: { state: keyof typeof VERSION_STATE_LABELS; frozenAt: string | null; activatedAt: string | null }): string {
  const sent = x.frozenAt ? `sent for signatures ${formatDateTime(x.frozenAt)}` : "";
  if ((x.state === "signed" || x.state === "superseded") && x.activatedAt) {
    const signed = `signed by every party ${formatDateTime(x.activatedAt)}`;
    const when = sent ? `${signed} (${sent})` : signed;
    return x.state === "signed" ? `${when.charAt(0).toUpperCase()}${when.slice(1)}` : `Superseded: it was ${when}`;
  }
  if (x.state === "awaiting_signatures" && x.frozenAt) return `Awaiting signatures since ${formatDateTime(x.frozenAt)}`;
  return sent ? `${VERSION_STATE_LABELS[x.state]} (${sent})` : VERSION_STATE_LABELS[x.state];
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
