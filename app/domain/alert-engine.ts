/**
 * The alert engine (docs/domain.md): from the records that can alert, within a reader's scope,
 * the alerts for today, most urgent first. Pure: the models feed it (app/models/alerts.server.ts).
 */
import { isInForce } from "./agreement";
import { coverForecast } from "./carry-out";
import { daysBetween, addDays, formatDate, type IsoDate } from "./dates";
import { workerLabel } from "./worker-labels";
import { ALERT_SEVERITY, sortByUrgency, type Alert, type AlertSettings, type AgreementRecord, type CompetencyRecord, type DeclineRecord } from "./alerts";

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

