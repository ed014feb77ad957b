/**
 * Calendar days are ISO strings (`YYYY-MM-DD`); instants are UTC ISO timestamps.
 * "Today" is always the calendar day in Europe/London, whatever the server's zone.
 */

export type IsoDate = string;

export const LONDON = "Europe/London";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day in London at the given instant. */
export function londonDate(instant: Date): IsoDate {
  const parts = londonParts.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtcMs(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not an ISO date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * 86_400_000);
}

/**
 * Adds calendar months; a day that the target month lacks falls back to its last day,
 * so 29 February 2028 plus 12 months is 28 February 2029 (never 1 March).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not an ISO date: ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / 86_400_000);
}

const longDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** `2026-11-22` -> `22 November 2026`. */
export function formatDate(date: IsoDate | null | undefined): string {
  if (!date) return "";
  return longDate.format(new Date(toUtcMs(date)));
}

const londonTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h12",
});

/** A UTC instant shown as London wall-clock time: `22 November 2026 at 2:05pm`. */
export function formatDateTime(instant: string | Date | null | undefined): string {
  if (!instant) return "";
  const at = typeof instant === "string" ? new Date(instant) : instant;
  const time = londonTime.format(at).replace(/\s/g, "").toLowerCase();
  return `${formatDate(londonDate(at))} at ${time}`;
}

export type DateFieldsProblem = "missing" | "not_real" | "year_format";

/** The NHS three-field date input: day, month and year as typed. */
export function dateFromFields(fields: {
  day?: string;
  month?: string;
  year?: string;
}): { ok: true; date: IsoDate } | { ok: false; problem: DateFieldsProblem } {
  const day = (fields.day ?? "").trim();
  const month = (fields.month ?? "").trim();
  const year = (fields.year ?? "").trim();
  if (!day || !month || !year) return { ok: false, problem: "missing" };
  if (!/^\d{4}$/.test(year)) return { ok: false, problem: "year_format" };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month)) return { ok: false, problem: "not_real" };
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  if (!isIsoDate(iso)) return { ok: false, problem: "not_real" };
  return { ok: true, date: iso };
}

export function dateToFields(date: IsoDate | null | undefined): { day: string; month: string; year: string } {
  if (!date || !ISO_DATE.test(date)) return { day: "", month: "", year: "" };
  const [year, month, day] = date.split("-") as [string, string, string];
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The first instant of a London calendar day (midnight there is 00:00 or 23:00 the day before in UTC). */
export function londonDayStart(date: IsoDate): Date {
  const utcMidnight = new Date(toUtcMs(date));
  const hourBefore = new Date(utcMidnight.getTime() - 3_600_000);
  return londonDate(hourBefore) === date ? hourBefore : utcMidnight;
}
