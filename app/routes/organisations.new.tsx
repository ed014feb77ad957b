import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { OrganisationForm } from "~/components/forms/organisation-form";
import { KindSchema, ORGANISATION_ARRAY_FIELDS, ORGANISATION_DATE_FIELDS, organisationSchema } from "~/forms/organisation.server";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { createOrganisation, DuplicateIdentifierError } from "~/models/organisations.server";
import { formError, formValues, rejectForm, toFormErrors, withDates } from "~/web/forms.server";
import { notFound } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

function kindOf(request: Request) {
  const parsed = KindSchema.safeParse(new URL(request.url).searchParams.get("kind"));
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data?.kind === "provider" ? "Add a care provider" : "Add an NHS team", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage", "organisation");
  return { kind: kindOf(request), submissionToken: newSubmissionToken() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "organisation");
  const kind = kindOf(request);
  const values = formValues(await request.formData(), ORGANISATION_ARRAY_FIELDS);
  const form = organisationSchema(kind, context.clock.today());
  const parsed = form.safeParse(withDates(values, ORGANISATION_DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, ORGANISATION_DATE_FIELDS, form), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    const id = await oncePerSubmission(context.db, { actor, token, form: "organisation" }, async (tx) => await createOrganisation(tx, {
      actor,
      input: { kind, ...parsed.data, odsCode: parsed.data.odsCode || null, cqcLocationId: parsed.data.cqcLocationId || null },
      at: context.clock.now(),
    }));
    return redirect(`/organisations/${id}?done=created`);
  } catch (error) {
    if (error instanceof DuplicateIdentifierError) {
      const field = kind === "provider" ? "cqcLocationId" : "odsCode";
      return rejectForm(context, formError(field, kind === "provider" ? "A provider with this CQC location ID is already recorded" : "A team with this ODS code is already recorded"), values);
    }
    throw error;
  }
}

export default function NewOrganisation() {
  const { kind, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title={kind === "provider" ? "Add a care provider" : "Add an NHS team"} back={{ to: "/organisations" }} errors={actionData?.errors} />
        <OrganisationForm kind={kind} errors={actionData?.errors} values={actionData?.values} submitLabel="Save organisation" submissionToken={token} />
      </div>
    </div>
  );
}
