/** The concern forms: reporting one (/concerns/new) and closing one (/concerns/:id/close). */
import { z } from "zod";
import { CONCERN_HARMS } from "~/domain/concerns";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { choice, dateInput, idParam, MAX_LONG_TEXT, optionalText, requiredText } from "~/domain/validation";

export const CloseSchema = z.object({ outcome: requiredText("Outcome", "Enter the outcome: what was done and why the concern can be closed", MAX_LONG_TEXT) });

/** A radio left unchosen, or "Not about one …", means none. */
const optionalId = z.union([z.literal(""), z.undefined(), idParam], { message: "Choose one of the options" }).transform((v) => (typeof v === "number" ? v : null));

export function concernSchema(today: string) {
  return z.object({
    taskId: optionalId,
    workerId: optionalId,
    occurredOn: dateInput("Date it happened", DATE_WINDOWS.concern(today)),
    whatHappened: requiredText("What happened", "Describe what happened", MAX_LONG_TEXT),
    actionTaken: optionalText("Action taken", MAX_LONG_TEXT),
    harm: choice(CONCERN_HARMS, "Select whether anyone was harmed"),
  });
}
