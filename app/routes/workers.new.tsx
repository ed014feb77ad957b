import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { WorkerForm } from "~/components/forms/worker-form";
import { WORKER_DATE_FIELDS, workerSchema } from "~/forms/worker.server";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { listProviderChoices } from "~/models/organisations.server";
import { createWorker, OutOfScopeError, RuleError } from "~/models/workers.server";
import { formError, formValues, rejectForm, ruleProblems, toFormErrors, withDates } from "~/services/forms.server";
import { requirePermission } from "~/services/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/services/submission.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Add a care worker", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "worker");
  return { providers: listProviderChoices(context.db, { actor }), submissionToken: newSubmissionToken() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "worker");
  const values = formValues(await request.formData());
  const form = workerSchema(context.clock.today());
  const parsed = form.safeParse(withDates(values, WORKER_DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, WORKER_DATE_FIELDS, form), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    const id = oncePerSubmission(context.db, { actor, token, form: "worker" }, (tx) => createWorker(tx, { actor, input: { ...parsed.data, status: "active", leftOn: null }, at: context.clock.now() }));
    return redirect(`/workers/${id}?done=created`);
  } catch (error) {
    if (error instanceof OutOfScopeError) return rejectForm(context, formError("providerId", "Select a care provider you manage"), values);
    // Another worker at the provider has this name (or this staff number): say who, and ask for a staff number.
    if (error instanceof RuleError) return rejectForm(context, ruleProblems(error.problems, "staffNumber"), values);
    throw error;
  }
}

export default function NewWorker() {
  const { providers, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Add a care worker" back={{ to: "/workers" }} errors={actionData?.errors} />
        <WorkerForm providers={providers} errors={actionData?.errors} values={actionData?.values} withStatus={false} submitLabel="Add care worker" submissionToken={token} />
      </div>
    </div>
  );
}
