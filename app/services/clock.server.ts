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
