/**
 * The audit trail's vocabulary: every action code `recordAudit` may write, the kinds of record an
 * event is about, and how a description names a record. The words are in ./audit-events.ts (the
 * descriptions) and ./audit-details.ts (the details).
 */
export const AUDIT_ACTIONS = [
  "agreement.create",
  "agreement.task_specifics",
  "agreement.tasks",
  "agreement.workers",
  "agreement.details",
  "agreement.consent",
  "agreement.send",
  "agreement.sign",
  "agreement.activate",
  "agreement.amend",
  "agreement.delete",
  "agreement.review",
  "agreement.suspend",
  "agreement.suspend_automatically",
  "agreement.reinstate",
  "agreement.end",
  "concern.raise",
  "concern.follow_up",
  "concern.close",
  "competency.sign_off",
  "competency.renew",
  "competency.suspend",
  "competency.reinstate",
  "competency.revoke",
  "competency.decline",
  "observation.record",
  "observation.strike_out",
  "prerequisite.record",
  "training.record",
  "training.attendance",
  "training.schedule",
  "training.change",
  "training.cancel",
  "worker.create",
  "worker.update",
  "worker.leave",
  "worker.rejoin",
  "worker.invite",
  "worker.invitation_resend",
  "worker.invitation_withdraw",
  "worker.invitation_accept",
  "worker.link_account",
  "worker.unlink_account",
  "passport.print",
  "person.create",
  "person.update",
  "person.capacity",
  "organisation.create",
  "organisation.update",
  "organisation.links",
  "organisation.deactivate",
  "organisation.reactivate",
  "task.create",
  "task.update",
  "user.create",
  "user.update",
  "user.deactivate",
  "user.reactivate",
  "user.sign_in",
  "user.change_password",
  "user.password_reset_request",
  "user.password_reset",
  "user.link_worker",
  "user.unlink_worker",
  "user.sign_in_refused",
  "user.link_identity",
  "user.unlink_identity",
  "identity_provider.create",
  "identity_provider.update",
  "user.two_factor_set_up",
  "user.two_factor_recovery_codes",
  "user.two_factor_recovery_code_used",
  "user.two_factor_turn_off",
  "user.two_factor_reset",
  "notifications.read",
  "settings.update",
  "seed.demo",
  "seed.large",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of record an audit event is about, as the filter and the CSV name them. */
export const AUDIT_RECORD_TYPES = {
  agreement: "Agreement",
  competency: "Competency",
  concern: "Concern",
  worker: "Care worker",
  person: "Person receiving care",
  organisation: "Organisation",
  task: "Task",
  training_session: "Training session",
  user: "User",
  settings: "Settings",
  identity_provider: "Sign-in service",
  deployment: "Demo or test data",
} as const;
export type AuditRecordType = keyof typeof AUDIT_RECORD_TYPES;

export function isAuditRecordType(value: string): value is AuditRecordType {
  return Object.hasOwn(AUDIT_RECORD_TYPES, value);
}

/** A record named in a description: its words, and the page that shows it (if it still exists). */
export type AuditRef = {
  type: AuditRecordType;
  id: string;
  /** "agreement DA-2026-000003", "Maria Santos (staff number B1042)", "concern 4". */
  label: string;
  /** For a competency: whose it is and in what, so "their competency in …" can be said. */
  owner?: { name: string; thing: string };
  /** In a CSV, when it differs: a person receiving care by initials, as in every export. */
  csvLabel?: string;
  href: string | null;
};

/** A description: words and records, so a page can link the records and a CSV can print them. */
export type Phrase = (string | AuditRef)[];

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

export function isAuditAction(action: string): action is AuditAction {
  return KNOWN_ACTIONS.has(action);
}
