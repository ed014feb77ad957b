/**
 * May this worker carry out this task for this person on this day (docs/domain.md rule 4)?
 * The one answer, used by the agreement page, the named-worker picker, alerts, the interlock and
 * the printed agreement. Its SQL twin is `carryOutCodeSql` in app/models/carry-out-sql.server.ts; a
 * property-based test proves the two agree.
 *
 * The answer is a decision, a reason code a machine can act on, and the words a person reads.
 * It is checked in this order, and the first thing that fails is the reason:
 *   1. the agreement (this version of it) is in force (docs/domain.md rule 3);
 *   2. the worker is named on it;
 *   3. the worker has not left the provider;
 *   4. the worker holds a current competency in the task that counts for this person
 *      (`countsForTask`): signed off, not suspended, revoked or declined, and today is on or
 *      before its expiry day.
 * Checks 2 to 4 on their own are the worker's competence: what the interlock and activation
 * need whether or not the agreement is yet in force.
 */
import { isInForce, type StoredAgreementState } from "./agreement";
import { competencyStatus, countsForTask, type CompetencyStatus } from "./competency";
import type { StoredCompetencyState } from "./enums";
import { addDays, formatDate, type IsoDate } from "./dates";
import type { VersionState } from "./enums";

export const CARRY_OUT_CODES = [
  "competent",
  "competent_expiring",
  "agreement_draft",
  "agreement_awaiting_signatures",
  "agreement_not_yet_in_force",
  "agreement_suspended",
  "agreement_ended",
  "version_not_in_force",
  "worker_not_named",
  "worker_left",
  "no_competency",
  "in_training",
  "competency_expired",
  "competency_suspended",
  "competency_revoked",
  "competency_declined",
] as const;
export type CarryOutCode = (typeof CARRY_OUT_CODES)[number];

/** The codes that mean "yes, they may". */
export const MAY_CARRY_OUT_CODES = ["competent", "competent_expiring"] as const satisfies readonly CarryOutCode[];

/** The agreement, and which of its versions the question is about. */
export type AgreementFacts = {
  state: StoredAgreementState;
  startDate: IsoDate;
  inForceVersion: number | null;
  version: { version: number; state: VersionState };
};

export type CompetencyFacts = { personId: number | null; state: StoredCompetencyState; expiresOn: IsoDate | null };

export type CompetenceQuestion = {
  named: boolean;
  worker: { status: "active" | "left" };
  task: { personSpecific: boolean };
  personId: number;
  /** The worker's competencies in this task (any person); the one that counts is chosen here. */
  competencies: CompetencyFacts[];
  today: IsoDate;
  warningDays: number;
};

export type CarryOutQuestion = CompetenceQuestion & { agreement: AgreementFacts };

export type CarryOutDecision = {
  may: boolean;
  code: CarryOutCode;
  /** What a person reads, e.g. "competent until 1 December 2026" or "competency expired on 12 November 2026". */
  words: string;
};

export function isMayCode(code: CarryOutCode): boolean {
  return (MAY_CARRY_OUT_CODES as readonly CarryOutCode[]).includes(code);
}

/** The words a person reads for each code; the dates they need come from the facts. */
export function carryOutWords(
  code: CarryOutCode,
  facts: { expiresOn?: IsoDate | null; startDate?: IsoDate; version?: number },
): string {
  switch (code) {
    case "competent":
      return `competent until ${formatDate(facts.expiresOn)}`;
    case "competent_expiring":
      return `competent until ${formatDate(facts.expiresOn)} (expiring)`;
    case "agreement_draft":
      return "the agreement has not been sent for signatures";
    case "agreement_awaiting_signatures":
      return "the agreement is waiting for signatures";
    case "agreement_not_yet_in_force":
      return `the agreement comes into force on ${formatDate(facts.startDate)}`;
    case "agreement_suspended":
      return "the agreement is suspended";
    case "agreement_ended":
      return "the agreement has ended";
    case "version_not_in_force":
      return `version ${facts.version ?? ""} is not the version in force`;
    case "worker_not_named":
      return "not named on this agreement";
    case "worker_left":
      return "has left the provider";
    case "no_competency":
      return "no competency recorded";
    case "in_training":
      return "not yet signed off";
    case "competency_expired":
      return `competency expired on ${formatDate(facts.expiresOn)}`;
    case "competency_suspended":
      return "competency suspended";
    case "competency_revoked":
      return "competency revoked";
    case "competency_declined":
      return "competency declined";
  }
}

export function decision(code: CarryOutCode, facts: { expiresOn?: IsoDate | null; startDate?: IsoDate; version?: number }): CarryOutDecision {
  return { may: isMayCode(code), code, words: carryOutWords(code, facts) };
}

/** Check 1: is this version of the agreement the one in force today? Null when it is. */
export function agreementBar(agreement: AgreementFacts, today: IsoDate): CarryOutDecision | null {
  const code = agreementBarCode(agreement, today);
  return code ? decision(code, { startDate: agreement.startDate, version: agreement.version.version }) : null;
}

