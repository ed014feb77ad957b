import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, WarningCallout } from "nhsuk-react-components";
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
import { linksOfUser, unlinkIdentity } from "~/models/identity-providers.server";
import { resetTwoFactor, twoFactorStatus } from "~/models/two-factor.server";
import { formError, formValues, rejectForm, rejectRuleError, toFormErrors } from "~/web/forms.server";
import { notFound, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.user.name ?? "User", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "manage", "user");
  const found = await getUser(context.db, requireId(params.id));
  if (!found) throw notFound();
  const { passwordHash: _hash, ...user } = found.user;
  return {
    user,
    organisationName: found.organisationName,
    organisations: (await listOrganisations(context.db, { actor })).filter((o) => o.active || o.id === user.organisationId),
    isSelf: actor.userId === user.id,
    // A care worker account: the worker record it signs as, or those it could be linked to.
    workerLink: await getWorkerLink(context.db, user.id),
    // Organisation accounts this account signs in with (single sign-on).
    identityLinks: await linksOfUser(context.db, user.id),
    twoFactor: await twoFactorStatus(context.db, user.id),
    confirmTwoFactorReset: new URL(request.url).searchParams.get("confirm") === "reset-two-factor",
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
    if (!await setUserActive(context.db, { actor, id, active: intent === "reactivate", at })) throw notFound();
    return redirect(`/admin/users/${id}?done=${intent}d`);
  }
  if (intent === "link") {
    const workerId = z.coerce.number().int().positive().safeParse(formData.get("workerId"));
    if (!workerId.success) return rejectForm(context, formError("workerId", "Select the care worker this account signs in as"), {});
    try {
      if (!await linkWorkerAccount(context.db, { actor, userId: id, workerId: workerId.data, at })) throw notFound();
    } catch (error) {
      return rejectRuleError(context, error, {}, { fallback: "workerId" });
    }
    return redirect(`/admin/users/${id}?done=linked`);
  }
  if (intent === "unlink-identity") {
    const linkId = z.coerce.number().int().positive().safeParse(formData.get("linkId"));
    if (!linkId.success || !await unlinkIdentity(context.db, { actor, userId: id, linkId: linkId.data, at })) throw notFound();
    return redirect(`/admin/users/${id}?done=identity_unlinked`);
  }
  if (intent === "reset-two-factor") {
    // Nothing to reset (already reset, or never set up): the page shows that.
    await resetTwoFactor(context.db, { actor, userId: id, at });
    if (!await getUser(context.db, id)) throw notFound();
    return redirect(`/admin/users/${id}?done=two_factor_reset`);
  }
  if (intent === "unlink") {
    if (!await unlinkWorkerAccount(context.db, { actor, userId: id, at })) throw notFound();
    return redirect(`/admin/users/${id}?done=unlinked`);
  }
  const values = formValues(formData);
  const form = userSchema({ withPassword: false });
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  const { password: _none, ...input } = parsed.data;
  try {
    if (!await updateUser(context.db, { actor, id, input, at })) throw notFound();
  } catch (error) {
    if (error instanceof DuplicateEmailError) return rejectForm(context, formError("email", "A user with this email address already exists"), values);
    if (error instanceof OrganisationMismatchError) return rejectForm(context, formError("organisationId", error.message), values);
    return rejectRuleError(context, error, values, { fallback: "role" });
  }
  return redirect(`/admin/users/${id}?done=updated`);
}

export default function UserPage() {
  const { user, organisationName, organisations, isSelf, workerLink, identityLinks, twoFactor, confirmTwoFactorReset } = useLoaderData<typeof loader>();
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
        {identityLinks.length ? (
          <section aria-labelledby="organisation-accounts">
            <h2 id="organisation-accounts">Organisation accounts</h2>
            <p>This account signs in with these organisation accounts. Unlink one only if it belongs to someone else, or the person's account there has changed: the next sign-in with it finds this account by email address again.</p>
            {identityLinks.map((link) => (
              <Form method="post" key={link.id}>
                <p>
                  {link.providerName}: linked {formatDateTime(link.createdAt)}, last used {link.lastUsedAt ? formatDateTime(link.lastUsedAt) : "never"}
                </p>
                <input type="hidden" name="intent" value="unlink-identity" />
                <input type="hidden" name="linkId" value={link.id} />
                <Button type="submit" secondary>
                  Unlink {link.providerName}
                </Button>
              </Form>
            ))}
          </section>
        ) : null}
        <section aria-labelledby="two-factor">
          <h2 id="two-factor">Two-factor authentication</h2>
          {twoFactor ? (
            <>
              <p>
                Set up on {formatDateTime(twoFactor.setUpAt)}. {twoFactor.recoveryCodesLeft} of 10 recovery codes left.
              </p>
              {confirmTwoFactorReset ? (
                <WarningCallout>
                  <WarningCallout.Heading>Reset two-factor authentication for {user.name}?</WarningCallout.Heading>
                  <p>
                    Do this only when you are sure you are dealing with {user.name}, for example when they have lost their phone. Their authenticator app and
                    recovery codes stop working at once, and they are sent an email. If their role must use two-factor authentication, they set it up again the
                    next time they sign in.
                  </p>
                  <Form method="post">
                    <input type="hidden" name="intent" value="reset-two-factor" />
                    <Button type="submit" warning>
                      Yes, reset two-factor authentication
                    </Button>
                  </Form>
                  <p>
                    <Link to={`/admin/users/${user.id}`}>No, keep it</Link>
                  </p>
                </WarningCallout>
              ) : (
                <p>
                  <Link to={`/admin/users/${user.id}?confirm=reset-two-factor#two-factor`}>Reset two-factor authentication</Link>
                  <span className="nhsuk-hint nhsuk-u-margin-bottom-0"> If they have lost their phone and their recovery codes.</span>
                </p>
              )}
            </>
          ) : (
            <p>Not set up. They sign in with their password alone, unless their role must use two-factor authentication (see settings), when they are asked to set it up at their next sign-in.</p>
          )}
        </section>
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
