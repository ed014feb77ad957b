import { z } from "zod";
import { emailAddress, hasHiddenCharacters, lowerFirst, nameText, ukPhoneNumber, ukPostcode } from "./validation";

/**
 * The organisation that runs this deployment (the "operator"): its name and contacts, shown in
 * the footer of every page and on the help, privacy, cookies and accessibility pages. An
 * administrator sets them at /admin/service; nothing here is a constant in code, because each
 * deployment is run by a different NHS or care organisation.
 */

/** A single line people read (a name, the help hours): required, no hidden characters. */
function line(label: string, { max, example }: { max: number; example: string }) {
  return nameText(`Enter the ${lowerFirst(label)}, like ${example}`, label, max);
}

/** ICO registration numbers are 8 characters: Z then a letter or digit, then 6 digits (ZA123456, Z1234567). */
const ICO_NUMBER = /^Z[A-Z0-9]\d{6}$/;

export const ServiceDetailsSchema = z.object({
  operatorName: line("Organisation name", { max: 120, example: "Ashworth Community Health NHS Trust" }),
  helpEmail: emailAddress({ label: "Help email address", example: "help@example.nhs.uk" }),
  helpPhone: ukPhoneNumber("The help phone number", { required: true }),
  helpHours: line("When the help phone line is open", { max: 120, example: "Monday to Friday, 9am to 5pm" }),
  addressLines: z
    .string()
    .optional()
    .transform((raw, ctx): string => {
      const lines = (raw ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      if (!lines.length) ctx.addIssue({ code: "custom", message: "Enter the postal address, each part on its own line" });
      else if (lines.length > 6) ctx.addIssue({ code: "custom", message: "Postal address must be 6 lines or fewer, not counting the postcode" });
      else if (lines.some((l) => l.length > 100)) ctx.addIssue({ code: "custom", message: "Each line of the postal address must be 100 characters or fewer" });
      else if (lines.some(hasHiddenCharacters)) ctx.addIssue({ code: "custom", message: "Postal address must not include hidden characters. Type it in rather than copying and pasting it" });
      return lines.join("\n");
    }),
  postcode: ukPostcode("Postcode", { required: true }),
  dpoName: line("Data protection officer's name or role", { max: 120, example: "Data Protection Officer" }),
  dpoEmail: emailAddress({ label: "Data protection officer's email address", example: "dpo@example.nhs.uk" }),
  icoNumber: z
    .string()
    .trim()
    .optional()
    .transform((raw, ctx): string => {
      const text = (raw ?? "").replace(/\s+/g, "").toUpperCase();
      if (!text) ctx.addIssue({ code: "custom", message: "Enter the ICO registration number, like ZA123456" });
      else if (!ICO_NUMBER.test(text)) ctx.addIssue({ code: "custom", message: "ICO registration number must be Z followed by 7 letters or numbers, like ZA123456" });
      return text;
    }),
});

export type ServiceDetails = z.infer<typeof ServiceDetailsSchema>;

/** Stored details that still pass the schema, or null when none are set (or they are broken). */
export function resolveServiceDetails(stored: unknown): ServiceDetails | null {
  if (!stored || typeof stored !== "object") return null;
  const parsed = ServiceDetailsSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** The fields an update changed, for the audit trail. */
export function changedServiceDetails(before: ServiceDetails | null, after: ServiceDetails): Partial<Record<keyof ServiceDetails, { from: string; to: string }>> {
  const changed: Partial<Record<keyof ServiceDetails, { from: string; to: string }>> = {};
  for (const key of Object.keys(after) as (keyof ServiceDetails)[]) {
    const from = before?.[key] ?? "";
    if (from !== after[key]) changed[key] = { from, to: after[key] };
  }
  return changed;
}
