import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { newPasswordSchema } from "~/forms/accounts.server";
import { OneTimeLinkGone } from "~/components/OneTimeLinkGone";
import { TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { ONE_TIME_TOKEN } from "~/domain/accounts";
import { findPasswordReset, resetPassword } from "~/models/password-resets.server";
import { formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { hashPassword } from "~/services/password.server";
import { endSession } from "~/web/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data?.email ? "Choose a new password" : "This link has expired or been used", matches);

/** Choosing a new password from a reset link. The token is in the query string, which the server never logs. */
async function lookup(context: LoaderFunctionArgs["context"], token: unknown) {
  return typeof token === "string" && ONE_TIME_TOKEN.test(token) ? await findPasswordReset(context.db, { token, now: context.clock.now() }) : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const reset = await lookup(context, token);
  if (!reset) return data({ email: null, token: "" }, { status: 410 });
  return { email: reset.email, token: token! };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const reset = await lookup(context, values.token);
  if (!reset) return data({ gone: true, errors: undefined }, { status: 410 });
  const form = newPasswordSchema(reset.email);
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), {});
  const done = await resetPassword(context.db, { token: parsed.data.token, passwordHash: await hashPassword(parsed.data.password), at: context.clock.now() });
  if (!done) return data({ gone: true, errors: undefined }, { status: 410 });
  // Every session of the user has ended (this browser's too, if it had one): sign in with the new password.
  const cookie = await endSession(context, request);
  return redirect("/login?done=password_reset", { headers: { "Set-Cookie": cookie } });
}

export default function ResetPassword() {
  const { email, token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!email || (actionData && "gone" in actionData)) return <OneTimeLinkGone kind="reset" />;
  const errors = actionData?.errors;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={errors} title="Choose a new password">
          <p>
            For the account <strong>{email}</strong>. Use 12 characters or more; three random words work well. Saving it signs you out everywhere, and you sign
            in again with the new password.
          </p>
        </PageHeading>
        <Form method="post" noValidate>
          <input type="hidden" name="token" value={token} />
          <TextField name="password" label="New password" type="password" autoComplete="new-password" errors={errors} />
          <TextField name="confirm" label="New password again" type="password" autoComplete="new-password" errors={errors} />
          <Button type="submit">Save new password</Button>
        </Form>
      </div>
    </div>
  );
}
