/** A training session scheduled ahead or changed (/training/schedule, /training/:id/edit), checked on the server. */
import { z } from "zod";
import { scheduledSessionWindow } from "~/domain/training";
import { dateInput, MAX_LONG_TEXT, optionalText } from "~/domain/validation";
import { trainingModes } from "~/domain/enums";

export const SESSION_DATE_FIELDS = ["heldOn"];

/** A session scheduled ahead, or changed before it happens (docs/domain.md rule 8): today or up to a year ahead, no register. */
export function scheduledSessionSchema(today: string) {
  return z.object({
    taskId: z.coerce.number({ message: "Select the task the session covers" }).int().positive("Select the task the session covers"),
    heldOn: dateInput("Date of the session", scheduledSessionWindow(today)),
    mode: z.enum(trainingModes, { message: "Select how the training will be given" }),
    location: optionalText("Location"),
    notes: optionalText("Notes", MAX_LONG_TEXT),
  });
}
