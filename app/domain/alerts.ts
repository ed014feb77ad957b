/**
 * Alerts (docs/domain.md "Alerts"): their kinds, severities and words, the records that can alert
 * and the alert itself. The engine that decides which alerts hold today is alert-engine.ts.
 */
import type { CompetencyFacts } from "./carry-out";
import type { IsoDate } from "./dates";
import type { StoredAgreementState, WorkerStatus } from "./enums";

export const ALERT_KINDS = [
  "competency_expired",
  "agreement_no_competent_worker",
  "agreement_review_overdue",
  "competency_expiring",
  "agreement_cover_risk",
  "agreement_cover_forecast",
  "agreement_review_due",
  "agreement_awaiting_signatures",
  "agreement_overlap",
  "competency_declined",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type Severity = "critical" | "warning" | "info";

export const ALERT_SEVERITY: Record<AlertKind, Severity> = {
  competency_expiring: "warning",
  competency_expired: "critical",
  agreement_no_competent_worker: "critical",
  agreement_cover_risk: "warning",
  agreement_cover_forecast: "warning",
  agreement_review_due: "warning",
  agreement_review_overdue: "critical",
  agreement_awaiting_signatures: "info",
  agreement_overlap: "critical",
  competency_declined: "warning",
};

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  competency_expiring: "Competency expiring",
  competency_expired: "Competency expired, worker still named",
  agreement_no_competent_worker: "No competent worker for a task",
  agreement_cover_risk: "Only one competent worker for a task",
  agreement_cover_forecast: "Cover will drop below two workers",
  agreement_review_due: "Agreement review due",
  agreement_review_overdue: "Agreement review overdue",
  agreement_awaiting_signatures: "Waiting for signatures",
  agreement_overlap: "Two live agreements for the same task",
  competency_declined: "Task declined, worker still named",
};

export const SEVERITY_LABELS: Record<Severity, string> = { critical: "Critical", warning: "Warning", info: "Information" };
const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

export type AlertSettings = {
  competencyWarningDays: number;
  competencyReminderDays: number[];
  reviewDueDays: number;
  awaitingSignaturesDays: number;
  /** Forecast: alert when a task's cover will fall below two competent named workers within this many days. */
  coverForecastDays: number;
};

export type CompetencyRecord = {
  competencyId: number;
  workerId: number;
  workerName: string;
  /** The worker's staff number, when recorded: alerts and their CSV tell namesakes apart (docs/domain.md rule 19). */
  staffNumber?: string | null;
  /** How many workers at the provider share the name (app/domain/worker-labels.ts); 1 when unknown. */
  namesakes?: number;
  taskName: string;
  personInitials: string | null;
  providerId: number;
  providerName: string;
  /** NHS teams that work with the provider, or whose live agreements name the worker. */
  teamIds: number[];
  expiresOn: IsoDate;
  /** References of live agreements naming this worker for this task. */
  liveAgreements: string[];
};

export type AgreementRecord = {
  agreementId: number;
  reference: string;
  personInitials: string;
  providerId: number;
  providerName: string;
  teamId: number;
  state: StoredAgreementState;
  startDate: IsoDate;
  inForceVersion: number | null;
  personId: number;
  reviewDate: IsoDate;
  /** Day the current version was sent, when it is still waiting for signatures. */
  awaitingSince: IsoDate | null;
  /**
   * For active and suspended agreements, the tasks that can alert: how many named workers may
   * carry each out today (docs/domain.md rule 4: none unless in force), how many are competent
   * for it, and, for a cover forecast, each named worker's status and the competency that counts.
   */
  tasks: {
    taskName: string;
    personSpecific: boolean;
    mayCarryOut: number;
    competentWorkers: number;
    namedWorkers: number;
    forecast?: { worker: { status: WorkerStatus }; competencies: CompetencyFacts[] }[];
  }[];
  /** docs/domain.md rule 10: other live agreements for the same person sharing a task. */
  overlaps?: { taskName: string; references: string[] }[];
};

/** docs/domain.md rule 12: a declined task whose worker is still named on live agreements for it. */
export type DeclineRecord = Omit<CompetencyRecord, "expiresOn"> & { declinedOn: IsoDate; reason: string };

export type Alert = {
  kind: AlertKind;
  severity: Severity;
  dueOn: IsoDate;
  title: string;
  detail: string;
  href: string;
  subject: {
    workerId?: number;
    /** The worker's name as entered; the title names them by `workerLabel`. */
    workerName?: string;
    staffNumber?: string | null;
    taskName?: string;
    personInitials?: string | null;
    agreementId?: number;
    agreementReference?: string;
    /**
     * Every agreement the alert concerns, by reference: the agreement itself, the other live one
     * it overlaps, or the live agreements naming the worker (decision record 018).
     */
    agreementReferences: string[];
    providerName: string;
  };
  providerId: number;
  teamIds: number[];
  /** For competency expiry: the reminder point (90, 60, 30 days) this falls inside. */
  reminderDays?: number;
};

/** Critical first, then warnings, then information; within each, the soonest due first. */
export function sortByUrgency(alerts: Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title),
  );
}

export function countAlerts(alerts: Alert[]) {
  const bySeverity: Record<Severity, number> = { critical: 0, warning: 0, info: 0 };
  const byKind = Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as Record<AlertKind, number>;
  for (const a of alerts) {
    bySeverity[a.severity]++;
    byKind[a.kind]++;
  }
  return { total: alerts.length, bySeverity, byKind };
}

/** What the alert asks, under its title: the kind, then what to do ("Competency expiring. Reassess before it lapses."). Shown on the page and written to the CSV. */
export function alertDescription(alert: Pick<Alert, "kind" | "detail">): string {
  return `${ALERT_KIND_LABELS[alert.kind]}. ${alert.detail}`;
}
