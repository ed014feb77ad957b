import { Form } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { DateField, RadiosField, SelectField, TextareaField, TextField } from "~/components/nhs/fields";
import type { FormErrors } from "~/components/nhs/form-errors";
import { options } from "~/content/labels";
import { TRAINING_MODE_LABELS } from "~/content/training";
import { scheduledSessionWindow } from "~/domain/training";

export function ScheduledSessionForm({
  tasks,
  values,
  errors,
  token,
  button,
}: {
  tasks: { id: number; name: string }[];
  values: Record<string, unknown>;
  errors?: FormErrors;
  token: string;
  button: string;
}) {
  return (
    <Form method="post" noValidate>
      <SubmissionToken token={token} />
      <SelectField name="taskId" label="Task" placeholder="Select a task" options={tasks.map((t) => ({ value: t.id, label: t.name }))} errors={errors} values={values} />
      <DateField name="heldOn" within={scheduledSessionWindow} label="Date of the session" hint="Today or a day ahead, up to a year" errors={errors} values={values} />
      <RadiosField name="mode" label="How the training will be given" options={options(TRAINING_MODE_LABELS)} errors={errors} values={values} inline />
      <TextField name="location" label="Where (optional)" errors={errors} values={values} />
      <TextareaField name="notes" label="Notes (optional)" hint="For example, what to bring or who it is for" errors={errors} values={values} rows={3} />
      <Button type="submit">{button}</Button>
    </Form>
  );
}
