/** The user form (/admin/users/new, /admin/users/:id), checked on the server. */
import { z } from "zod";
import { COMMON_PASSWORDS } from "~/content/common-passwords";
import { PASSWORD_MESSAGES, passwordProblem } from "~/domain/password-policy";
import { ROLE_ORGANISATION_KIND, ROLES } from "~/domain/roles";
import { emailAddress, nameText, optionalText } from "~/domain/validation";

/** NMC PIN: two digits, a letter, four digits, a letter (e.g. 12A3456E). */
const NMC_PIN = /^\d{2}[A-Z]\d{4}[A-Z]$/;

export function userSchema({ withPassword }: { withPassword: boolean }) {
  return z
    .object({
      name: nameText("Enter the user's full name", "Full name"),
      email: emailAddress(),
      role: z.enum(ROLES, { message: "Select the user's role" }),
      organisationId: z.union([z.literal(""), z.coerce.number().int().positive()]).optional(),
      professionalRegistration: optionalText("NMC PIN", 20).transform((v) => v.toUpperCase().replace(/\s/g, "")),
      jobTitle: optionalText("Job title"),
      password: withPassword ? z.string({ message: "Enter a password for the user" }).max(1000, PASSWORD_MESSAGES.too_long) : z.string().optional(),
    })
    .superRefine((v, ctx) => {
      const kind = ROLE_ORGANISATION_KIND[v.role];
      if (kind && !v.organisationId) {
        ctx.addIssue({ code: "custom", path: ["organisationId"], message: kind === "provider" ? "Select the user's care provider" : "Select the user's NHS team" });
      }
      if (v.role === "nurse" && !NMC_PIN.test(v.professionalRegistration)) {
        ctx.addIssue({
          code: "custom",
          path: ["professionalRegistration"],
          message: v.professionalRegistration ? "NMC PIN must be 2 numbers, a letter, 4 numbers and a letter, like 12A3456E" : "Enter the nurse's NMC PIN",
        });
      }
      if (withPassword) {
        const problem = v.password ? passwordProblem(v.password, { email: v.email, commonPasswords: COMMON_PASSWORDS }) : null;
        if (!v.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Enter a password for the user" });
        else if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_MESSAGES[problem] });
      }
    })
    .transform((v) => ({
      name: v.name,
      email: v.email,
      role: v.role,
      organisationId: ROLE_ORGANISATION_KIND[v.role] && v.organisationId ? v.organisationId : null,
      professionalRegistration: v.role === "nurse" ? v.professionalRegistration : null,
      jobTitle: v.jobTitle,
      password: v.password ?? "",
    }));
}
