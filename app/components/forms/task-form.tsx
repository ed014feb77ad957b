import { Form } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { CheckboxField, RadiosField, TextareaField, TextField } from "~/components/nhs/fields";
import type { FormErrors } from "~/components/nhs/form-errors";
import { options, TASK_CATEGORY_LABELS } from "~/content/labels";
import { ONE_PER_LINE_HINT } from "~/content/forms";
import { SubmissionToken } from "./SubmissionToken";

export function TaskForm({
  errors,
  values,
  existingPrerequisites,
  submitLabel,
  submissionToken,
}: {
  errors?: FormErrors;
  values?: Record<string, unknown>;
  existingPrerequisites?: { id: number; name: string }[];
  submitLabel: string;
  /** For a form that creates a record: its one-time token. */
  submissionToken?: string;
}) {
  return (
    <>
      <Form method="post" noValidate>
        {submissionToken ? <SubmissionToken token={submissionToken} /> : null}
        <TextField name="code" label="Code" hint="Short and unique, like INS-PEN" width={10} errors={errors} values={values} />
        <TextField name="name" label="Name" errors={errors} values={values} />
        <RadiosField name="category" label="Category" hint="The Adult Social Care Workforce Data Set categories" options={options(TASK_CATEGORY_LABELS)} errors={errors} values={values} />
        <TextareaField name="inScope" label="What is in scope" errors={errors} values={values} />
        <TextareaField name="excluded" label="What is excluded" hint="What a care worker must never do under this task" errors={errors} values={values} />
        <CheckboxField name="personSpecific" label="Person-specific: competency is signed off for one named person" errors={errors} values={values} />
        <TextField name="requiredObservations" label="Supervised observations needed before sign-off" width={2} inputMode="numeric" errors={errors} values={values} />
        <TextField name="validityMonths" label="Competency validity (months)" width={2} inputMode="numeric" errors={errors} values={values} />
        <TextField name="reviewIntervalMonths" label="Agreement review interval (months)" width={2} inputMode="numeric" errors={errors} values={values} />
        <TextareaField name="escalationGuidance" label="Escalation guidance" hint="When to call the nurse, the GP, 111 or 999" errors={errors} values={values} />
        {existingPrerequisites?.length ? (
          <>
            <h2 className="nhsuk-heading-s">Prerequisites already set</h2>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {existingPrerequisites.map((p) => <li key={p.id}>{p.name}</li>)}
            </ul>
          </>
        ) : null}
        <TextareaField
          name="newPrerequisites"
          label={existingPrerequisites ? "Add prerequisites (optional)" : "Prerequisites (optional)"}
          hint={`${ONE_PER_LINE_HINT}. A worker must have each before supervised practice, like the national insulin e-learning certificate`}
          rows={3}
          errors={errors}
          values={values}
        />
        <CheckboxField name="active" label="Available for new agreements and training" errors={errors} values={values} />
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </>
  );
}
