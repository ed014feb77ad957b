import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, InsetText, WarningCallout } from "nhsuk-react-components";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { DateField, RadiosField, TextareaField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { CONCERN_HARM_LABELS, EMERGENCY_ADVICE, INCIDENT_REPORTING } from "~/content/concerns";
import { pageTitle } from "~/content/titles";
import { CONCERN_HARMS } from "~/domain/concerns";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { idParam } from "~/domain/validation";
import { concernFormFor, raiseConcern, type ConcernSubject } from "~/models/concern-raising.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { found, notFound } from "~/web/not-found.server";
import { requireActor } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";
import { concernSchema } from "~/forms/concerns.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Report a concern", matches);

const DATE_FIELDS = ["occurredOn"];

/** The subject from the address: `?agreement=12` or `?worker=7`; anything else is not found. */
function subjectOf(request: Request): ConcernSubject {
  const params = new URL(request.url).searchParams;
  const agreement = idParam.safeParse(params.get("agreement") ?? undefined);
  if (agreement.success) return { agreementId: agreement.data };
  const worker = idParam.safeParse(params.get("worker") ?? undefined);
  if (worker.success) return { workerId: worker.data };
  throw notFound();
}

async function load({ request, context }: Pick<LoaderFunctionArgs, "request" | "context">) {
  const actor = await requireActor(context, request);
  const subject = subjectOf(request);
  const form = found(await concernFormFor(context.db, { actor, subject }));
  return { actor, subject, form };
}

export async function loader(args: LoaderFunctionArgs) {
  const { subject, form } = await load(args);
  return {
    action: "agreementId" in subject ? `/concerns/new?agreement=${subject.agreementId}` : `/concerns/new?worker=${subject.workerId}`,
    back: "agreementId" in subject ? `/agreements/${subject.agreementId}` : `/workers/${subject.workerId}`,
    kind: form.kind,
    caption: form.agreement ? `Agreement ${form.agreement.reference} for ${form.agreement.personName}` : form.worker!.name,
    escalation: (form.agreement ?? form.worker)!,
    taskOptions: form.taskOptions,
    workerOptions: form.workerOptions,
    today: args.context.clock.today(),
    submissionToken: newSubmissionToken(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, subject, form } = await load(args);
  const { context } = args;
  const values = formValues(await args.request.formData());
  const fields = concernSchema(context.clock.today());
  const parsed = fields.safeParse(withDates(values, DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, DATE_FIELDS, fields), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  let created: { id: number } | null;
  try {
    created = await oncePerSubmission(context.db, { actor, token, form: `concern.${form.kind}` }, async (tx) =>
      await raiseConcern(tx, { actor, subject, input: parsed.data, today: context.clock.today(), at: context.clock.now(), publicUrl: context.config.publicUrl }),
    );
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "whatHappened", dateFields: DATE_FIELDS });
  }
  created = found(created);
  return redirect(`/concerns/${created.id}?done=concern`);
}

export default function ReportConcern() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={errors} title="Report a concern" caption={d.caption} back={{ to: d.back }}>
          <p>Use this when something went wrong or might go wrong with a delegated task: a missed or late dose, a wrong technique, a care worker unsure what to do, or a change in the person's condition.</p>
        </PageHeading>
        <WarningCallout>
          <WarningCallout.Heading headingLevel="h2">Important</WarningCallout.Heading>
          <p>{EMERGENCY_ADVICE}</p>
          <p>
            In hours: {d.escalation.escalationInHours || "your usual contact"}. Out of hours: {d.escalation.escalationOutOfHours || "111"}.
          </p>
        </WarningCallout>
        <InsetText>
          <p>{INCIDENT_REPORTING}</p>
        </InsetText>
        <Form method="post" action={d.action} noValidate>
          <SubmissionToken token={d.submissionToken} />
          {d.taskOptions.length ? (
            <RadiosField
              name="taskId"
              label="Which task is it about?"
              options={[...d.taskOptions.map((t) => ({ value: String(t.id), label: t.name })), { value: "", label: "Not about one task" }]}
              errors={errors}
              values={values}
            />
          ) : null}
          {d.kind === "agreement" && d.workerOptions.length ? (
            <RadiosField
              name="workerId"
              label="Which care worker is it about?"
              hint="Only if it is about how a named care worker carried out a task"
              options={[...d.workerOptions.map((w) => ({ value: String(w.id), label: w.name })), { value: "", label: "Not about one care worker" }]}
              errors={errors}
              values={values}
            />
          ) : null}
          <DateField name="occurredOn" within={DATE_WINDOWS.concern} label="Date it happened" hint="If you are not sure, give the nearest date" errors={errors} values={values ?? { occurredOn: d.today }} />
          <TextareaField name="whatHappened" label="What happened" hint="Say what happened, when and who was involved. Keep to the facts" errors={errors} values={values} rows={6} />
          <TextareaField name="actionTaken" label="What has been done about it so far" hint="For example, called the district nurse, checked the person's blood glucose. Leave empty if nothing yet" errors={errors} values={values} />
          <RadiosField
            name="harm"
            label="Was anyone harmed?"
            hint="Moderate or severe harm must also be reported through Learn from Patient Safety Events (LFPSE)"
            options={CONCERN_HARMS.map((h) => ({ value: h, label: CONCERN_HARM_LABELS[h] }))}
            errors={errors}
            values={values}
          />
          <Button type="submit">Record concern</Button>
        </Form>
      </div>
    </div>
  );
}
