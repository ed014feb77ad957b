import { Form } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "zod";
import { CheckboxesField, CheckboxField, TextField } from "~/components/nhs/fields";
import type { FormErrors } from "~/components/nhs/form-errors";
import { issuerProblem, PROVIDER_KEY } from "~/domain/single-sign-on";
import { checkbox, nameText, requiredText } from "~/domain/validation";
import { SubmissionToken } from "./SubmissionToken";

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

export function IdentityProviderForm({
  errors,
  values,
  organisations,
  submitLabel,
  submissionToken,
}: {
  errors?: FormErrors;
  values?: Record<string, unknown>;
  organisations: { id: number; name: string }[];
  submitLabel: string;
  submissionToken?: string;
}) {
  return (
    <Form method="post" noValidate>
      {submissionToken ? <SubmissionToken token={submissionToken} /> : null}
      <TextField name="name" label="Name on the button" hint="People see “Sign in with” and this name, like NHS Care Identity Service 2" errors={errors} values={values} />
      <TextField
        name="key"
        label="Short name"
        hint="Lower-case letters, numbers and hyphens, like cis2. It is part of the return address and of the name of the setting that holds the secret"
        width={20}
        spellCheck={false}
        errors={errors}
        values={values}
      />
      <TextField
        name="issuer"
        label="Issuer address"
        hint="The address the sign-in service gave you that identifies it (its “issuer”). It must start with https://"
        spellCheck={false}
        errors={errors}
        values={values}
      />
      <TextField name="clientId" label="Client ID" hint="The name the sign-in service gave this service when you registered it (its “client ID”)" spellCheck={false} errors={errors} values={values} />
      <TextField
        name="emailClaim"
        label="Where the email address is"
        hint="The name of the piece of information (the “claim”) that holds the person's email address: email for NHS CIS2, often preferred_username for Microsoft Entra ID"
        width={20}
        spellCheck={false}
        errors={errors}
        values={values}
      />
      <CheckboxesField
        name="organisationIds"
        label="Organisations whose people may use it"
        hint="Someone signs in only if they already have an account here, in one of these organisations"
        options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
        errors={errors}
        values={values}
      />
      <CheckboxField name="adminsMayUse" label="Administrators can use it" errors={errors} values={values} />
      <CheckboxField name="enabled" label="Switched on: show “Sign in with” on the sign-in page" errors={errors} values={values} />
      <CheckboxField
        name="required"
        label="People in these organisations must use it: their passwords stop working"
        hint="Only while it is switched on and its secret is set. Administrators can always use their password"
        errors={errors}
        values={values}
      />
      <Button type="submit">{submitLabel}</Button>
    </Form>
  );
}
