import { Form } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "zod";
import { FormErrorSummary } from "~/components/nhs/ErrorSummary";
import { CheckboxField, RadiosField, TextareaField, TextField } from "~/components/nhs/fields";
import type { FormErrors } from "~/components/nhs/form-errors";
import { options, TASK_CATEGORY_LABELS } from "~/content/labels";
import { checkbox, MAX_LONG_TEXT, nameText, optionalText, requiredText } from "~/domain/validation";
import { taskCategories } from "~db/schema";
import { SubmissionToken } from "./SubmissionToken";

function wholeNumber(label: string, min: number, max: number) {
  const message = `${label} must be a whole number from ${min} to ${max}`;
  return z
    .string({ message: `Enter ${label.toLowerCase()}` })
    .trim()
    .min(1, `Enter ${label.toLowerCase()}`)
    .transform(Number)
    .pipe(z.number({ message }).int(message).min(min, message).max(max, message));
}

export const TaskSchema = z.object({
  code: requiredText("Enter a short code for the task", 20)
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9-]+$/, "Code must use only letters, numbers and hyphens, like INS-PEN")),
  name: nameText("Enter the task's name", "Name"),
  category: z.enum(taskCategories, { message: "Select the task's category" }),
  inScope: requiredText("Enter what is in scope", MAX_LONG_TEXT),
  excluded: requiredText("Enter what is excluded", MAX_LONG_TEXT),
  personSpecific: checkbox,
  requiredObservations: wholeNumber("Supervised observations needed", 1, 20),
  validityMonths: wholeNumber("Competency validity in months", 1, 60),
  reviewIntervalMonths: wholeNumber("Agreement review interval in months", 1, 24),
  escalationGuidance: requiredText("Enter the escalation guidance", MAX_LONG_TEXT),
  active: checkbox,
  newPrerequisites: optionalText(2000).transform((v) =>
    v
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  ),
});

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
      <FormErrorSummary errors={errors} />
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
          hint="One a line. A worker must have each before supervised practice, like the national insulin e-learning certificate"
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
