/** The form for an organisation's sign-in service (docs/decisions/022 and 026). */
import { z } from "zod";
import { issuerProblem, PROVIDER_KEY } from "~/domain/single-sign-on";
import { checkbox, nameText, requiredText } from "~/domain/validation";

const ISSUER_MESSAGES = {
  format: "Enter the issuer address as a full address, like https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/oidc",
  https: "Issuer address must start with https:// (plain http is only for a test service on this computer)",
  extra: "Issuer address must not include a query (?), a fragment (#) or a user name",
} as const;

/** An organisation's sign-in service, as an administrator sets it up at /admin/sign-in-providers. */
export const IdentityProviderSchema = z.object({
  name: nameText("Enter the name people see on the button, like NHS Care Identity Service 2", "Name on the button", 80),
  key: requiredText("Short name", "Enter a short name, like cis2", 30)
    .transform((v) => v.toLowerCase())
    .pipe(z.string().regex(PROVIDER_KEY, "Short name must use only lower-case letters, numbers and single hyphens, and start with a letter, like cis2")),
  issuer: requiredText("Issuer address", "Enter the issuer address", 500)
    .transform((v) => v.replace(/\/+$/, ""))
    .superRefine((v, ctx) => {
      const problem = issuerProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: ISSUER_MESSAGES[problem] });
    }),
  clientId: requiredText("Client ID", "Enter the client ID the sign-in service gave you", 200).refine((v) => !/\s/.test(v), "Client ID must not include spaces"),
  emailClaim: requiredText("Where the email address is", "Enter where the email address is, like email", 60).pipe(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_:.-]*$/, "Where the email address is must be one word, like email or preferred_username"),
  ),
  organisationIds: z.array(z.string({ message: "Select organisations from the list" }).regex(/^[1-9][0-9]{0,14}$/, "Select organisations from the list").transform(Number), { message: "Select organisations from the list" }),
  adminsMayUse: checkbox,
  enabled: checkbox,
  required: checkbox,
});
export type IdentityProviderInput = z.infer<typeof IdentityProviderSchema>;
