/** Agreement forms and filters read on the server; the forms inside each agreement route's action are built there. */
import { z } from "zod";
import { AGREEMENT_STATUS_LABELS, type AgreementStatus } from "~/domain/agreement";
import { MAX_LONG_TEXT, optionalText } from "~/domain/validation";

/** What /agreements/:id/:change may do to an agreement. */
export const ChangeSchema = z.enum(["suspend", "reinstate", "end"]);
export type Change = z.infer<typeof ChangeSchema>;

const STATUSES = Object.keys(AGREEMENT_STATUS_LABELS) as [AgreementStatus, ...AgreementStatus[]];

/** The filters on /agreements: anything not understood is ignored. */
export const AgreementFilterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  provider: z.coerce.number().int().positive().optional().catch(undefined),
  task: z.coerce.number().int().positive().optional().catch(undefined),
  reviewDue: z.literal("yes").optional().catch(undefined),
});

/** The care-plan details of one task in an agreement (/agreements/:id/tasks/:taskId). */
export const TaskSpecificsSchema = z
  .object({
    instructions: optionalText("Instructions", MAX_LONG_TEXT),
    carePlanReference: optionalText("Care-plan reference"),
    deviceOrProduct: optionalText("Device or product"),
    parameters: optionalText("Parameters", MAX_LONG_TEXT),
    mustNotDo: optionalText("What the care worker must not do", MAX_LONG_TEXT),
    escalationPlan: optionalText("Escalation plan", MAX_LONG_TEXT),
  })
  .superRefine((v, ctx) => {
    if (!v.instructions && !v.carePlanReference) ctx.addIssue({ code: "custom", path: ["instructions"], message: "Enter the instructions, or the care-plan reference that holds them" });
    if (!v.escalationPlan) ctx.addIssue({ code: "custom", path: ["escalationPlan"], message: "Enter the escalation plan: when to call the nurse, the GP, 111 or 999" });
  });
