import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { UserForm } from "~/components/forms/user-form";
import { userSchema } from "~/forms/user.server";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { listOrganisations } from "~/models/organisations.server";
import { createUser, DuplicateEmailError, OrganisationMismatchError } from "~/models/users.server";
import { formError, formValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";
import { hashPassword } from "~/services/password.server";
import { requirePermission } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Add a user", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "user");
  return { organisations: (await listOrganisations(context.db, { actor })).filter((o) => o.active), submissionToken: newSubmissionToken() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "user");
  const values = formValues(await request.formData());
  const form = userSchema({ withPassword: true });
  const parsed = form.safeParse(values);
  const { password: _typed, ...shown } = values;
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), shown);
  const { password, ...input } = parsed.data;
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, shown);
  const passwordHash = await hashPassword(password);
  try {
    const id = await oncePerSubmission(context.db, { actor, token, form: "user" }, async (tx) => await createUser(tx, { actor, input, passwordHash, at: context.clock.now() }));
    return redirect(`/admin/users/${id}?done=created`);
  } catch (error) {
    if (error instanceof DuplicateEmailError) return rejectForm(context, formError("email", "A user with this email address already exists"), shown);
    if (error instanceof OrganisationMismatchError) return rejectForm(context, formError("organisationId", error.message), shown);
    return rejectRuleError(context, error, shown, { fallback: "role" });
  }
}

export default function NewUser() {
  const { organisations, submissionToken: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Add a user" back={{ to: "/admin/users" }} errors={actionData?.errors} />
        <UserForm organisations={organisations} errors={actionData?.errors} values={actionData?.values} withPassword submitLabel="Add user" submissionToken={token} />
      </div>
    </div>
  );
}
