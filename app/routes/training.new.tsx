import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { DateField, RadiosField, SelectField, TextareaField, TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { options } from "~/content/labels";
import { TRAINING_MODE_LABELS } from "~/content/training";
import { Register } from "~/components/training/Register";
import { pageTitle } from "~/content/titles";
import { dateInput, MAX_LONG_TEXT, optionalText } from "~/domain/validation";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { attendanceProblem } from "~/domain/training";
import { listTasks } from "~/models/tasks.server";
import { createTrainingSession, registerChoices } from "~/models/training.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";
import { trainingModes } from "~/domain/enums";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";
import { registerFrom, registerQuery } from "~/web/training-register.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Record a training session", matches);

const DATE_FIELDS = ["heldOn"];

function schema(today: string) {
  return z.object({
    taskId: z.coerce.number({ message: "Select the task the session covered" }).int().positive("Select the task the session covered"),
    heldOn: dateInput("Date of the session", DATE_WINDOWS.trainingSession(today)),
    mode: z.enum(trainingModes, { message: "Select how the training was given" }),
    location: optionalText("Location"),
    notes: optionalText("Notes", MAX_LONG_TEXT),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "training");
  // The register's provider filter sends the form back here (GET) with what was typed so far.
  const { providerId, values } = registerQuery(new URL(request.url));
  const ticked = Object.keys(values).filter((k) => k.startsWith("outcome-")).map((k) => Number(k.slice("outcome-".length)));
  const { workers, sameNames, ...filter } = await registerChoices(context.db, { actor, providerId, ticked });
  const today = context.clock.today();
  return {
    tasks: (await listTasks(context.db, { activeOnly: true })).map((t) => ({ id: t.id, name: t.name })),
    workers,
    filter,
    values: Object.keys(values).length ? values : { heldOn: today },
    sameNames,
    submissionToken: newSubmissionToken(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "training");
  const values = formValues(await request.formData());
  const today = context.clock.today();
  const parsed = schema(today).safeParse(withDates(values, DATE_FIELDS));
  const registered = registerFrom(values);
  const errors = parsed.success ? [] : toFormErrors(parsed.error.issues, DATE_FIELDS);
  const scheduledAhead = parsed.success && parsed.data.heldOn > today;
  const early = parsed.success && "attendees" in registered ? attendanceProblem(parsed.data.heldOn, today, registered.attendees.length) : null;
  if ("problem" in registered) errors.push({ field: "attendees", message: registered.problem, href: "#attendees" });
  else if (early) errors.push({ field: "attendees", message: `${early}. To schedule it now, leave every care worker as "Did not attend"`, href: "#attendees" });
  else if (!registered.attendees.length && !scheduledAhead) errors.push({ field: "attendees", message: "Record at least one care worker who attended", href: "#attendees" });
  if (!parsed.success || errors.length || "problem" in registered) return rejectForm(context, errors, values);
  const { attendees } = registered;
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    const id = await oncePerSubmission(context.db, { actor, token, form: "training" }, async (tx) => await createTrainingSession(tx, { actor, input: { ...parsed.data, attendees }, today, at: context.clock.now() }));
    return redirect(`/training/${id}?done=training`);
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "form" });
  }
}

export default function NewTraining() {
  const { tasks, workers, sameNames, filter, values: typed, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values ?? typed;
  return (
    <>
      <PageHeading errors={errors} title="Record a training session" back={{ to: "/training" }} />
      <Form method="post" noValidate>
        <SubmissionToken token={token} />
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <SelectField name="taskId" label="Task" placeholder="Select a task" options={tasks.map((t) => ({ value: t.id, label: t.name }))} errors={errors} values={values} />
            <DateField name="heldOn" within={DATE_WINDOWS.trainingSession} label="Date of the session" errors={errors} values={values} />
            <RadiosField name="mode" label="How the training was given" options={options(TRAINING_MODE_LABELS)} errors={errors} values={values} inline />
            <TextField name="location" label="Where (optional)" errors={errors} values={values} />
            <TextareaField name="notes" label="Notes (optional)" errors={errors} values={values} rows={3} />
          </div>
        </div>
        <Register
          workers={workers}
          filter={filter}
          sameNames={sameNames}
          values={values}
          errors={errors}
          hint='Choose an outcome for each care worker who attended. Leave the rest as "Did not attend". For a session ahead, use "Schedule a training session" instead: attendance is recorded from the day of the session.'
        />
        <Button type="submit">Record training session</Button>
      </Form>
    </>
  );
}
