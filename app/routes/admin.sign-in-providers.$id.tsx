import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { IdentityProviderForm } from "~/components/forms/identity-provider-form";
import { IdentityProviderSchema } from "~/forms/identity-provider.server";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { pageTitle } from "~/content/titles";
import { secretVariableName } from "~/domain/single-sign-on";
import { DuplicateProviderKeyError, getProvider, updateProvider } from "~/models/identity-providers.server";
import { listOrganisations } from "~/models/organisations.server";
import { formError, formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { notFound, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";
import { callbackAddress, forgetDiscovery, signOutReturnAddress } from "~/services/single-sign-on.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.provider.name ?? "Sign-in service", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "setting");
  const provider = await getProvider(context.db, requireId(params.id));
  if (!provider) throw notFound();
  const { publicUrl } = context.config;
  return {
    provider: { ...provider, organisationIds: provider.organisationIds.map(String) },
    organisations: (await listOrganisations(context.db, { actor }))
      .filter((o) => o.active || provider.organisationIds.includes(o.id))
      .map((o) => ({ id: o.id, name: o.name })),
    secretVariable: secretVariableName(provider.key),
    callback: callbackAddress(publicUrl, provider.key),
    signOutReturn: signOutReturnAddress(publicUrl),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "setting");
  const id = requireId(params.id);
  if (!await getProvider(context.db, id)) throw notFound();
  const values = formValues(await request.formData(), ["organisationIds"]);
  const parsed = IdentityProviderSchema.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], IdentityProviderSchema), values);
  try {
    if (!await updateProvider(context.db, { actor, id, input: parsed.data, at: context.clock.now() })) throw notFound();
  } catch (error) {
    if (error instanceof DuplicateProviderKeyError) return rejectForm(context, formError("key", "A sign-in service with this short name already exists"), values);
    throw error;
  }
  // What was discovered about the old settings is not used again.
  forgetDiscovery(id);
  return redirect(`/admin/sign-in-providers/${id}?done=updated`);
}

export default function SignInProviderPage() {
  const { provider, organisations, secretVariable, callback, signOutReturn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DoneBanner subject={provider.name} />
        <PageHeading title={provider.name} caption="Sign-in service" back={{ to: "/admin/sign-in-providers", label: "Sign-in services" }} errors={actionData?.errors} />
        <h2>What to give the sign-in service</h2>
        <p>When you register Delegated Care with the sign-in service, copy these addresses into its form exactly.</p>
        <Summary
          rows={[
            ["Return address after signing in (redirect URI)", <code key="c">{callback}</code>],
            ["Return address after signing out (post-logout redirect URI)", <code key="s">{signOutReturn}</code>],
            ["What it asks for (scopes)", <code key="o">openid email profile</code>],
          ]}
        />
        <h2>Client secret</h2>
        {provider.secretSet ? (
          <p>
            The client secret is set on this server (in <code>{secretVariable}</code>). It is never shown or stored in the database.
          </p>
        ) : (
          <div className="nhsuk-warning-callout">
            <h3 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                The client secret is not set
              </span>
            </h3>
            <p>
              Until whoever runs the server sets <code>{secretVariable}</code> to the client secret and restarts it, this service is not offered on the
              sign-in page and nobody has to use it.
            </p>
          </div>
        )}
        <h2>Change the sign-in service</h2>
        <IdentityProviderForm
          organisations={organisations}
          errors={actionData?.errors}
          values={
            actionData?.values ?? {
              ...provider,
              adminsMayUse: provider.adminsMayUse ? "yes" : "",
              enabled: provider.enabled ? "yes" : "",
              required: provider.required ? "yes" : "",
            }
          }
          submitLabel="Save changes"
        />
      </div>
    </div>
  );
}
