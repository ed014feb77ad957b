import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Table } from "nhsuk-react-components";
import { z } from "zod";
import { FormErrorSummary } from "~/components/nhs/ErrorSummary";
import { DateField, RadiosField, SelectField, TextareaField, TextField } from "~/components/nhs/fields";
import { errorFor } from "~/components/nhs/form-errors";
import { PageHeading } from "~/components/nhs/PageHeading";
import { options } from "~/content/labels";
import { ATTENDANCE_OUTCOME_LABELS, TRAINING_MODE_LABELS } from "~/content/training";
import { pageTitle } from "~/content/titles";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { attendanceProblem } from "~/domain/training";
import { dateInput, MAX_LONG_TEXT, optionalText } from "~/domain/validation";
import { RuleError } from "~/models/errors.server";
import { listTasks } from "~/models/tasks.server";
import { createTrainingSession, listTrainableWorkers } from "~/models/training.server";
import { formValues, rejectForm, toFormErrors, withDates } from "~/services/forms.server";
import { requirePermission } from "~/services/session.server";
import { attendanceOutcomes, trainingModes } from "~db/schema";

export const meta: MetaFunction = ({ matches }) => pageTitle("Record a training session", matches);

const DATE_FIELDS = ["heldOn"];

function schema(today: string) {
  return z.object({
    taskId: z.coerce.number({ message: "Select the task the session covered" }).int().positive("Select the task the session covered"),
    heldOn: dateInput("Date of the session", DATE_WINDOWS.trainingSession(today)),
    mode: z.enum(trainingModes, { message: "Select how the training was given" }),
    location: optionalText(),
    notes: optionalText(MAX_LONG_TEXT),
  });
}

/** The register: one `outcome-<workerId>` select per worker; empty means "did not attend". */
function register(values: Record<string, string | string[]>) {
  const attendees: { workerId: number; outcome: (typeof attendanceOutcomes)[number] }[] = [];
  for (const [key, value] of Object.entries(values)) {
    const m = /^outcome-(\d+)$/.exec(key);
    if (!m || value === "") continue;
    const outcome = z.enum(attendanceOutcomes).safeParse(value);
    if (!outcome.success) return null;
    attendees.push({ workerId: Number(m[1]), outcome: outcome.data });
  }
  return attendees;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "training");
  return {
    tasks: listTasks(context.db, { activeOnly: true }).map((t) => ({ id: t.id, name: t.name })),
    workers: listTrainableWorkers(context.db, { actor }),
    today: context.clock.today(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "training");
  const values = formValues(await request.formData());
  const today = context.clock.today();
  const parsed = schema(today).safeParse(withDates(values, DATE_FIELDS));
  const attendees = register(values);
  const errors = parsed.success ? [] : toFormErrors(parsed.error.issues, DATE_FIELDS);
  const scheduledAhead = parsed.success && parsed.data.heldOn > today;
  const early = parsed.success && attendees ? attendanceProblem(parsed.data.heldOn, today, attendees.length) : null;
  if (!attendees) errors.push({ field: "attendees", message: "Choose an outcome from the list for each attendee", href: "#attendees" });
  else if (early) errors.push({ field: "attendees", message: early, href: "#attendees" });
  else if (!attendees.length && !scheduledAhead) errors.push({ field: "attendees", message: "Record at least one care worker who attended", href: "#attendees" });
  if (!parsed.success || errors.length || !attendees) return rejectForm(context, errors, values);
  try {
    const id = createTrainingSession(context.db, { actor, input: { ...parsed.data, attendees }, today, at: context.clock.now() });
    return redirect(`/training/${id}?done=training`);
  } catch (error) {
    if (error instanceof RuleError) return rejectForm(context, error.problems.map((p) => ({ ...p, href: `#${p.field}` })), values);
    throw error;
  }
}

export default function NewTraining() {
  const { tasks, workers, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values ?? { heldOn: today };
  const attendeesError = errorFor(errors, "attendees");
  return (
    <>
      <FormErrorSummary errors={errors} />
      <PageHeading title="Record a training session" back={{ to: "/training" }} />
      <Form method="post" noValidate>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <SelectField name="taskId" label="Task" placeholder="Select a task" options={tasks.map((t) => ({ value: t.id, label: t.name }))} errors={errors} values={values} />
            <DateField name="heldOn" label="Date of the session" errors={errors} values={values} />
            <RadiosField name="mode" label="How the training was given" options={options(TRAINING_MODE_LABELS)} errors={errors} values={values} inline />
            <TextField name="location" label="Where (optional)" errors={errors} values={values} />
            <TextareaField name="notes" label="Notes (optional)" errors={errors} values={values} rows={3} />
          </div>
        </div>
        <div className={`nhsuk-form-group${attendeesError ? " nhsuk-form-group--error" : ""}`}>
          <h2 className="nhsuk-heading-m" id="attendees" tabIndex={-1}>
            Register
          </h2>
          <p className="nhsuk-hint">
            Choose an outcome for each care worker who attended. Leave the rest as "Did not attend". For a session scheduled ahead, leave everyone as
            "Did not attend": attendance is recorded from the day of the session.
          </p>
          {attendeesError ? (
            <span className="nhsuk-error-message">
              <span className="nhsuk-u-visually-hidden">Error:</span> {attendeesError}
            </span>
          ) : null}
          <Table caption="Care workers you can train" responsive>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Care worker</Table.Cell>
                <Table.Cell>Provider</Table.Cell>
                <Table.Cell>Outcome</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {workers.map((w) => (
                <Table.Row key={w.id}>
                  <Table.Cell>{w.name}</Table.Cell>
                  <Table.Cell>{w.providerName}</Table.Cell>
                  <Table.Cell>
                    <label className="nhsuk-u-visually-hidden" htmlFor={`outcome-${w.id}`}>
                      Outcome for {w.name}
                    </label>
                    <select className="nhsuk-select" id={`outcome-${w.id}`} name={`outcome-${w.id}`} defaultValue={String(values[`outcome-${w.id}`] ?? "")}>
                      <option value="">Did not attend</option>
                      {Object.entries(ATTENDANCE_OUTCOME_LABELS).map(([value, text]) => (
                        <option key={value} value={value}>{text}</option>
                      ))}
                    </select>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        <Button type="submit">Record training session</Button>
      </Form>
    </>
  );
}
