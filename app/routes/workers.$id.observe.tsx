import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { DateField, RadiosField, SelectField, TextareaField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { OBSERVATION_OUTCOME_LABELS } from "~/content/training";
import { options } from "~/content/labels";
import { workerLabel } from "~/domain/worker-labels";
import { pageTitle } from "~/content/titles";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { dateInput, idParam, MAX_LONG_TEXT, optionalText } from "~/domain/validation";
import { Summary } from "~/components/nhs/Summary";
import type { Actor } from "~/domain/actor";
import { getCompetency } from "~/models/competencies.server";
import { recordObservation } from "~/models/observations.server";
import { getSettings } from "~/models/settings.server";
import { listPeopleAtProvider } from "~/models/people.server";
import { listTasks } from "~/models/tasks.server";
import { getWorker } from "~/models/workers.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { found, notFound, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";
import { observationOutcomes } from "~/domain/enums";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(`Record a supervised observation of ${data?.worker.name ?? "a care worker"}`, matches);

const DATE_FIELDS = ["observedOn"];

function schema(today: string) {
  return z.object({
    taskId: z.coerce.number({ message: "Select the task observed" }).int().positive("Select the task observed"),
    personId: z.union([z.literal(""), z.coerce.number().int().positive()]).optional().transform((v) => (v ? v : null)),
    observedOn: dateInput("Date of the observation", DATE_WINDOWS.evidence(today)),
    outcome: z.enum(observationOutcomes, { message: "Select the outcome" }),
    notes: optionalText("Notes", MAX_LONG_TEXT),
  });
}

async function load(context: LoaderFunctionArgs["context"], request: Request, id: string | undefined) {
  const actor = await requirePermission(context, request, "sign_off", "competency");
  const worker = found(await getWorker(context.db, { actor, id: requireId(id) }));
  if (worker.worker.status !== "active") throw notFound();
  return { actor, ...worker };
}

/**
 * Started from a competency ("Record an observation", "Record another observation"): the task (and
 * person) are that competency's, so the form asks only for the date, outcome and notes.
 */
async function fixedCompetency(context: LoaderFunctionArgs["context"], request: Request, actor: Actor, workerId: number) {
  const param = new URL(request.url).searchParams.get("competency");
  if (param === null) return null;
  const id = idParam.safeParse(param);
  const competency = found(id.success ? await getCompetency(context.db, { actor, id: id.data, today: context.clock.today(), warningDays: (await getSettings(context.db)).competencyWarningDays }) : null);
  if (competency.worker.id !== workerId) throw notFound();
  return { id: competency.competency.id, taskId: competency.task.id, taskName: competency.task.name, personId: competency.competency.personId, personName: competency.personName };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, worker, providerName, namesakes } = await load(context, request, params.id);
  const fixed = await fixedCompetency(context, request, actor, worker.id);
  return {
    // A name shared at the provider carries the staff number: the observation is for this one (hazard H43).
    worker: { id: worker.id, name: workerLabel({ ...worker, namesakes }) },
    providerName,
    fixed,
    tasks: (await listTasks(context.db, { activeOnly: true })).map((t) => ({ id: t.id, name: t.name, personSpecific: t.personSpecific })),
    people: await listPeopleAtProvider(context.db, { actor, providerId: worker.providerId }),
    today: context.clock.today(),
    submissionToken: newSubmissionToken(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, worker } = await load(context, request, params.id);
  const values = formValues(await request.formData());
  const form = schema(context.clock.today());
  const parsed = form.safeParse(withDates(values, DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, DATE_FIELDS, form), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    const result = found(await oncePerSubmission(context.db, { actor, token, form: "observation" }, async (tx) => await recordObservation(tx, {
      actor,
      input: { workerId: worker.id, ...parsed.data },
      today: context.clock.today(),
      at: context.clock.now(),
    })));
    return redirect(`/competencies/${result.competencyId}?done=observation`);
  } catch (error) {
    // The observation date is the one field a rule may name; anything else is about the task chosen.
    return rejectRuleError(context, error, values, { fallback: "taskId", fields: DATE_FIELDS, dateFields: DATE_FIELDS });
  }
}

export default function Observe() {
  const { worker, providerName, fixed, tasks, people, today, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values ?? { observedOn: today };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading
          errors={errors}
          title="Record a supervised observation"
          caption={`${worker.name}, ${providerName}`}
          back={fixed ? { to: `/competencies/${fixed.id}` } : { to: `/workers/${worker.id}` }}
        />
        <Form method="post" noValidate>
          <SubmissionToken token={token} />
          {fixed ? (
            <>
              <Summary rows={[["Task observed", fixed.taskName], ...(fixed.personName ? ([["Whose care was observed", fixed.personName]] as [string, string][]) : [])]} />
              <input type="hidden" name="taskId" value={fixed.taskId} />
              <input type="hidden" name="personId" value={fixed.personId ?? ""} />
              <p id="taskId">
                <Link to={`/workers/${worker.id}/observe`}>Record an observation of another task</Link>
              </p>
            </>
          ) : (
            <>
              <SelectField
                name="taskId"
                label="Task observed"
                placeholder="Select a task"
                options={tasks.map((t) => ({ value: t.id, label: t.personSpecific ? `${t.name} (person-specific)` : t.name }))}
                errors={errors}
                values={values}
              />
              <SelectField
                name="personId"
                label="Whose care was observed"
                hint="Needed for person-specific tasks: competency is signed off for that person only"
                placeholder="Not a person-specific task"
                options={people.map((p) => ({ value: p.id, label: p.name }))}
                errors={errors}
                values={values}
              />
            </>
          )}
          <DateField name="observedOn" within={DATE_WINDOWS.evidence} label="Date of the observation" errors={errors} values={values} />
          <RadiosField name="outcome" label="Outcome" options={options(OBSERVATION_OUTCOME_LABELS)} errors={errors} values={values} inline />
          <TextareaField name="notes" label="Notes (optional)" hint="What went well, and anything to work on" errors={errors} values={values} />
          <Button type="submit">Record observation</Button>
        </Form>
      </div>
    </div>
  );
}
