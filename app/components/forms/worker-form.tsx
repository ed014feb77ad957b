import { Form } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "zod";
import { DateField, RadiosField, SelectField, TextField } from "~/components/nhs/fields";
import type { FormErrors } from "~/components/nhs/form-errors";
import { options, WORKER_STATUS_LABELS } from "~/content/labels";
import { nameText, optionalDateInput, optionalText, requiredText, dateInput } from "~/domain/validation";
import { DATE_WINDOWS, dateWindowProblem, narrow } from "~/domain/date-windows";
import { workerStatuses } from "~/domain/enums";
import { SubmissionToken } from "./SubmissionToken";

export const WORKER_DATE_FIELDS = ["careCertificateOn", "joinedOn", "leftOn"];

export function workerSchema(today: string) {
  return z
    .object({
      providerId: z.coerce.number({ message: "Select the care provider" }).int().positive("Select the care provider"),
      // One space between words, so "Aisha  Begum" is seen to be the Aisha Begum already there.
      name: nameText("Enter the care worker's full name", "Full name").transform((v) => v.replace(/\s+/g, " ")),
      // Required only when the name is shared at the provider: the model checks that in its transaction.
      staffNumber: optionalText("Staff number", 20)
        .refine((v) => v === "" || /^[A-Za-z0-9][A-Za-z0-9 /-]*$/.test(v), "Staff number must only include letters, numbers, spaces, hyphens and slashes")
        .transform((v) => v || null),
      jobTitle: requiredText("Job title", "Enter the care worker's job title"),
      // In the order the form asks (the error summary follows it).
      // No supervised observation may be dated before it (docs/domain.md rule 7), so it is asked for.
      joinedOn: dateInput("Date they joined this provider", DATE_WINDOWS.joinedProvider(today)),
      careCertificateOn: optionalDateInput("Date the Care Certificate was awarded", DATE_WINDOWS.careCertificate(today)),
      status: z.enum(workerStatuses, { message: "Select whether the care worker is active or has left" }).default("active"),
      leftOn: optionalDateInput("Date they left", DATE_WINDOWS.joinedProvider(today)),
    })
    .superRefine((v, ctx) => {
      if (v.status === "left" && !v.leftOn) ctx.addIssue({ code: "custom", path: ["leftOn"], message: "Enter the date they left" });
      if (v.leftOn) {
        const problem = dateWindowProblem("Date they left", v.leftOn, narrow(DATE_WINDOWS.joinedProvider(today), { earliest: v.joinedOn, because: ", the date they joined" }));
        if (problem) ctx.addIssue({ code: "custom", path: ["leftOn"], message: problem });
      }
    });
}

export function WorkerForm({
  errors,
  values,
  providers,
  withStatus,
  submitLabel,
  submissionToken,
}: {
  errors?: FormErrors;
  values?: Record<string, unknown>;
  providers: { id: number; name: string }[];
  withStatus: boolean;
  submitLabel: string;
  /** For a form that creates a record: its one-time token. */
  submissionToken?: string;
}) {
  return (
    <>
      <Form method="post" noValidate>
        {submissionToken ? <SubmissionToken token={submissionToken} /> : null}
        {providers.length === 1 ? (
          <input type="hidden" name="providerId" value={providers[0]!.id} />
        ) : (
          <SelectField
            name="providerId"
            label="Care provider"
            placeholder="Select a provider"
            options={providers.map((p) => ({ value: p.id, label: p.name }))}
            errors={errors}
            values={values}
          />
        )}
        <TextField name="name" label="Full name" errors={errors} values={values} />
        <TextField
          name="staffNumber"
          label="Staff number (optional)"
          hint="Needed when another care worker at this provider has the same name, so the two can be told apart"
          errors={errors}
          values={values}
          width={10}
          spellCheck={false}
        />
        <TextField name="jobTitle" label="Job title" errors={errors} values={values} />
        <DateField name="joinedOn" within={DATE_WINDOWS.joinedProvider} label="Date they joined this provider" hint="Supervised practice cannot be recorded before this date" errors={errors} values={values} />
        <DateField name="careCertificateOn" within={DATE_WINDOWS.careCertificate} label="Date the Care Certificate was awarded (optional)" errors={errors} values={values} />
        {withStatus ? (
          <>
            <RadiosField name="status" label="Status" options={options(WORKER_STATUS_LABELS)} errors={errors} values={values} inline />
            <DateField name="leftOn" within={DATE_WINDOWS.joinedProvider} label="Date they left (if they have left)" errors={errors} values={values} />
          </>
        ) : null}
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </>
  );
}
