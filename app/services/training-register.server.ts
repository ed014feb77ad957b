import { z } from "zod";
import { attendanceOutcomes } from "~db/schema";
import type { FormValues } from "./forms.server";

/** The register as submitted: one `outcome-<workerId>` select per worker; empty means "did not attend"; null when a value is not an outcome. */
export function registerFrom(values: FormValues) {
  const attendees: { workerId: number; outcome: (typeof attendanceOutcomes)[number] }[] = [];
  for (const [key, value] of Object.entries(values)) {
    const m = /^outcome-(\d+)$/.exec(key);
    if (!m || value === "") continue;
    const outcome = z.enum(attendanceOutcomes).safeParse(value);
    if (!outcome.success) return null;
    attendees.push({ workerId: Number(m[1]), outcome: outcome.data });
  }
  return attendees;
}
