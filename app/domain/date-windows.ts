/**
 * Sensible dates (docs/domain.md rule 8): every date a person types has a window, stated here
 * once, and every form and model checks its date against it. A date outside its window is a
 * typing slip ("1/1/0001", "2036" for "2026") or a record that cannot be true (an observation
 * before the worker was allowed to practise), never something to store.
 *
 * The limits, and why:
 * - Date of birth: at most 120 years ago (older than anyone living), not in the future.
 * - Care Certificate: not before 1 April 2015, when it was introduced; not in the future.
 * - Joining a provider: at most 60 years ago (a working life), not in the future.
 * - Evidence of practice (supervised observation, sign-off): at most 5 years ago, the longest
 *   competency validity the task catalogue allows (60 months): older evidence counts for nothing.
 * - Other records of the past (training, prerequisites, insurance confirmation): at most 10
 *   years ago, not in the future.
 * - A training session may be scheduled up to a year ahead; attendance is recorded on or after
 *   its date.
 * - Agreement start: within a year either side of today. Further ahead, the named workers'
 *   competencies (valid 12 months by default) would lapse before it began; further back is a
 *   paper agreement too old to carry on without a review.
 * - Consent: not before the person was born, at most a year ago (consent is for this
 *   delegation, sought again at least yearly), not in the future.
 * - A concern: when it happened, not in the future and at most a year ago. Older events are for
 *   the team's and provider's own governance, not a concern to act on now.
 * - Reviews and review dates: see `reviewedOnWindow`, `reviewDateWindow`, `nextReviewDateWindow`.
 */
import { addDays, addMonths, formatDate, type IsoDate } from "./dates";

/** The first and last day allowed, each with the reason for it when it is not just "sensible". */
export type DateWindow = {
  earliest: IsoDate;
  latest: IsoDate;
  /** Follows "must be on or after <date>": e.g. ", when the e-learning was completed". */
  earliestBecause?: string;
  /** Follows "must be on or before <date>". */
  latestBecause?: string;
  /** The latest day is today: a later date is "in the future". */
  latestIsToday?: boolean;
  /** The earliest day is tomorrow: the date "must be in the future". */
  earliestIsTomorrow?: boolean;
  /** A realistic day for the field's example ("For example, 15 3 1946" for a date of birth). */
  typical?: IsoDate;
};

export const DATE_LIMITS = {
  oldestPersonYears: 120,
  careCertificateIntroduced: "2015-04-01",
  workingLifeYears: 60,
  evidenceMonths: 60,
  pastRecordYears: 10,
  trainingAheadMonths: 12,
  agreementStartMonths: 12,
  consentMonths: 12,
  concernMonths: 12,
  longestReviewIntervalMonths: 24,
} as const;

function past(today: IsoDate, earliest: IsoDate): DateWindow {
  return { earliest, latest: today, latestIsToday: true };
}

/** People receiving delegated care are mostly older: a date of birth about 80 years ago reads as real. */
const TYPICAL_AGE_YEARS = 80;

export const DATE_WINDOWS = {
  dateOfBirth: (today: IsoDate): DateWindow => ({
    ...past(today, addMonths(today, -12 * DATE_LIMITS.oldestPersonYears)),
    typical: addMonths(today, -12 * TYPICAL_AGE_YEARS),
  }),
  careCertificate: (today: IsoDate) => past(today, DATE_LIMITS.careCertificateIntroduced),
  joinedProvider: (today: IsoDate) => past(today, addMonths(today, -12 * DATE_LIMITS.workingLifeYears)),
  pastRecord: (today: IsoDate) => past(today, addMonths(today, -12 * DATE_LIMITS.pastRecordYears)),
  evidence: (today: IsoDate) => past(today, addMonths(today, -DATE_LIMITS.evidenceMonths)),
  trainingSession: (today: IsoDate): DateWindow => ({
    earliest: addMonths(today, -12 * DATE_LIMITS.pastRecordYears),
    latest: addMonths(today, DATE_LIMITS.trainingAheadMonths),
    typical: today,
  }),
  agreementStart: (today: IsoDate): DateWindow => ({
    earliest: addMonths(today, -DATE_LIMITS.agreementStartMonths),
    latest: addMonths(today, DATE_LIMITS.agreementStartMonths),
    typical: today,
  }),
  /** Any review date: the latest start plus the longest review interval the catalogue allows (24 months). */
  agreementReview: (today: IsoDate): DateWindow => ({
    earliest: addMonths(today, -DATE_LIMITS.agreementStartMonths),
    latest: addMonths(today, DATE_LIMITS.agreementStartMonths + DATE_LIMITS.longestReviewIntervalMonths),
    typical: addMonths(today, 6),
  }),
  concern: (today: IsoDate) => past(today, addMonths(today, -DATE_LIMITS.concernMonths)),
  consent: (today: IsoDate, dateOfBirth: IsoDate | null) =>
    narrow(past(today, addMonths(today, -DATE_LIMITS.consentMonths)), dateOfBirth ? { earliest: dateOfBirth, because: ", the person's date of birth" } : {}),
} as const;

