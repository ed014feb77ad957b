import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { z } from "~/forms/zod.server";
import { DateField, SelectField, TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { dateInput, optionalText } from "~/domain/validation";
import { listWorkerPrerequisites, recordPrerequisite } from "~/models/prerequisites.server";
import { getWorker } from "~/models/workers.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { found, notFound, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(`Record a prerequisite for ${data?.worker.name ?? "a care worker"}`, matches);

const DATE_FIELDS = ["achievedOn"];

function schema(today: string) {
  return z.object({
    prerequisiteId: z.coerce.number({ message: "Select the prerequisite" }).int().positive("Select the prerequisite"),
    achievedOn: dateInput("Date achieved", DATE_WINDOWS.pastRecord(today)),
    evidence: optionalText("Evidence"),
  });
}

async function load(context: LoaderFunctionArgs["context"], request: Request, id: string | undefined) {
  const actor = await requirePermission(context, request, "sign_off", "competency");
  const worker = found(await getWorker(context.db, { actor, id: requireId(id) }));
  if (worker.worker.status !== "active") throw notFound();
  return { actor, ...worker };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { worker, providerName } = await load(context, request, params.id);
  return { worker, providerName, missing: (await listWorkerPrerequisites(context.db, worker.id)).filter((p) => !p.achievedOn), submissionToken: newSubmissionToken() };
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
    found(await oncePerSubmission(context.db, { actor, token, form: "prerequisite" }, async (tx) => await recordPrerequisite(tx, { actor, workerId: worker.id, ...parsed.data, at: context.clock.now() })));
  } catch (error) {
    return rejectRuleError(context, error, values, { fallback: "form" });
  }
  return redirect(`/workers/${worker.id}?done=prerequisite`);
}

export default function RecordPrerequisite() {
  const { worker, providerName, missing, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={errors} title="Record a prerequisite" caption={`${worker.name}, ${providerName}`} back={{ to: `/workers/${worker.id}` }} />
        {missing.length ? (
          <Form method="post" noValidate>
            <SubmissionToken token={token} />
            <SelectField
              name="prerequisiteId"
              label="Prerequisite"
              placeholder="Select a prerequisite"
              options={missing.map((p) => ({ value: p.id, label: `${p.name} (for ${p.taskName})` }))}
              errors={errors}
              values={actionData?.values}
            />
            <DateField name="achievedOn" within={DATE_WINDOWS.pastRecord} label="Date achieved" errors={errors} values={actionData?.values} />
            <TextField name="evidence" label="Evidence seen (optional)" hint="For example, certificate number" errors={errors} values={actionData?.values} />
            <Button type="submit">Record prerequisite</Button>
          </Form>
        ) : (
          <p>{worker.name} has every prerequisite in the catalogue.</p>
        )}
      </div>
    </div>
  );
}
