import { z } from "zod";
import { idParam } from "~/domain/validation";
import { attendanceOutcomes } from "~db/schema";
import type { FormValues } from "./forms.server";

export type RegisterEntry = { workerId: number; outcome: (typeof attendanceOutcomes)[number] };

/**
 * The register as submitted: one `outcome-<workerId>` select per worker; empty means "did not
 * attend". Only the canonical id counts (`outcome-01` is not worker 1: two fields for one worker
 * were a 500, issue 12, finding 9); anything else is a problem to show, never a guess.
 */
export function registerFrom(values: FormValues): { attendees: RegisterEntry[] } | { problem: string } {
  const attendees: RegisterEntry[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith("outcome-") || value === "") continue;
    const workerId = idParam.safeParse(key.slice("outcome-".length));
    if (!workerId.success) return { problem: "Record attendance only for care workers on the register" };
    const outcome = z.enum(attendanceOutcomes).safeParse(value);
    if (!outcome.success) return { problem: "Choose an outcome from the list for each attendee" };
    attendees.push({ workerId: workerId.data, outcome: outcome.data });
  }
  return { attendees };
}
