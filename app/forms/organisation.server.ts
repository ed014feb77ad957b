/** The organisation form (/organisations/new, /organisations/:id/edit), checked on the server. */
import { z } from "zod";
import { checkbox, nameText, optionalDateInput, optionalText, ukPhoneNumber, ukPostcode } from "~/domain/validation";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { regulatedActivities } from "~/domain/enums";

export const ORGANISATION_DATE_FIELDS = ["insuranceConfirmedOn"];
export const ORGANISATION_ARRAY_FIELDS = ["regulatedActivities", "linkedProviders"];

const ODS_CODE = /^[A-Z0-9]{3,10}$/;
const CQC_LOCATION_ID = /^1-\d{6,11}$/;

export function organisationSchema(kind: "nhs_team" | "provider", today: string) {
  return z
    .object({
      name: nameText("Enter the organisation's name", "Name"),
      odsCode: optionalText("ODS code", 10).transform((v) => v.toUpperCase()),
      cqcLocationId: optionalText("CQC location ID", 20),
      address: optionalText("Address", 300),
      postcode: ukPostcode("Postcode"),
      phone: ukPhoneNumber("Phone number"),
      email: optionalText("Email address", 254).pipe(z.union([z.literal(""), z.email("Enter an email address in the correct format, like name@example.org")])),
      escalationInHours: optionalText("Escalation contact in hours", 300),
      escalationOutOfHours: optionalText("Escalation contact out of hours", 300),
      regulatedActivities: z.array(z.enum(regulatedActivities, { message: "Select regulated activities from the list" })).default([]),
      insuranceConfirmed: checkbox,
      insurer: optionalText("Insurer"),
      insuranceConfirmedOn: optionalDateInput("Date insurance was confirmed", DATE_WINDOWS.pastRecord(today)),
      linkedProviders: z.array(z.coerce.number().int().positive()).default([]),
    })
    .superRefine((v, ctx) => {
      if (kind === "nhs_team" && !ODS_CODE.test(v.odsCode)) {
        ctx.addIssue({ code: "custom", path: ["odsCode"], message: v.odsCode ? "ODS code must be 3 to 10 letters and numbers, like RX1N1" : "Enter the team's ODS code" });
      }
      if (kind === "provider") {
        if (!CQC_LOCATION_ID.test(v.cqcLocationId)) {
          ctx.addIssue({ code: "custom", path: ["cqcLocationId"], message: v.cqcLocationId ? "CQC location ID must look like 1-123456789" : "Enter the CQC location ID" });
        }
        if (v.insuranceConfirmed && !v.insurer) {
          ctx.addIssue({ code: "custom", path: ["insurer"], message: "Enter the insurer who confirmed cover" });
        }
        if (v.insuranceConfirmed && !v.insuranceConfirmedOn) {
          ctx.addIssue({ code: "custom", path: ["insuranceConfirmedOn"], message: "Enter the date insurance was confirmed" });
        }
      }
    });
}

/** Closing or reopening an organisation from its page. */
export const ActiveSchema = z.object({ active: z.enum(["yes", "no"]) });

/** `/organisations/new?kind=`: which kind of organisation is being added. */
export const KindSchema = z.enum(["nhs_team", "provider"]);
