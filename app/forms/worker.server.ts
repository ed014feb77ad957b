/** The care worker form (/workers/new, /workers/:id/edit), checked on the server. */
import { z } from "zod";
import { nameText, optionalDateInput, optionalText, requiredText, dateInput } from "~/domain/validation";
import { DATE_WINDOWS, dateWindowProblem, narrow } from "~/domain/date-windows";
import { workerStatuses } from "~/domain/enums";

export const WORKER_DATE_FIELDS = ["careCertificateOn", "joinedOn", "leftOn"];

export function workerSchema(today: string) {
  return z
    .object({
      providerId: z.coerce.number({ message: "Select the care provider" }).int().positive("Select the care provider"),
      // One space between words, so "Aisha  Begum" is seen to be the Aisha Begum already there.
      name: nameText("Enter the care worker's full name", "Full name").transform((v) => v.replace(/\s+/g, " ")),
      // Required only when the name is shared at the provider: the model checks that in its transaction.
      staffNumber: optionalText("Staff number", 20)
        .refine((v) => v === "" || /^[A-Za-z0-9][A-Za-z0-9 /-]*$/.test(v), "Staff number must only include letters, numbers, spaces, hyphens and slashes")
        .transform((v) => v || null),
      jobTitle: requiredText("Job title", "Enter the care worker's job title"),
      // In the order the form asks (the error summary follows it).
      // No supervised observation may be dated before it (docs/domain.md rule 7), so it is asked for.
      joinedOn: dateInput("Date they joined this provider", DATE_WINDOWS.joinedProvider(today)),
      careCertificateOn: optionalDateInput("Date the Care Certificate was awarded", DATE_WINDOWS.careCertificate(today)),
      status: z.enum(workerStatuses, { message: "Select whether the care worker is active or has left" }).default("active"),
      leftOn: optionalDateInput("Date they left", DATE_WINDOWS.joinedProvider(today)),
    })
    .superRefine((v, ctx) => {
      if (v.status === "left" && !v.leftOn) ctx.addIssue({ code: "custom", path: ["leftOn"], message: "Enter the date they left" });
      if (v.leftOn) {
        const problem = dateWindowProblem("Date they left", v.leftOn, narrow(DATE_WINDOWS.joinedProvider(today), { earliest: v.joinedOn, because: ", the date they joined" }));
        if (problem) ctx.addIssue({ code: "custom", path: ["leftOn"], message: problem });
      }
    });
}

/** The filters on /care workers: anything not understood is ignored. */
export const WorkerFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  provider: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(workerStatuses).optional().catch(undefined),
});