/**
 * The date a field's hint gives as its example ("For example, 1 12 2026"): a realistic day
 * inside the window, near today for most fields (never a 2007 example for a start date).
 */
export function exampleDate(window: DateWindow): IsoDate {
  const day = window.typical ?? (window.earliestIsTomorrow ? window.earliest : window.latestIsToday ? window.latest : window.earliest);
  return day < window.earliest ? window.earliest : day > window.latest ? window.latest : day;
}

/** A window made tighter by a later first day or an earlier last day, keeping the reason. */
export function narrow(window: DateWindow, by: { earliest?: IsoDate | null; latest?: IsoDate | null; because?: string }): DateWindow {
  const out = { ...window };
  if (by.earliest && by.earliest > out.earliest) {
    out.earliest = by.earliest;
    out.earliestBecause = by.because;
    out.earliestIsTomorrow = false;
  }
  if (by.latest && by.latest < out.latest) {
    out.latest = by.latest;
    out.latestBecause = by.because;
    out.latestIsToday = false;
  }
  return out;
}

/**
 * What is wrong with `date` for this window, as the NHS service manual words it, naming the
 * field (`label`) and the allowed range; null when it fits.
 */
export function dateWindowProblem(label: string, date: IsoDate, window: DateWindow): string | null {
  const between = `${label} must be between ${formatDate(window.earliest)} and ${formatDate(window.latest)}`;
  if (window.earliest > window.latest) {
    return window.earliestBecause
      ? `${label} cannot be recorded yet: it must be on or after ${formatDate(window.earliest)}${window.earliestBecause}`
      : between;
  }
  if (date < window.earliest) {
    if (window.earliestBecause) return `${label} must be on or after ${formatDate(window.earliest)}${window.earliestBecause}`;
    return window.earliestIsTomorrow ? `${label} must be in the future` : between;
  }
  if (date > window.latest) {
    if (window.latestBecause) return `${label} must be on or before ${formatDate(window.latest)}${window.latestBecause}`;
    return window.latestIsToday ? `${label} must be today or in the past` : between;
  }
  return null;
}

/** The shortest review interval among the tasks (6 months when there are none yet). */
export function shortestReviewInterval(reviewIntervalsMonths: number[]): number {
  return reviewIntervalsMonths.length ? Math.min(...reviewIntervalsMonths) : 6;
}

/**
 * The review date of a version (docs/domain.md rule 9): after its start date, and no later than
 * the start plus the shortest review interval among its tasks.
 */
export function reviewDateWindow(startDate: IsoDate, reviewIntervalsMonths: number[]): DateWindow {
  const months = shortestReviewInterval(reviewIntervalsMonths);
  return {
    earliest: addDays(startDate, 1),
    latest: addMonths(startDate, months),
    earliestBecause: `, the day after the start date (${formatDate(startDate)})`,
    latestBecause: `: the agreement's tasks must be reviewed at least every ${months} months from the start date`,
  };
}

/** A review happens on or after the start date of the version in force, and not in the future. */
export function reviewedOnWindow(today: IsoDate, versionStartDate: IsoDate): DateWindow {
  return narrow(past(today, addMonths(today, -DATE_LIMITS.pastRecordYears * 12)), { earliest: versionStartDate, because: ", the start date of the agreement" });
}

/**
 * The next review date set at a review: after today (a review never leaves the agreement
 * already overdue) and no later than the shortest review interval from the review date.
 */
export function nextReviewDateWindow(today: IsoDate, reviewedOn: IsoDate, reviewIntervalsMonths: number[]): DateWindow {
  const months = shortestReviewInterval(reviewIntervalsMonths);
  return {
    earliest: addDays(today, 1),
    latest: addMonths(reviewedOn, months),
    earliestIsTomorrow: true,
    latestBecause: `: the agreement's tasks must be reviewed at least every ${months} months from the review`,
  };
}
