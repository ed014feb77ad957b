import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { RESET_SENT } from "~/content/accounts";
import { pageTitle } from "~/content/titles";
import { PASSWORD_RESET_LIMITS } from "~/domain/accounts";
import { requestPasswordReset, resetAddressBlocked } from "~/models/password-resets.server";
import { formError, formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { EmailSchema } from "~/forms/accounts.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Reset your password", matches);

export async function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.has("sent") };
}

/**
 * "Forgot your password?" (app/models/password-resets.server.ts): the same answer whether or not
 * an account uses the email, whether it is active, or the email has had too many links.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const form = EmailSchema;
  const parsed = form.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], form), values);
  const at = context.clock.now();
  const ipAddress = context.clientAddress;
  // Too many requests from one address says so: it tells nothing about any account.
  if (await resetAddressBlocked(context.db, { ipAddress, at })) {
    return rejectForm(context, formError("email", `Too many requests to reset a password from your network. Wait ${PASSWORD_RESET_LIMITS.address.minutes} minutes, then try again.`), values);
  }
  const outcome = await requestPasswordReset(context.db, { email: parsed.data.email, ipAddress, at, publicUrl: context.config.publicUrl });
  context.log.info({ outcome }, "password reset requested");
  return redirect("/forgot-password?sent");
}

export default function ForgotPassword() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  if (sent) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading title="Check your email" />
          <p>{RESET_SENT}</p>
          <p>
            <Link to="/login">Go to the sign-in page</Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading errors={errors} title="Reset your password" back={{ to: "/login", label: "Sign in" }}>
          <p>Enter the email address you sign in with. If an account uses it, we will email you a link to choose a new password.</p>
        </PageHeading>
        <Form method="post" noValidate>
          <TextField name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} errors={errors} values={actionData?.values} />
          <Button type="submit">Send me a link</Button>
        </Form>
      </div>
    </div>
  );
}