function agreementBarCode(agreement: AgreementFacts, today: IsoDate): CarryOutCode | null {
  if (agreement.state === "ended") return "agreement_ended";
  if (agreement.inForceVersion !== agreement.version.version) {
    if (agreement.version.state === "draft") return "agreement_draft";
    if (agreement.version.state === "awaiting_signatures") return "agreement_awaiting_signatures";
    return "version_not_in_force";
  }
  if (agreement.state === "suspended") return "agreement_suspended";
  if (agreement.state === "draft") return "agreement_draft";
  if (agreement.state === "awaiting_signatures") return "agreement_awaiting_signatures";
  if (!isInForce(agreement, today)) return "agreement_not_yet_in_force";
  return null;
}

/** Checks 2 to 4: is the worker competent for this task for this person today? */
export function competence(q: CompetenceQuestion): CarryOutDecision {
  if (!q.named) return decision("worker_not_named", {});
  if (q.worker.status === "left") return decision("worker_left", {});
  const counting = q.competencies.find((c) => countsForTask(c, q.task, q.personId)) ?? null;
  if (!counting) return decision("no_competency", {});
  const codes: Record<CompetencyStatus, CarryOutCode> = {
    competent: "competent",
    expiring: "competent_expiring",
    expired: "competency_expired",
    in_training: "in_training",
    suspended: "competency_suspended",
    revoked: "competency_revoked",
    declined: "competency_declined",
  };
  return decision(codes[competencyStatus(counting, q.today, q.warningDays)], { expiresOn: counting.expiresOn });
}

/** A short status for the worker's competence, for the printed agreement: "Competent", "Expired", "Has left the provider". */
export function competenceLabel(code: CarryOutCode): string {
  const labels: Partial<Record<CarryOutCode, string>> = {
    competent: "Competent",
    competent_expiring: "Expiring",
    competency_expired: "Expired",
    in_training: "In training",
    competency_suspended: "Suspended",
    competency_revoked: "Revoked",
    competency_declined: "Declined",
    no_competency: "No competency",
    worker_left: "Has left the provider",
    worker_not_named: "Not named",
  };
  return labels[code] ?? carryOutWords(code, {});
}

/** The whole rule: check 1, then the worker's competence. */
export function mayCarryOut(q: CarryOutQuestion): CarryOutDecision {
  return agreementBar(q.agreement, q.today) ?? competence(q);
}

/**
 * What the agreement page shows for one named worker and task: "May carry out" only while the
 * agreement is in force; before that, whether they will be able to once it is; otherwise "Must
 * not carry out" and why (the worker's own problem first, since that is the one to fix).
 */
export function carryOutLabel(
  decision: CarryOutDecision,
  workerCompetence: CarryOutDecision,
  agreement: Pick<AgreementFacts, "startDate">,
): { text: string; tone: "green" | "blue" | "red"; why: string } {
  if (decision.may) return { text: "May carry out", tone: "green", why: workerCompetence.words };
  if (workerCompetence.may && decision.code === "agreement_not_yet_in_force") {
    return { text: `Will be able to carry out from ${formatDate(agreement.startDate)}`, tone: "blue", why: workerCompetence.words };
  }
  if (workerCompetence.may && (decision.code === "agreement_draft" || decision.code === "agreement_awaiting_signatures")) {
    return { text: "Will be able to carry out once the agreement is in force", tone: "blue", why: workerCompetence.words };
  }
  return { text: "Must not carry out", tone: "red", why: workerCompetence.may ? decision.words : workerCompetence.words };
}

/**
 * Cover forecast (docs/domain.md rule 13): the first day within `windowDays` after today on
 * which the agreement is in force and fewer than two named workers may carry out the task, by
 * the one rule, with everything but the date as it is today. Null when cover holds, or when the
 * task already has too few workers today (the cover alerts say so already).
 */
export function coverForecast({
  agreement,
  task,
  personId,
  workers,
  today,
  warningDays,
  windowDays,
}: {
  agreement: AgreementFacts;
  task: { personSpecific: boolean };
  personId: number;
  workers: { worker: { status: "active" | "left" }; competencies: CompetencyFacts[] }[];
  today: IsoDate;
  warningDays: number;
  windowDays: number;
}): { on: IsoDate; mayThen: number } | null {
  const countOn = (day: IsoDate) =>
    workers.filter((w) => mayCarryOut({ agreement, named: true, worker: w.worker, task, personId, competencies: w.competencies, today: day, warningDays }).may).length;
  if (agreementBar(agreement, today) === null && countOn(today) < 2) return null;
  const last = addDays(today, windowDays);
  // Cover changes only on the start date and the day after a competency's expiry day.
  const candidates = new Set<IsoDate>([agreement.startDate]);
  for (const w of workers) for (const c of w.competencies) if (c.expiresOn) candidates.add(addDays(c.expiresOn, 1));
  const days = [...candidates].filter((d) => d > today && d <= last).sort();
  // The first in-force day inside the window is a candidate too.
  const firstInWindow = addDays(today, 1);
  if (agreement.startDate <= firstInWindow && firstInWindow <= last && !days.includes(firstInWindow)) days.unshift(firstInWindow);
  for (const day of days) {
    if (agreementBar(agreement, day) !== null) continue;
    const n = countOn(day);
    if (n < 2) return { on: day, mayThen: n };
  }
  return null;
}
