import fs from "node:fs";
import { londonDate, type IsoDate } from "~/domain/dates";

/** Where "now" comes from: the system clock in service, a fixed one in tests. */
export type Clock = { now(): Date; today(): IsoDate };

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => londonDate(new Date()),
};

export function fixedClock(instant: string | Date): Clock {
  const at = new Date(instant);
  return { now: () => new Date(at), today: () => londonDate(at) };
}

/**
 * For end-to-end tests only: "now" is the instant written in `file`, or the real time when the
 * file is absent or empty. The server accepts it only in demo mode (scripts/server.ts), so it
 * can never move the clock of a deployment holding real records.
 */
export function fileClock(file: string): Clock {
  const now = () => {
    let text = "";
    try {
      text = fs.readFileSync(file, "utf8").trim();
    } catch {
      // No file: the real time.
    }
    const at = text ? new Date(text) : new Date();
    return Number.isNaN(at.getTime()) ? new Date() : at;
  };
  return { now, today: () => londonDate(now()) };
}
