import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { SelectField } from "~/components/nhs/fields";
import { UserForm } from "~/components/forms/user-form";
import { userSchema } from "~/forms/user.server";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { ActiveTag } from "~/components/nhs/StatusTag";
import { Summary } from "~/components/nhs/Summary";
import { pageTitle } from "~/content/titles";
import { z } from "~/forms/zod.server";
import { formatDateTime } from "~/domain/dates";
import { ROLE_LABELS } from "~/domain/roles";
import { listOrganisations } from "~/models/organisations.server";
import {
  DuplicateEmailError,
  getUser,
  getWorkerLink,
  linkWorkerAccount,
  OrganisationMismatchError,
  setUserActive,
  unlinkWorkerAccount,
  updateUser,
} from "~/models/users.server";
import { RuleError } from "~/models/errors.server";
import { formError, formValues, rejectForm, ruleProblems, toFormErrors } from "~/services/forms.server";
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
    // A care worker account: the worker record it signs as, or those it could be linked to.
    workerLink: getWorkerLink(context.db, user.id),
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
  if (intent === "link") {
    const workerId = z.coerce.number().int().positive().safeParse(formData.get("workerId"));
    if (!workerId.success) return rejectForm(context, formError("workerId", "Select the care worker this account signs in as"), {});
    try {
      if (!linkWorkerAccount(context.db, { actor, userId: id, workerId: workerId.data, at })) throw notFound();
    } catch (error) {
      if (error instanceof RuleError) return rejectForm(context, ruleProblems(error.problems, "workerId"), {});
      throw error;
    }
    return redirect(`/admin/users/${id}?done=linked`);
  }
  if (intent === "unlink") {
    if (!unlinkWorkerAccount(context.db, { actor, userId: id, at })) throw notFound();
    return redirect(`/admin/users/${id}?done=unlinked`);
  }
  const values = formValues(formData);
  const form = userSchema({ withPassword: false });
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  const { password: _none, ...input } = parsed.data;
  try {
    if (!updateUser(context.db, { actor, id, input, at })) throw notFound();
  } catch (error) {
    if (error instanceof DuplicateEmailError) return rejectForm(context, formError("email", "A user with this email address already exists"), values);
    if (error instanceof OrganisationMismatchError) return rejectForm(context, formError("organisationId", error.message), values);
    if (error instanceof RuleError) return rejectForm(context, ruleProblems(error.problems, "role"), values);
    throw error;
  }
  return redirect(`/admin/users/${id}?done=updated`);
}

export default function UserPage() {
  const { user, organisationName, organisations, isSelf, workerLink } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const linkErrors = actionData?.errors?.filter((e) => e.field === "workerId");
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DoneBanner subject={user.name} />
        <PageHeading title={user.name} caption={ROLE_LABELS[user.role]} back={{ to: "/admin/users", label: "All users" }} errors={actionData?.errors} />
        <Summary
          rows={[
            ["Status", <ActiveTag key="a" active={user.active} />],
            ["Email", user.email],
            ["Organisation", organisationName ?? "Every organisation (administrators are not part of one)"],
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
        {workerLink ? (
          <section aria-labelledby="worker-record">
            <h2 id="worker-record">Care worker record</h2>
            {workerLink.linked ? (
              <>
                <p>
                  This account signs in as <Link to={`/workers/${workerLink.linked.id}`}>{workerLink.linked.name}</Link>: it signs agreements that name them and sees
                  their skills passport.
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="unlink" />
                  <Button type="submit" secondary>
                    Unlink from {workerLink.linked.name}
                  </Button>
                  <p className="nhsuk-hint">Only if it was linked to the wrong care worker. Unlinking signs them out; their signatures stay on record.</p>
                </Form>
              </>
            ) : (
              <>
                <p>This account is not linked to a care worker record, so it sees no skills passport and can sign nothing.</p>
                {workerLink.candidates.length ? (
                  <Form method="post" noValidate>
                    <input type="hidden" name="intent" value="link" />
                    <SelectField
                      name="workerId"
                      label="Care worker this account signs in as"
                      hint={`Care workers of ${organisationName ?? "the account's provider"} with no sign-in. Check it is the same person: they will sign agreements as this care worker.`}
                      placeholder="Select a care worker"
                      options={workerLink.candidates.map((w) => ({ value: w.id, label: w.name }))}
                      errors={linkErrors}
                    />
                    <Button type="submit">Link account</Button>
                  </Form>
                ) : (
                  <p>Every active care worker of {organisationName ?? "its provider"} already has a sign-in, or none is recorded.</p>
                )}
              </>
            )}
          </section>
        ) : null}
        <h2>Change details</h2>
        <UserForm
          organisations={organisations}
          errors={linkErrors?.length ? undefined : actionData?.errors}
          values={(linkErrors?.length ? undefined : actionData?.values) ?? { ...user, organisationId: user.organisationId ? String(user.organisationId) : "" }}
          withPassword={false}
          submitLabel="Save changes"
        />
      </div>
    </div>
  );
}
