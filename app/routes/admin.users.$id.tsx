import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { UserForm, userSchema } from "~/components/forms/user-form";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { ActiveTag } from "~/components/nhs/StatusTag";
import { Summary } from "~/components/nhs/Summary";
import { pageTitle } from "~/content/titles";
import { formatDateTime } from "~/domain/dates";
import { ROLE_LABELS } from "~/domain/roles";
import { listOrganisations } from "~/models/organisations.server";
import { DuplicateEmailError, getUser, OrganisationMismatchError, setUserActive, updateUser } from "~/models/users.server";
import { formError, formValues, rejectForm, toFormErrors } from "~/services/forms.server";
import { notFound, requireId } from "~/services/params.server";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.user.name ?? "User", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "user");
  const found = getUser(context.db, requireId(params.id));
  if (!found) throw notFound();
  const { passwordHash: _hash, ...user } = found.user;
  return {
    user,
    organisationName: found.organisationName,
    organisations: listOrganisations(context.db, { actor }).filter((o) => o.active || o.id === user.organisationId),
    isSelf: actor.userId === user.id,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "user");
  const id = requireId(params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const at = context.clock.now();
  if (intent === "deactivate" || intent === "reactivate") {
    if (id === actor.userId) throw new Response("You cannot deactivate yourself", { status: 403 });
    if (!setUserActive(context.db, { actor, id, active: intent === "reactivate", at })) throw notFound();
    return redirect(`/admin/users/${id}?done=${intent}d`);
  }
  const values = formValues(formData);
  const parsed = userSchema({ withPassword: false }).safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues), values);
  const { password: _none, ...input } = parsed.data;
  try {
    if (!updateUser(context.db, { actor, id, input, at })) throw notFound();
  } catch (error) {
    if (error instanceof DuplicateEmailError) return rejectForm(context, formError("email", "A user with this email address already exists"), values);
    if (error instanceof OrganisationMismatchError) return rejectForm(context, formError("organisationId", error.message), values);
    throw error;
  }
  return redirect(`/admin/users/${id}?done=updated`);
}

export default function UserPage() {
  const { user, organisationName, organisations, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DoneBanner />
        <PageHeading title={user.name} caption={ROLE_LABELS[user.role]} back={{ to: "/admin/users", label: "All users" }} />
        <Summary
          rows={[
            ["Status", <ActiveTag key="a" active={user.active} />],
            ["Email", user.email],
            ["Organisation", organisationName ?? "None"],
            ["Last signed in", user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : "Never"],
          ]}
        />
        {!isSelf ? (
          <Form method="post">
            <input type="hidden" name="intent" value={user.active ? "deactivate" : "reactivate"} />
            <Button type="submit" secondary>
              {user.active ? "Deactivate user" : "Reactivate user"}
            </Button>
            {user.active ? <p className="nhsuk-hint">Deactivating signs them out at once. Their records and history stay.</p> : null}
          </Form>
        ) : null}
        <h2>Change details</h2>
        <UserForm
          organisations={organisations}
          errors={actionData?.errors}
          values={actionData?.values ?? { ...user, organisationId: user.organisationId ? String(user.organisationId) : "" }}
          withPassword={false}
          submitLabel="Save changes"
        />
      </div>
    </div>
  );
}
