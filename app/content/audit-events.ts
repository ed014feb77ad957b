/**
 * What each audit event means, in plain English: one place for the words of the audit trail
 * (/admin/audit and its CSV) and of every record's timeline (the agreement's timeline, "History
 * of this record"), so the same event reads the same wherever it is shown.
 *
 * Every action code written by `recordAudit` is listed in AUDIT_ACTIONS (./audit-actions.ts); `recordAudit` accepts
 * only those (a type check), and app/content/audit-events.test.ts fails when a code written
 * anywhere in the source has no description here.
 */
import { partyRoleLabel } from "~/domain/agreement";
import { REVIEW_OUTCOME_LABELS } from "./agreements";
import { CONCERN_FOLLOW_UP_LABELS } from "./concerns";
import { OBSERVATION_OUTCOME_LABELS } from "./training";
import { isAuditAction, type AuditAction, type AuditRecordType, type AuditRef, type Phrase } from "./audit-actions";

/** The name for what the service does by itself (activation, the interlock, the demo data), in the audit trail and every timeline. */
export const AUTOMATIC_ACTOR = "Delegated Care (automatic)";
/** Who asked for a password reset link from the "Forgot your password?" page: nobody signed in. */
export const NOT_SIGNED_IN_ACTOR = "Someone not signed in";

/** Why a sign-in with an organisation's account was refused, as the audit trail says it. */
const SIGN_IN_REFUSAL_SHORT: Record<string, string> = {
  expired: "the sign-in had timed out or was already used",
  unavailable: "the sign-in service could not be reached",
  not_checked: "the sign-in service's answer did not pass the checks",
  cancelled: "the sign-in was not finished",
  no_email: "no email address was sent",
  email_unverified: "the email address was not confirmed",
  no_account: "no account has that email address",
  deactivated: "the account is deactivated",
  organisation_not_allowed: "the account's organisation may not use that sign-in service",
  different_subject: "the account is linked to a different account at that service",
};


export type DescribeInput = {
  action: string;
  details: Record<string, unknown>;
  /** Who did it, already named (a user's name, AUTOMATIC_ACTOR or NOT_SIGNED_IN_ACTOR). */
  who: string;
  /** The record the event is about: a reference, or words such as "this agreement" on the record's own timeline. */
  record: AuditRef | string;
};

type Describe = (e: DescribeInput, d: DetailReader) => Phrase;

class DetailReader {
  constructor(private readonly details: Record<string, unknown>) {}
  text(key: string): string | null {
    const v = this.details[key];
    return typeof v === "string" && v.trim() ? v.trim() : null;
  }
  number(key: string): number | null {
    const v = this.details[key];
    return typeof v === "number" ? v : null;
  }
  version(): string {
    const v = this.number("version");
    return v === null ? "" : ` (version ${v})`;
  }
  reason(key = "reason"): string {
    const r = this.text(key);
    return r ? `: ${r}` : "";
  }
}

/** A competency named from its owner's side when they did it themselves: "their competency in …". */
function competencyPhrase(e: DescribeInput): AuditRef | string {
  if (typeof e.record !== "string" && e.record.owner && e.record.owner.name === e.who) {
    return { ...e.record, label: `their competency in ${e.record.owner.thing}`, csvLabel: undefined };
  }
  return e.record;
}

