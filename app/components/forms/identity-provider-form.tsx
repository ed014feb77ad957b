import { Form } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { CheckboxesField, CheckboxField, TextField } from "~/components/nhs/fields";
import type { FormErrors } from "~/components/nhs/form-errors";
import { SubmissionToken } from "./SubmissionToken";

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
