import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { OrganisationForm } from "~/components/forms/organisation-form";
import { ORGANISATION_ARRAY_FIELDS, ORGANISATION_DATE_FIELDS, organisationSchema } from "~/forms/organisation.server";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import {
  DuplicateIdentifierError,
  getOrganisation,
  listLinkedOrganisations,
  NotAProviderError,
  listOrganisations,
  updateOrganisation,
} from "~/models/organisations.server";
import { found, requireId } from "~/web/not-found.server";
import { formError, formValues, rejectForm, toFormErrors, withDates } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(`Change ${data?.organisation.name ?? "organisation"}`, matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "organisation");
  const organisation = found(await getOrganisation(context.db, { actor, id: requireId(params.id) }));
  const linked = await listLinkedOrganisations(context.db, { actor, organisation });
  return {
    organisation,
    providers: organisation.kind === "nhs_team" ? await listOrganisations(context.db, { actor, kind: "provider" }) : [],
    stored: { ...organisation, linkedProviders: linked.map((l) => String(l.id)) },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "organisation");
  const id = requireId(params.id);
  const existing = found(await getOrganisation(context.db, { actor, id }));
  const values = formValues(await request.formData(), ORGANISATION_ARRAY_FIELDS);
  const form = organisationSchema(existing.kind, context.clock.today());
  const parsed = form.safeParse(withDates(values, ORGANISATION_DATE_FIELDS));
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, ORGANISATION_DATE_FIELDS, form), values);
  const { linkedProviders, ...input } = parsed.data;
  try {
    found(await updateOrganisation(context.db, {
      actor,
      id,
      input: { kind: existing.kind, ...input, odsCode: input.odsCode || null, cqcLocationId: input.cqcLocationId || null },
      linkedIds: existing.kind === "nhs_team" ? linkedProviders : undefined,
      at: context.clock.now(),
    }));
  } catch (error) {
    if (error instanceof DuplicateIdentifierError) {
      const field = existing.kind === "provider" ? "cqcLocationId" : "odsCode";
      return rejectForm(context, formError(field, "Another organisation already has this identifier"), values);
    }
    if (error instanceof NotAProviderError) {
      return rejectForm(context, formError("linkedProviders", "Select care providers from the list"), values);
    }
    throw error;
  }
  return redirect(`/organisations/${id}?done=updated`);
}

export default function EditOrganisation() {
  const { organisation, providers, stored } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Change organisation details" caption={organisation.name} back={{ to: `/organisations/${organisation.id}` }} errors={actionData?.errors} />
        <OrganisationForm
          kind={organisation.kind}
          errors={actionData?.errors}
          values={actionData?.values ?? stored}
          providers={organisation.kind === "nhs_team" ? providers : undefined}
          submitLabel="Save changes"
        />
      </div>
    </div>
  );
}
