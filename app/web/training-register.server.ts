import { z } from "zod";
import { idParam } from "~/domain/validation";
import { attendanceOutcomes } from "~/domain/enums";
import type { FormValues } from "~/web/forms.server";

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

const ProviderFilter = z.coerce.number().int().positive().optional().catch(undefined);

/**
 * The register as the filter form sent it back (GET): which provider's care workers to show, and
 * the outcomes already chosen, so that changing the filter keeps them. Anything unrecognised is
 * left out, never an error: this only fills in a form.
 */
export function registerQuery(url: URL): { providerId: number | undefined; values: FormValues } {
  const values: FormValues = Object.create(null);
  for (const [key, value] of url.searchParams) {
    if (key === "submissionToken" || Object.hasOwn(values, key)) continue;
    values[key] = value;
  }
  for (const key of Object.keys(values)) {
    if (!key.startsWith("outcome-")) continue;
    // Each outcome on its own: one malformed field loses only itself.
    const one = registerFrom({ [key]: values[key]! });
    delete values[key];
    if ("attendees" in one) for (const a of one.attendees) values[`outcome-${a.workerId}`] = a.outcome;
  }
  return { providerId: ProviderFilter.parse(url.searchParams.get("provider") ?? undefined), values: { ...values } };
}
