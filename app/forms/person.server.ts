/** The person form (/people/new, /people/:id/edit), checked on the server. */
import { z } from "zod";
import { dateInput, MAX_LONG_TEXT, nameText, nhsNumber, optionalText } from "~/domain/validation";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { careSettings } from "~/domain/enums";

/**
 * An NHS number already recorded: the same words whether the record is on the user's caseload or
 * another team's, naming no one, no team and no provider (docs/decisions/011-security-posture.md).
 */
export const NHS_NUMBER_IN_USE =
  "A person with this NHS number is already recorded. Search for them in People; if they are not there, ask your administrator to check the record";

export const PERSON_DATE_FIELDS = ["dateOfBirth"];

export function personSchema(today: string) {
  return z.object({
    name: nameText("Enter the person's full name", "Full name"),
    nhsNumber,
    dateOfBirth: dateInput("Date of birth", DATE_WINDOWS.dateOfBirth(today), { missing: "Enter their date of birth" }),
    setting: z.enum(careSettings, { message: "Select where the person receives care" }),
    address: optionalText("Address", 300),
    teamId: z.coerce.number({ message: "Select the NHS team" }).int().positive("Select the NHS team"),
    providerId: z.coerce.number({ message: "Select the care provider" }).int().positive("Select the care provider"),
    gpPractice: optionalText("GP practice"),
    capacityNotes: optionalText("Mental capacity", MAX_LONG_TEXT),
    consentNotes: optionalText("Consent notes", MAX_LONG_TEXT),
  });
}
