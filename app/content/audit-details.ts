/** An audit event's details as readable "label: value" lines, never raw JSON. */
import { AGREEMENT_STATUS_LABELS, partyRoleLabel } from "~/domain/agreement";
import { COMPETENCY_STATUS_LABELS } from "~/domain/competency";
import { formatDate, formatDateTime, isIsoDate } from "~/domain/dates";
import { ROLE_LABELS } from "~/domain/roles";
import { SETTING_LABELS } from "~/domain/settings";
import { CONSENT_KIND_LABELS, REPRESENTATIVE_AUTHORITY_LABELS, REVIEW_OUTCOME_LABELS } from "./agreements";
import { AUDIT_RECORD_TYPES, isAuditAction, type AuditAction, type AuditRecordType, type AuditRef, type Phrase } from "./audit-actions";
import { lower } from "./audit-events";
import { CONCERN_FOLLOW_UP_LABELS, CONCERN_HARM_SHORT } from "./concerns";
import { CARE_SETTING_LABELS, ORGANISATION_KIND_LABELS, WORKER_STATUS_LABELS } from "./labels";
import { ATTENDANCE_OUTCOME_LABELS, OBSERVATION_OUTCOME_LABELS, TRAINING_MODE_LABELS } from "./training";


/** Which record type an id in the details points at, by the key it is stored under. */
export const DETAIL_REFERENCES: Record<string, AuditRecordType> = {
  agreementId: "agreement",
  competencyId: "competency",
  workerId: "worker",
  workerIds: "worker",
  userId: "user",
  delegatorId: "user",
  personId: "person",
  taskId: "task",
  taskIds: "task",
  tasks: "task",
  providerId: "organisation",
  teamId: "organisation",
  organisationId: "organisation",
  added: "organisation",
  removed: "organisation",
  identityProviderId: "identity_provider",
  organisationIds: "organisation",
};

const DETAIL_LABELS: Record<string, string> = {
  identityProviderId: "Sign-in service",
  organisationIds: "Organisations that may use it",
  issuer: "Issuer address",
  clientId: "Client ID",
  emailClaim: "Where the email address is",
  adminsMayUse: "Administrators can use it",
  enabled: "Switched on",
  required: "Must be used",
  twoFactorRequiredRoles: "Roles that must use two-factor authentication",
  recoveryCodesLeft: "Recovery codes left",
  agreementId: "Agreement",
  competencyId: "Competency",
  workerId: "Care worker",
  workerIds: "Named care workers",
  userId: "User",
  delegatorId: "Delegating nurse",
  personId: "Person receiving care",
  taskId: "Task",
  taskIds: "Tasks",
  tasks: "Tasks",
  providerId: "Care provider",
  teamId: "NHS team",
  organisationId: "Organisation",
  added: "Care providers added",
  removed: "Care providers removed",
  version: "Version",
  fromVersion: "Amends version",
  withdrawn: "Version withdrawn before signing",
  keepInForce: "Version in force kept until the new one is signed",
  reason: "Reason",
  outcome: "Outcome",
  reference: "Reference",
  confirmedAlongside: "Confirmed alongside",
  consents: "Consent records deleted",
  versions: "Versions deleted",
  contentHash: "Fingerprint of the content (SHA-256)",
  verificationCode: "Verification code",
  party: "Signed as",
  method: "How it was signed",
  signerName: "Signed by",
  kind: "Kind",
  authority: "Authority",
  givenOn: "Consent given on",
  from: "Before",
  to: "After",
  cause: "Cause",
  status: "Status",
  email: "Email address",
  expiresAt: "Link expires",
  ipAddress: "IP address",
  role: "Role",
  name: "Name",
  staffNumber: "Staff number",
  code: "Code",
  prerequisites: "Prerequisites",
  addedPrerequisites: "Prerequisites added",
  changed: "Changed",
  prerequisiteId: "Prerequisite",
  achievedOn: "Met on",
  observedOn: "Observed on",
  occurredOn: "Happened on",
  harm: "Was anyone harmed",
  heldOn: "Held on",
  mode: "How it was held",
  location: "Where",
  notes: "Notes",
  attendees: "Attendance",
  before: "Before",
  after: "After",
  signedOffOn: "Signed off on",
  expiresOn: "Expires on",
  reviewedOn: "Reviewed on",
  nextReviewDate: "Next review date",
  count: "How many",
  today: "Day",
  note: "Note",
  scale: "Scale",
  startDate: "Start date",
  reviewDate: "Review date",
  supervisionArrangements: "Supervision and support",
  earlyReviewTriggers: "Early review triggers",
  representativeName: "Representative",
  decisionDetails: "Decision details",
  capacityNotes: "Capacity",
};

/** Internal numbers with no page of their own: not shown. */
const HIDDEN_DETAILS = new Set(["observationId", "reviewId", "passportPrintId"]);

/** Stored codes in words (states, parties, kinds, outcomes). */
const VALUE_LABELS: Record<string, string> = {
  ...AGREEMENT_STATUS_LABELS,
  ...COMPETENCY_STATUS_LABELS,
  ...ROLE_LABELS,
  ...CONSENT_KIND_LABELS,
  ...REPRESENTATIVE_AUTHORITY_LABELS,
  ...CONCERN_HARM_SHORT,
  ...CONCERN_FOLLOW_UP_LABELS,
  ...ORGANISATION_KIND_LABELS,
  ...WORKER_STATUS_LABELS,
  ...CARE_SETTING_LABELS,
  ...ATTENDANCE_OUTCOME_LABELS,
  ...OBSERVATION_OUTCOME_LABELS,
  ...REVIEW_OUTCOME_LABELS,
  ...TRAINING_MODE_LABELS,
  in_app: "In the app",
  on_paper: "On paper",
  consent: "Consent recorded",
  no_competent_worker: "No named care worker could carry out a task",
};

