/** The task form (/tasks/new, /tasks/:id/edit), checked on the server. */
import { z } from "zod";
import { checkbox, MAX_LONG_TEXT, nameText, optionalText, requiredText, wholeNumber } from "~/domain/validation";
import { taskCategories } from "~/domain/enums";

export const TaskSchema = z.object({
  code: requiredText("Code", "Enter a short code for the task", 20)
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9-]+$/, "Code must use only letters, numbers and hyphens, like INS-PEN")),
  name: nameText("Enter the task's name", "Name"),
  category: z.enum(taskCategories, { message: "Select the task's category" }),
  inScope: requiredText("What is in scope", "Enter what is in scope", MAX_LONG_TEXT),
  excluded: requiredText("What is excluded", "Enter what is excluded", MAX_LONG_TEXT),
  personSpecific: checkbox,
  requiredObservations: wholeNumber("Supervised observations needed", { min: 1, max: 20, example: 3 }),
  validityMonths: wholeNumber("Competency validity in months", { min: 1, max: 60, example: 12 }),
  reviewIntervalMonths: wholeNumber("Agreement review interval in months", { min: 1, max: 24, example: 6 }),
  escalationGuidance: requiredText("Escalation guidance", "Enter the escalation guidance", MAX_LONG_TEXT),
  active: checkbox,
  newPrerequisites: optionalText("Prerequisites", 2000).transform((v) =>
    v
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  ),
});
