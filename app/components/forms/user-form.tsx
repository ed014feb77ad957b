import { Form } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { RadiosField, SelectField, TextField } from "~/components/nhs/fields";
import type { FormErrors } from "~/components/nhs/form-errors";
import { ROLE_LABELS, ROLES } from "~/domain/roles";
import { SubmissionToken } from "./SubmissionToken";
import type { OrganisationKind } from "~/domain/enums";

export function UserForm({
  errors,
  values,
  organisations,
  withPassword,
  submitLabel,
  submissionToken,
}: {
  errors?: FormErrors;
  values?: Record<string, unknown>;
  organisations: { id: number; name: string; kind: OrganisationKind }[];
  withPassword: boolean;
  submitLabel: string;
  /** For a form that creates a record: its one-time token. */
  submissionToken?: string;
}) {
  const teams = organisations.filter((o) => o.kind === "nhs_team");
  const providers = organisations.filter((o) => o.kind === "provider");
  return (
    <>
      <Form method="post" noValidate>
        {submissionToken ? <SubmissionToken token={submissionToken} /> : null}
        <TextField name="name" label="Full name" autoComplete="off" errors={errors} values={values} />
        <TextField name="email" label="Email address" hint="They sign in with this" type="email" spellCheck={false} autoComplete="off" errors={errors} values={values} />
        <RadiosField
          name="role"
          label="Role"
          // A care worker's sign-in comes from an invitation on their page, which links it to their record.
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], hint: withPassword && r === "care_worker" ? "Invite care workers from their page in Care workers instead" : undefined }))}
          errors={errors}
          values={values}
        />
        <SelectField
          name="organisationId"
          label="Organisation"
          hint="Nurses and facilitators belong to an NHS team; provider managers and care workers to a care provider. Administrators to none."
          placeholder="None (administrators)"
          options={[
            ...teams.map((t) => ({ value: t.id, label: `${t.name} (NHS team)` })),
            ...providers.map((p) => ({ value: p.id, label: `${p.name} (care provider)` })),
          ]}
          errors={errors}
          values={values}
        />
        <TextField name="professionalRegistration" label="NMC PIN (nurses only)" hint="Like 12A3456E" width={10} errors={errors} values={values} />
        <TextField name="jobTitle" label="Job title (optional)" errors={errors} values={values} />
        {withPassword ? (
          <TextField
            name="password"
            label="First password"
            hint="12 characters or more. Give it to the user in person; they can change it after signing in."
            type="password"
            autoComplete="new-password"
            errors={errors}
          />
        ) : null}
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </>
  );
}
