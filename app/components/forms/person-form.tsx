import { Form } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "zod";
import { DateField, RadiosField, SelectField, TextareaField, TextField } from "~/components/nhs/fields";
import type { FormErrors } from "~/components/nhs/form-errors";
import { CARE_SETTING_LABELS, options } from "~/content/labels";
import { dateInput, MAX_LONG_TEXT, nameText, nhsNumber, optionalText } from "~/domain/validation";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { careSettings } from "~/domain/enums";
import { SubmissionToken } from "./SubmissionToken";

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