export const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The description of each action: the actor is named once, first. */
export const AUDIT_EVENTS: Record<AuditAction, Describe> = {
  "agreement.create": (e) => [`${e.who} started `, e.record],
  "agreement.task_specifics": (e, d) => [`${e.who} changed the care-plan details of a task on `, e.record, d.version()],
  "agreement.tasks": (e, d) => [`${e.who} changed the tasks on `, e.record, d.version()],
  "agreement.workers": (e, d) => [`${e.who} changed the named care workers on `, e.record, d.version()],
  "agreement.details": (e, d) => [`${e.who} changed the dates and supervision on `, e.record, d.version()],
  "agreement.consent": (e, d) => [`${e.who} recorded consent for `, e.record, d.version()],
  "agreement.send": (e, d) => [`${e.who} sent `, e.record, `${d.version()} for signatures`],
  "agreement.sign": (e, d) => {
    const party = d.text("party");
    const as = !party ? "" : party === "provider" ? " for the care provider" : party.startsWith("worker:") ? " as a named care worker" : ` as the ${lower(partyRoleLabel(party))}`;
    if (d.text("method") === "on_paper") return [`${e.who} recorded that ${d.text("signerName") ?? "a party"} signed `, e.record, `${d.version()} on paper${as}`];
    return [`${e.who} signed `, e.record, `${d.version()}${as}`];
  },
  "agreement.activate": (e, d) => [`${e.who} made `, e.record, ` active: every party had signed${d.number("version") === null ? "" : ` version ${d.number("version")}`}`],
  "agreement.amend": (e, d) => [`${e.who} started an amendment to `, e.record, `${d.version()}${d.reason()}`],
  "agreement.delete": (e) => [`${e.who} deleted the draft `, e.record],
  "agreement.review": (e, d) => {
    const outcome = d.text("outcome");
    const label = outcome && Object.hasOwn(REVIEW_OUTCOME_LABELS, outcome) ? REVIEW_OUTCOME_LABELS[outcome as keyof typeof REVIEW_OUTCOME_LABELS] : null;
    return [`${e.who} reviewed `, e.record, label ? `: ${lower(label)}` : ""];
  },
  "agreement.suspend": (e, d) => [`${e.who} suspended `, e.record, d.reason()],
  "agreement.suspend_automatically": (e) => [`${e.who} suspended `, e.record, " because no named care worker could carry out a task"],
  "agreement.reinstate": (e, d) => [`${e.who} reinstated `, e.record, d.reason()],
  "agreement.end": (e, d) => [`${e.who} ended `, e.record, d.reason()],
  "concern.raise": (e) => [`${e.who} recorded `, e.record],
  "concern.follow_up": (e, d) => {
    const kind = d.text("kind");
    const label = kind && Object.hasOwn(CONCERN_FOLLOW_UP_LABELS, kind) ? CONCERN_FOLLOW_UP_LABELS[kind as keyof typeof CONCERN_FOLLOW_UP_LABELS] : "a follow-up";
    return [`${e.who} linked a follow-up to `, e.record, `: ${lower(label)}`];
  },
  "concern.close": (e, d) => [`${e.who} closed `, e.record, d.reason("outcome")],
  "competency.sign_off": (e) => [`${e.who} signed off `, e.record],
  "competency.renew": (e) => [`${e.who} renewed `, e.record],
  "competency.suspend": (e, d) => [`${e.who} suspended `, competencyPhrase(e), d.reason()],
  "competency.reinstate": (e, d) => [`${e.who} reinstated `, competencyPhrase(e), d.reason()],
  "competency.revoke": (e, d) => [`${e.who} revoked `, competencyPhrase(e), d.reason()],
  "competency.decline": (e, d) => [`${e.who} declined `, competencyPhrase(e), d.reason()],
  "observation.record": (e, d) => {
    const outcome = d.text("outcome");
    const label = outcome && Object.hasOwn(OBSERVATION_OUTCOME_LABELS, outcome) ? OBSERVATION_OUTCOME_LABELS[outcome as keyof typeof OBSERVATION_OUTCOME_LABELS] : null;
    return [`${e.who} recorded a supervised observation for `, e.record, label ? `: ${lower(label)}` : ""];
  },
  "observation.strike_out": (e, d) => [`${e.who} struck out a supervised observation for `, e.record, d.reason()],
  "prerequisite.record": (e) => [`${e.who} recorded a prerequisite met by `, e.record],
  "training.record": (e) => [`${e.who} recorded `, e.record, " and who attended"],
  "training.attendance": (e) => [`${e.who} recorded who attended `, e.record],
  "training.schedule": (e) => [`${e.who} scheduled `, e.record],
  "training.change": (e) => [`${e.who} changed `, e.record],
  "training.cancel": (e, d) => [`${e.who} cancelled `, e.record, d.reason()],
  "worker.create": (e) => [`${e.who} added `, e.record],
  "worker.update": (e) => [`${e.who} changed the details of `, e.record],
  "worker.leave": (e) => [`${e.who} recorded that `, e.record, " has left the care provider"],
  "worker.rejoin": (e) => [`${e.who} recorded that `, e.record, " works for the care provider again"],
  "worker.invite": (e) => [`${e.who} invited `, e.record, " to sign in"],
  "worker.invitation_resend": (e) => [`${e.who} sent `, e.record, " a new invitation to sign in"],
  "worker.invitation_withdraw": (e) => [`${e.who} withdrew the invitation to sign in sent to `, e.record],
  // The actor is the care worker, newly signed in: the record (the worker) is named in its own column.
  "passport.print": (e) => [`${e.who} printed the skills passport of `, e.record],
  "worker.invitation_accept": (e) => [`${e.who} accepted their invitation to sign in`],
  "worker.link_account": (e) => [`${e.who} linked a sign-in to `, e.record],
  "worker.unlink_account": (e) => [`${e.who} removed the sign-in linked to `, e.record],
  "person.create": (e) => [`${e.who} added `, e.record],
  "person.update": (e) => [`${e.who} changed the details of `, e.record],
  "person.capacity": (e, d) => [`${e.who} changed the capacity recorded for `, e.record, d.text("cause") === "consent" ? " when recording consent" : ""],
  "organisation.create": (e) => [`${e.who} added `, e.record],
  "organisation.update": (e) => [`${e.who} changed the details of `, e.record],
  "organisation.links": (e) => [`${e.who} changed the care providers `, e.record, " works with"],
  "organisation.deactivate": (e) => [`${e.who} deactivated `, e.record],
  "organisation.reactivate": (e) => [`${e.who} reactivated `, e.record],
  "task.create": (e) => [`${e.who} added `, e.record, " to the task catalogue"],
  "task.update": (e) => [`${e.who} changed `, e.record],
  "user.create": (e) => [`${e.who} added the user `, e.record],
  "user.update": (e) => [`${e.who} changed the role or organisation of `, e.record],
  "user.deactivate": (e) => [`${e.who} deactivated the sign-in of `, e.record],
  "user.reactivate": (e) => [`${e.who} reactivated the sign-in of `, e.record],
  "user.sign_in": (e) => [`${e.who} signed in`],
  "user.change_password": (e) => [`${e.who} changed their password`],
  "user.password_reset_request": (e) => [`${e.who} asked for a password reset link for `, e.record],
  "user.password_reset": (e) => [`${e.who} chose a new password with a reset link`],
  "user.link_worker": (e) => [`${e.who} linked the sign-in of `, e.record, " to a care worker"],
  "user.unlink_worker": (e) => [`${e.who} removed the care worker linked to the sign-in of `, e.record],
  "user.sign_in_refused": (e, d) => [
    `${e.who} was refused signing in with an organisation's account (`,
    e.record,
    `): ${SIGN_IN_REFUSAL_SHORT[d.text("reason") ?? ""] ?? "refused"}`,
  ],
  "user.link_identity": (e) => [`${e.who} signed in with an organisation's account for the first time, so `, e.record, " now remembers it"],
  "user.unlink_identity": (e) => [`${e.who} removed an organisation's account linked to the sign-in of `, e.record],
  "identity_provider.create": (e) => [`${e.who} added the sign-in service `, e.record],
  "identity_provider.update": (e) => [`${e.who} changed the sign-in service `, e.record],
  "user.two_factor_set_up": (e) => [`${e.who} set up two-factor authentication`],
  "user.two_factor_recovery_codes": (e) => [`${e.who} made new recovery codes for two-factor authentication: the old ones no longer work`],
  "user.two_factor_recovery_code_used": (e, d) => {
    const left = d.number("recoveryCodesLeft");
    return [`${e.who} signed in with a recovery code instead of a code from their authenticator app${left === null ? "" : ` (${left} left)`}`];
  },
  "user.two_factor_turn_off": (e) => [`${e.who} turned off two-factor authentication`],
  "user.two_factor_reset": (e) => [`${e.who} reset the two-factor authentication of `, e.record],
  "notifications.read": (e, d) => {
    const n = d.number("count");
    return [`${e.who} marked ${n === null ? "their" : n} notification${n === 1 ? "" : "s"} as read`];
  },
  "settings.update": (e) => [`${e.who} changed the settings`],
  "seed.demo": (e) => [`${e.who} wrote the demo data`],
  "seed.large": (e) => [`${e.who} wrote a large set of test data`],
};


