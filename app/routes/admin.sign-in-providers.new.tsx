import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { IdentityProviderForm } from "~/components/forms/identity-provider-form";
import { IdentityProviderSchema } from "~/forms/identity-provider.server";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { createProvider, DuplicateProviderKeyError } from "~/models/identity-providers.server";
import { listOrganisations } from "~/models/organisations.server";
import { formError, formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { requirePermission } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Add a sign-in service", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "setting");
  return { organisations: (await listOrganisations(context.db, { actor })).filter((o) => o.active).map((o) => ({ id: o.id, name: o.name })), submissionToken: newSubmissionToken() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "setting");
  const values = formValues(await request.formData(), ["organisationIds"]);
  const parsed = IdentityProviderSchema.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], IdentityProviderSchema), values);
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  try {
    const id = await oncePerSubmission(context.db, { actor, token, form: "identity_provider" }, async (tx) => await createProvider(tx, { actor, input: parsed.data, at: context.clock.now() }));
    return redirect(`/admin/sign-in-providers/${id}?done=created`);
  } catch (error) {
    if (error instanceof DuplicateProviderKeyError) return rejectForm(context, formError("key", "A sign-in service with this short name already exists"), values);
    throw error;
  }
}

export default function NewSignInProvider() {
  const { organisations, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Add a sign-in service" back={{ to: "/admin/sign-in-providers", label: "Sign-in services" }} errors={actionData?.errors}>
          <p>
            Register Delegated Care with the sign-in service first (see “Sign in with your organisation's account” in the README). It gives you an issuer
            address, a client ID and a client secret. The secret is never typed here: whoever runs the server sets it, as the page for this service will say.
          </p>
        </PageHeading>
        <IdentityProviderForm
          organisations={organisations}
          errors={actionData?.errors}
          values={actionData?.values ?? { emailClaim: "email", enabled: "yes" }}
          submitLabel="Add sign-in service"
          submissionToken={token}
        />
      </div>
    </div>
  );
}
