/** Words for concerns and incidents, in one place. */
import type { ConcernFollowUpKind, ConcernHarm, ConcernStatus } from "~/domain/concerns";

export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  open: "Open",
  closed: "Closed",
};

export const CONCERN_HARM_LABELS: Record<ConcernHarm, string> = {
  none: "No, nobody was harmed",
  low: "Yes, low harm (minor, short-lived)",
  moderate_or_severe: "Yes, moderate or severe harm",
  not_known: "Not known yet",
};

/** The same, short, for lists and printouts. */
export const CONCERN_HARM_SHORT: Record<ConcernHarm, string> = {
  none: "no harm",
  low: "low harm",
  moderate_or_severe: "moderate or severe harm",
  not_known: "harm not known yet",
};

export const CONCERN_FOLLOW_UP_LABELS: Record<ConcernFollowUpKind, string> = {
  competency_suspended: "Competency suspended",
  agreement_reviewed: "Agreement reviewed",
};

/** Said on every concern form and page: this record does not replace NHS incident reporting. */
export const INCIDENT_REPORTING =
  "This tells the delegating nurse and the care provider's managers straight away. It does not replace your organisation's incident reporting: a patient safety incident, and any moderate or severe harm, must also be reported through Learn from Patient Safety Events (LFPSE) or your organisation's usual route.";

export const EMERGENCY_ADVICE = "If the person is unwell now, call 999 in an emergency, or the district nursing team's escalation number.";

/** The reason given when a competency is suspended from a concern: it cites the concern. */
export function suspendReasonFromConcern({ id, raisedOn, whatHappened }: { id: number; raisedOn: string; whatHappened: string }): string {
  const excerpt = whatHappened.length > 300 ? `${whatHappened.slice(0, 297)}...` : whatHappened;
  return `Suspended after concern ${id}, recorded on ${raisedOn}: ${excerpt}`;
}