/** One event in words, the actor named once. A code this version does not know still reads as a sentence. */
export function describeAuditEvent(e: DescribeInput): Phrase {
  const d = new DetailReader(e.details);
  if (isAuditAction(e.action)) return AUDIT_EVENTS[e.action](e, d).filter((p) => p !== "");
  return [`${e.who} made a change to `, e.record];
}

/** Who did it: a user's name, or what stands in for nobody. */
export function auditActorName(actorName: string | null, action: string): string {
  if (actorName) return actorName;
  return action === "user.password_reset_request" || action === "user.sign_in_refused" ? NOT_SIGNED_IN_ACTOR : AUTOMATIC_ACTOR;
}

export function phraseText(phrase: Phrase, { csv = false } = {}): string {
  return phrase.map((p) => (typeof p === "string" ? p : csv ? (p.csvLabel ?? p.label) : p.label)).join("");
}

/** How a record's own page names it in its timeline: "Priya Shah suspended this competency". */
export const THIS_RECORD: Record<AuditRecordType, string> = {
  agreement: "this agreement",
  competency: "this competency",
  concern: "this concern",
  worker: "this care worker",
  person: "this person",
  organisation: "this organisation",
  task: "this task",
  training_session: "this training session",
  user: "this user",
  settings: "the settings",
  identity_provider: "this sign-in service",
  deployment: "this data",
};

/** The agreement's timeline holds its concerns' events too: those are about "a concern about this agreement". */
export function agreementTimelineLine(e: { action: string; details: string; actorName: string | null }): string {
  return timelineLine(e, e.action.startsWith("concern.") ? "a concern about this agreement" : THIS_RECORD.agreement);
}

/**
 * A timeline line on the record's own page: the record is `here` ("this agreement"), and the
 * actor is named once ("Priya Shah signed this agreement (version 1) as delegating nurse").
 */
export function timelineLine(e: { action: string; details: string | Record<string, unknown>; actorName: string | null }, here: string): string {
  return phraseText(describeAuditEvent({ action: e.action, details: parseDetails(e.details), who: auditActorName(e.actorName, e.action), record: here }));
}

/** Stored details are canonical JSON; anything unreadable counts as no details. */
export function parseDetails(details: string | Record<string, unknown>): Record<string, unknown> {
  if (typeof details !== "string") return details;
  try {
    const parsed: unknown = JSON.parse(details);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
