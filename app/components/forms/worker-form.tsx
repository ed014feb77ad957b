import { Form } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { DateField, RadiosField, SelectField, TextField } from "~/components/nhs/fields";
import type { FormErrors } from "~/components/nhs/form-errors";
import { options, WORKER_STATUS_LABELS } from "~/content/labels";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { SubmissionToken } from "./SubmissionToken";

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
