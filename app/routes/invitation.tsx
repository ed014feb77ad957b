import { PageHeading } from "~/components/nhs/PageHeading";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { newPasswordSchema } from "~/components/forms/new-password";
import { OneTimeLinkGone } from "~/components/OneTimeLinkGone";
import { TextField } from "~/components/nhs/fields";
import { pageTitle } from "~/content/titles";
import { ONE_TIME_TOKEN } from "~/domain/accounts";
import { acceptInvitation, findInvitation } from "~/models/invitations.server";
import { formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { hashPassword } from "~/services/password.server";
import { endSession } from "~/web/session.server";
import { finishSignIn } from "~/web/sign-in-finish.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data && "invitation" in data && data.invitation ? "Choose your password" : "This link has expired or been used", matches);

/**
 * Accepting an invitation to sign in (app/models/invitations.server.ts). The token is in the query
 * string, which the server never logs. An unknown, used, withdrawn or expired link gets one answer.
 */
async function lookup(context: LoaderFunctionArgs["context"], token: unknown) {
  return typeof token === "string" && ONE_TIME_TOKEN.test(token) ? await findInvitation(context.db, { token, now: context.clock.now() }) : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const invitation = await lookup(context, token);
  if (!invitation) return data({ invitation: null, token: "" }, { status: 410 });
  return { invitation, token: token! };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const invitation = await lookup(context, values.token);
  if (!invitation) return data({ gone: true, errors: undefined, values: undefined }, { status: 410 });
  const form = newPasswordSchema(invitation.email);
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), {});
  const at = context.clock.now();
  const accepted = await acceptInvitation(context.db, { token: parsed.data.token, passwordHash: await hashPassword(parsed.data.password), at });
  if (!accepted) return data({ gone: true, errors: undefined, values: undefined }, { status: 410 });
  // Whoever was signed in on this browser before is signed out: the worker starts their own session.
  await endSession(context, request);
  return finishSignIn(context, request, { id: accepted.userId }, { method: { kind: "password" }, target: "/" });
}

export default function AcceptInvitation() {
  const { invitation, token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!invitation || (actionData && "gone" in actionData)) return <OneTimeLinkGone kind="invitation" />;
  const errors = actionData?.errors;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Choose your password" caption={invitation.providerName} errors={errors} />
        <p>
          Welcome, {invitation.workerName}. You will sign in to Delegated Care with your email address, <strong>{invitation.email}</strong>, and the password you
          choose here.
        </p>
        <p>Use 12 characters or more. Three random words work well. Do not use a password you use anywhere else.</p>
        <Form method="post" noValidate>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="email" value={invitation.email} autoComplete="username" />
          <TextField name="password" label="Password" type="password" autoComplete="new-password" errors={errors} />
          <TextField name="confirm" label="Password again" type="password" autoComplete="new-password" errors={errors} />
          <Button type="submit">Save password and sign in</Button>
        </Form>
      </div>
    </div>
  );
}