export type DetailLine = { label: string; value: Phrase };

const VERSIONED: AuditAction[] = [
  "agreement.task_specifics", "agreement.tasks", "agreement.workers", "agreement.details", "agreement.consent",
  "agreement.send", "agreement.sign", "agreement.activate", "agreement.amend",
];
const REASONED: AuditAction[] = [
  "agreement.amend", "agreement.suspend", "agreement.reinstate", "agreement.end", "competency.suspend", "competency.reinstate",
  "competency.revoke", "competency.decline", "observation.strike_out", "training.cancel",
];

/** Details the description already says, so the details do not repeat them. */
const SAID_IN_DESCRIPTION: Partial<Record<AuditAction, string[]>> = {
  ...Object.fromEntries(VERSIONED.map((a) => [a, ["version"]])),
  ...Object.fromEntries(REASONED.map((a) => [a, ["reason"]])),
  "agreement.amend": ["version", "reason"],
  "agreement.sign": ["version", "party", "method", "signerName"],
  "agreement.create": ["reference"],
  "agreement.review": ["outcome"],
  "observation.record": ["outcome"],
  "concern.close": ["outcome"],
  "concern.follow_up": ["kind"],
  "notifications.read": ["count"],
  "person.capacity": ["cause"],
};

/** The details of an event that its description does not already say. */
export function unsaidDetails(action: string, details: Record<string, unknown>): Record<string, unknown> {
  const said = isAuditAction(action) ? (SAID_IN_DESCRIPTION[action] ?? []) : [];
  return Object.fromEntries(Object.entries(details).filter(([key]) => !said.includes(key)));
}

/**
 * The details of an event as lines a person reads. `ref` names a record the details point at
 * (a care worker, a task); without a name it is left as "care worker 12" so nothing is lost.
 */
export function auditDetailLines(details: Record<string, unknown>, ref: (type: AuditRecordType, id: string) => AuditRef | null): DetailLine[] {
  const lines: DetailLine[] = [];
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(obj)) {
      // Nothing recorded is nothing to say ("Care worker: None" reads as if one were missing).
      if (HIDDEN_DETAILS.has(key) || value === undefined || value === null) continue;
      const label = prefix ? `${prefix}: ${lower(detailLabel(key))}` : detailLabel(key);
      const type = DETAIL_REFERENCES[key];
      if (key === "attendees" && Array.isArray(value)) {
        lines.push({ label, value: attendanceValue(value, ref) });
      } else if (type && (typeof value === "number" || typeof value === "string" || Array.isArray(value))) {
        const ids = Array.isArray(value) ? value : [value];
        const parts: Phrase = [];
        ids.forEach((id, i) => {
          if (i) parts.push(", ");
          const found = ref(type, String(id));
          // Under the label "Agreement" the reference alone: "DA-2026-000003".
          parts.push(found ? (found.type === "agreement" ? { ...found, label: found.label.replace(/^agreement /, "") } : found) : `${lower(AUDIT_RECORD_TYPES[type])} ${String(id)}`);
        });
        lines.push({ label, value: parts.length ? parts : ["None"] });
      } else if (value && typeof value === "object" && !Array.isArray(value)) {
        walk(value as Record<string, unknown>, label);
      } else if (key === "changed" && Array.isArray(value)) {
        lines.push({ label, value: [value.length ? value.map((v) => lower(detailLabel(String(v)))).join(", ") : "Nothing"] });
      } else {
        lines.push({ label, value: [plainValue(value, key)] });
      }
    }
  };
  walk(details, "");
  return lines;
}

function attendanceValue(value: unknown[], ref: (type: AuditRecordType, id: string) => AuditRef | null): Phrase {
  const parts: Phrase = [];
  value.forEach((a, i) => {
    if (!a || typeof a !== "object") return;
    const { workerId, outcome } = a as { workerId?: unknown; outcome?: unknown };
    if (i) parts.push("; ");
    parts.push(ref("worker", String(workerId)) ?? `care worker ${String(workerId)}`);
    if (typeof outcome === "string") parts.push(`: ${lower(VALUE_LABELS[outcome] ?? outcome)}`);
  });
  return parts.length ? parts : ["Nobody"];
}

function detailLabel(key: string): string {
  const setting = (SETTING_LABELS as Record<string, { label: string } | undefined>)[key];
  if (setting) return setting.label;
  if (DETAIL_LABELS[key]) return DETAIL_LABELS[key];
  // An unknown key, in words: "someNewField" reads "Some new field".
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function plainValue(value: unknown, key: string): string {
  if (value === null || value === "") return "None";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => plainValue(v, key)).join(", ") : "None";
  if (typeof value === "string") {
    if (key === "party") return partyRoleLabel(value);
    if (Object.hasOwn(VALUE_LABELS, value)) return VALUE_LABELS[value] ?? value;
    if (isIsoDate(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
    return value;
  }
  return String(value);
}
