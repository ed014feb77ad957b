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
import { dateInput, idParam, MAX_LONG_TEXT, optionalText } from "~/domain/validation";
import { RuleError } from "~/models/errors.server";
import { listTasks } from "~/models/tasks.server";
import { createTrainingSession, listTrainableWorkers } from "~/models/training.server";
import { formValues, rejectForm, toFormErrors, withDates } from "~/services/forms.server";
import { requirePermission } from "~/services/session.server";
import { attendanceOutcomes, trainingModes } from "~db/schema";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/services/submission.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Record a training session", matches);

const DATE_FIELDS = ["heldOn"];

function schema(today: string) {
  return z.object({
    taskId: z.coerce.number({ message: "Select the task the session covered" }).int().positive("Select the task the session covered"),
    heldOn: dateInput("Date of the session", { notFuture: today }),
    mode: z.enum(trainingModes, { message: "Select how the training was given" }),
    location: optionalText(),
    notes: optionalText(MAX_LONG_TEXT),
  });
}

/**
 * The register: one `outcome-<workerId>` select per worker; empty means "did not attend". Only
 * the canonical id counts (`outcome-01` is not worker 1: two fields for one worker were a 500,
 * issue 12, finding 9).
 */
function register(values: Record<string, string | string[]>): { attendees: { workerId: number; outcome: (typeof attendanceOutcomes)[number] }[] } | { problem: string } {
  const attendees: { workerId: number; outcome: (typeof attendanceOutcomes)[number] }[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith("outcome-") || value === "") continue;
    const workerId = idParam.safeParse(key.slice("outcome-".length));
    if (!workerId.success) return { problem: "Record attendance only for care workers on the register" };
    const outcome = z.enum(attendanceOutcomes).safeParse(value);
    if (!outcome.success) return { problem: "Choose an outcome from the list for each attendee" };
    attendees.push({ workerId: workerId.data, outcome: outcome.data });
  }
  return { attendees };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "training");
  return {
    tasks: listTasks(context.db, { activeOnly: true }).map((t) => ({ id: t.id, name: t.name })),
    workers: listTrainableWorkers(context.db, { actor }),
    today: context.clock.today(),
    submissionToken: newSubmissionToken(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "training");
  const values = formValues(await request.formData());
  const parsed = schema(context.clock.today()).safeParse(withDates(values, DATE_FIELDS));
  const registered = register(values);
  const errors = parsed.success ? [] : toFormErrors(parsed.error.issues, DATE_FIELDS);
  if ("problem" in registered) errors.push({ field: "attendees", message: registered.problem, href: "#attendees" });
  else if (!registered.attendees.length) errors.push({ field: "attendees", message: "Record at least one care worker who attended", href: "#attendees" });
  if (!parsed.success || errors.length || "problem" in registered) return rejectForm(context, errors, values);
  const { attendees } = registered;
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    const id = oncePerSubmission(context.db, { actor, token, form: "training" }, (tx) => createTrainingSession(tx, { actor, input: { ...parsed.data, attendees }, at: context.clock.now() }));
    return redirect(`/training/${id}?done=training`);
  } catch (error) {
    if (error instanceof RuleError) return rejectForm(context, error.problems.map((p) => ({ ...p, href: `#${p.field}` })), values);
    throw error;
  }
}

export default function NewTraining() {
  const { tasks, workers, today, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values ?? { heldOn: today };
  const attendeesError = errorFor(errors, "attendees");
  return (
    <>
      <FormErrorSummary errors={errors} />
      <PageHeading title="Record a training session" back={{ to: "/training" }} />
      <Form method="post" noValidate>
        <SubmissionToken token={token} />
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
          <p className="nhsuk-hint">Choose an outcome for each care worker who attended. Leave the rest as "Did not attend".</p>
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
