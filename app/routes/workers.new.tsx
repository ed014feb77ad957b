import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { WorkerForm } from "~/components/forms/worker-form";
import { WORKER_DATE_FIELDS, workerSchema } from "~/forms/worker.server";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { listProviderChoices } from "~/models/organisations.server";
import { createWorker } from "~/models/workers.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Add a care worker", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "worker");
  return { providers: await listProviderChoices(context.db, { actor }), submissionToken: newSubmissionToken() };
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
    const id = await oncePerSubmission(context.db, { actor, token, form: "worker" }, async (tx) => await createWorker(tx, { actor, input: { ...parsed.data, status: "active", leftOn: null }, at: context.clock.now() }));
    return redirect(`/workers/${id}?done=created`);
  } catch (error) {
    // A provider the actor does not manage, or another worker at the provider with this name (or
    // this staff number): say which, and who, and ask for a staff number.
    return rejectRuleError(context, error, values, { fallback: "staffNumber" });
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
