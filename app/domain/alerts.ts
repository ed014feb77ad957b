/**
 * The alert engine (docs/domain.md "Alerts"): a pure function from the records that can alert and
 * "today" to the alerts, each with a severity, a subject, a due date and the organisations it
 * concerns. The models fetch only rows that can alert; this decides.
 */
import { isInForce } from "./agreement";
import { coverForecast, type CompetencyFacts } from "./carry-out";
import { daysBetween, addDays, formatDate, type IsoDate } from "./dates";
import { workerLabel } from "./worker-labels";

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
  state: "draft" | "awaiting_signatures" | "active" | "suspended" | "ended";
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
    forecast?: { worker: { status: "active" | "left" }; competencies: CompetencyFacts[] }[];
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

export function computeAlerts(
  { competencies, agreements, declines = [] }: { competencies: CompetencyRecord[]; agreements: AgreementRecord[]; declines?: DeclineRecord[] },
  today: IsoDate,
  settings: AlertSettings,
): Alert[] {
  const alerts: Alert[] = [];
  const workerSubject = (c: Omit<CompetencyRecord, "expiresOn">) => ({
    workerId: c.workerId,
    workerName: c.workerName,
    staffNumber: c.staffNumber ?? null,
    taskName: c.taskName,
    personInitials: c.personInitials,
    agreementReferences: c.liveAgreements,
    providerName: c.providerName,
  });
  // A name shared at the provider carries the staff number (docs/domain.md rule 19).
  const named = (c: Omit<CompetencyRecord, "expiresOn">) => workerLabel({ name: c.workerName, staffNumber: c.staffNumber ?? null, namesakes: c.namesakes ?? 1 });
  for (const c of declines.filter((d) => d.liveAgreements.length)) {
    alerts.push({
      kind: "competency_declined",
      severity: ALERT_SEVERITY.competency_declined,
      dueOn: c.declinedOn,
      title: `${named(c)} declined ${c.taskName}${c.personInitials ? ` for ${c.personInitials}` : ""}`,
      detail: `Still named on ${c.liveAgreements.join(", ")}. They must not carry out this task: amend the agreement or name another competent worker. Their reason: ${c.reason}`,
      href: `/competencies/${c.competencyId}`,
      subject: workerSubject(c),
      providerId: c.providerId,
      teamIds: c.teamIds,
    });
  }
  for (const c of competencies) {
    const daysLeft = daysBetween(today, c.expiresOn);
    const subject = workerSubject(c);
    const forWhom = c.personInitials ? ` for ${c.personInitials}` : "";
    if (daysLeft >= 0 && daysLeft <= settings.competencyWarningDays) {
      const reminderDays = [...settings.competencyReminderDays].sort((a, b) => a - b).find((r) => daysLeft <= r);
      alerts.push({
        kind: "competency_expiring",
        severity: ALERT_SEVERITY.competency_expiring,
        dueOn: c.expiresOn,
        title: `${named(c)}: ${c.taskName}${forWhom} expires ${daysLeft === 0 ? "today" : `in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`}`,
        detail: `Reassess before it lapses.${c.liveAgreements.length ? ` Named on ${c.liveAgreements.join(", ")}.` : ""}`,
        href: `/competencies/${c.competencyId}`,
        subject,
        providerId: c.providerId,
        teamIds: c.teamIds,
        reminderDays,
      });
    } else if (daysLeft < 0 && c.liveAgreements.length) {
      alerts.push({
        kind: "competency_expired",
        severity: ALERT_SEVERITY.competency_expired,
        dueOn: c.expiresOn,
        title: `${named(c)}: ${c.taskName}${forWhom} expired ${-daysLeft} day${daysLeft === -1 ? "" : "s"} ago`,
        detail: `Still named on ${c.liveAgreements.join(", ")}. They must not carry out this task until reassessed.`,
        href: `/competencies/${c.competencyId}`,
        subject,
        providerId: c.providerId,
        teamIds: c.teamIds,
      });
    }
  }
  for (const a of agreements) {
    const subject = { agreementId: a.agreementId, agreementReference: a.reference, agreementReferences: [a.reference], personInitials: a.personInitials, providerName: a.providerName };
    const base = { href: `/agreements/${a.agreementId}`, providerId: a.providerId, teamIds: [a.teamId] };
    // Live cover alerts only while the agreement is in force (docs/domain.md rules 3 and 4); a
    // suspended agreement still says which task has no competent worker, so it can be mended.
    const inForce = isInForce(a, today);
    for (const t of a.tasks) {
      const count = inForce ? t.mayCarryOut : t.competentWorkers;
      if ((inForce || a.state === "suspended") && count === 0) {
        alerts.push({
          ...base,
          kind: "agreement_no_competent_worker",
          severity: ALERT_SEVERITY.agreement_no_competent_worker,
          dueOn: today,
          title: `${a.reference} (${a.personInitials}): no competent worker for ${t.taskName}`,
          detail: a.state === "suspended" ? "The agreement is suspended until a competent worker is named and it is reinstated." : "The agreement must be suspended.",
          subject: { ...subject, taskName: t.taskName },
        });
      } else if (inForce && count === 1) {
        alerts.push({
          ...base,
          kind: "agreement_cover_risk",
          severity: ALERT_SEVERITY.agreement_cover_risk,
          dueOn: today,
          title: `${a.reference} (${a.personInitials}): only one competent worker for ${t.taskName}`,
          detail: "If they are away or their competency lapses, no one can carry out the task.",
          subject: { ...subject, taskName: t.taskName },
        });
      }
      if (a.state === "active" && t.forecast) {
        const drop = coverForecast({
          agreement: { state: a.state, startDate: a.startDate, inForceVersion: a.inForceVersion, version: { version: a.inForceVersion ?? 0, state: "signed" } },
          task: { personSpecific: t.personSpecific },
          personId: a.personId,
          workers: t.forecast,
          today,
          warningDays: settings.competencyWarningDays,
          windowDays: settings.coverForecastDays,
        });
        if (drop) {
          const days = daysBetween(today, drop.on);
          alerts.push({
            ...base,
            kind: "agreement_cover_forecast",
            severity: ALERT_SEVERITY.agreement_cover_forecast,
            dueOn: drop.on,
            title: `${a.reference} (${a.personInitials}): from ${formatDate(drop.on)} ${drop.mayThen === 0 ? "no named worker" : "only one named worker"} will be able to carry out ${t.taskName}`,
            detail: `In ${days} day${days === 1 ? "" : "s"}. Renew a competency or name another competent worker before then${drop.mayThen === 0 ? ", or the agreement will be suspended" : ""}.`,
            subject: { ...subject, taskName: t.taskName },
          });
        }
      }
    }
    const live = a.state === "active" || a.state === "suspended";
    for (const o of live ? (a.overlaps ?? []) : []) {
      alerts.push({
        ...base,
        kind: "agreement_overlap",
        severity: ALERT_SEVERITY.agreement_overlap,
        dueOn: today,
        title: `${a.reference} (${a.personInitials}): ${o.references.join(", ")} is also live for ${o.taskName}`,
        detail: "Care workers could follow two sets of instructions. End or amend one of them.",
        subject: { ...subject, taskName: o.taskName, agreementReferences: [a.reference, ...o.references] },
      });
    }
    if (a.state === "active") {
      const days = daysBetween(today, a.reviewDate);
      if (days < 0) {
        alerts.push({ ...base, kind: "agreement_review_overdue", severity: ALERT_SEVERITY.agreement_review_overdue, dueOn: a.reviewDate, title: `${a.reference} (${a.personInitials}): review ${-days} day${days === -1 ? "" : "s"} overdue`, detail: "Record a review.", subject });
      } else if (days <= settings.reviewDueDays) {
        alerts.push({ ...base, kind: "agreement_review_due", severity: ALERT_SEVERITY.agreement_review_due, dueOn: a.reviewDate, title: `${a.reference} (${a.personInitials}): review due in ${days} day${days === 1 ? "" : "s"}`, detail: "Plan the review.", subject });
      }
    }
    if (a.awaitingSince && daysBetween(a.awaitingSince, today) > settings.awaitingSignaturesDays) {
      alerts.push({
        ...base,
        kind: "agreement_awaiting_signatures",
        severity: ALERT_SEVERITY.agreement_awaiting_signatures,
        dueOn: addDays(a.awaitingSince, settings.awaitingSignaturesDays),
        title: `${a.reference} (${a.personInitials}): waiting ${daysBetween(a.awaitingSince, today)} days for signatures`,
        detail: "Chase the parties who have not signed.",
        subject,
      });
    }
  }
  return sortByUrgency(alerts);
}

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
