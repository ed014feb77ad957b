import { Form } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { DateField, RadiosField, SelectField, TextareaField, TextField } from "~/components/nhs/fields";
import type { FormErrors } from "~/components/nhs/form-errors";
import { CARE_SETTING_LABELS, options } from "~/content/labels";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { SubmissionToken } from "./SubmissionToken";

export function PersonForm({
  errors,
  values,
  teams,
  providers,
  submitLabel,
  submissionToken,
}: {
  errors?: FormErrors;
  values?: Record<string, unknown>;
  teams: { id: number; name: string }[];
  providers: { id: number; name: string }[];
  submitLabel: string;
  /** For a form that creates a record: its one-time token. */
  submissionToken?: string;
}) {
  return (
    <>
      <Form method="post" noValidate>
        {submissionToken ? <SubmissionToken token={submissionToken} /> : null}
        <TextField name="name" label="Full name" autoComplete="off" errors={errors} values={values} />
        <TextField name="nhsNumber" label="NHS number" hint="10 digits, like 943 476 5919" inputMode="numeric" width={10} autoComplete="off" spellCheck={false} errors={errors} values={values} />
        <DateField name="dateOfBirth" within={DATE_WINDOWS.dateOfBirth} label="Date of birth" errors={errors} values={values} />
        <RadiosField name="setting" label="Where they receive care" options={options(CARE_SETTING_LABELS)} errors={errors} values={values} inline />
        <TextareaField name="address" label="Address" rows={3} errors={errors} values={values} />
        {teams.length === 1 ? (
          <input type="hidden" name="teamId" value={teams[0]!.id} />
        ) : (
          <SelectField name="teamId" label="NHS team" placeholder="Select a team" options={teams.map((t) => ({ value: t.id, label: t.name }))} errors={errors} values={values} />
        )}
        <SelectField
          name="providerId"
          label="Care provider"
          hint="Only providers the team works with are listed"
          placeholder="Select a provider"
          options={providers.map((p) => ({ value: p.id, label: p.name }))}
          errors={errors}
          values={values}
        />
        <TextField name="gpPractice" label="GP practice (optional)" errors={errors} values={values} />
        <TextareaField name="capacityNotes" label="Mental capacity (optional)" hint="Whether they can consent to delegated care, and any assessment on file" errors={errors} values={values} />
        <TextareaField name="consentNotes" label="Consent notes (optional)" errors={errors} values={values} />
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </>
  );
}
