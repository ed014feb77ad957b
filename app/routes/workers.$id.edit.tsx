import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { WorkerForm } from "~/components/forms/worker-form";
import { WORKER_DATE_FIELDS, workerSchema } from "~/forms/worker.server";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { getWorker, updateWorker } from "~/models/workers.server";
import { formValues, rejectForm, rejectRuleError, toFormErrors, withDates } from "~/web/forms.server";
import { found, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(`Change ${data?.worker.name ?? "care worker"}`, matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "worker");
  const { worker, providerName } = found(await getWorker(context.db, { actor, id: requireId(params.id) }));
  return { worker, providerName };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "worker");
  const id = requireId(params.id);
  const existing = found(await getWorker(context.db, { actor, id }));
  const values = { ...formValues(await request.formData()), providerId: String(existing.worker.providerId) };
  const form = workerSchema(context.clock.today());
  const parsed = form.safeParse(withDates(values, WORKER_DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, WORKER_DATE_FIELDS, form), values);
  try {
    found(await updateWorker(context.db, { actor, id, input: parsed.data, at: context.clock.now() }));
  } catch (error) {
    // A new name shared with another worker at the provider needs a staff number (app/domain/worker-labels.ts).
    return rejectRuleError(context, error, values, { fallback: "staffNumber" });
  }
  return redirect(`/workers/${id}?done=updated`);
}

export default function EditWorker() {
  const { worker, providerName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Change care worker details" caption={`${worker.name}, ${providerName}`} back={{ to: `/workers/${worker.id}` }} errors={actionData?.errors} />
        <WorkerForm
          providers={[{ id: worker.providerId, name: providerName }]}
          errors={actionData?.errors}
          values={actionData?.values ?? { ...worker }}
          withStatus
          submitLabel="Save changes"
        />
      </div>
    </div>
  );
}
