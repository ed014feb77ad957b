import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { Button, Details } from "nhsuk-react-components";
import { TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { THROTTLE_EXPLAINED, TWO_FACTOR_MESSAGES } from "~/content/two-factor";
import { blockedMessage } from "~/domain/two-factor";
import { checkSecondStep } from "~/models/two-factor.server";
import { formError, formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { completePendingSignIn, contextTwoFactorKey, requirePendingSignIn } from "~/web/sign-in-finish.server";
import { CodeSchema } from "~/forms/sign-in.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Enter your security code", matches);

/**
 * The second step of signing in (docs/domain.md rule 21): after a right password, a code from the
 * authenticator app or an unused recovery code, before any session starts. Only a browser holding
 * the pending sign-in's cookie gets here; anyone else is sent to sign in.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePendingSignIn(context, request, "code");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingSignIn(context, request, "code");
  const values = formValues(await request.formData());
  const parsed = CodeSchema.safeParse(values);
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], CodeSchema), {});
  const result = await checkSecondStep(context.db, { userId: pending.userId, typed: parsed.data.code, key: contextTwoFactorKey(context), at: context.clock.now(), ipAddress: context.clientAddress });
  if (!result.ok) {
    const message =
      result.problem === "blocked" ? blockedMessage(result.minutes) : result.problem === "used" ? TWO_FACTOR_MESSAGES.used : TWO_FACTOR_MESSAGES.wrongAtSignIn;
    return rejectForm(context, formError("code", message), {});
  }
  return completePendingSignIn(context, request, pending);
}

export default function SignInCode() {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Enter your security code" errors={errors}>
          <p>Open the authenticator app on your phone and enter the 6-digit code it shows for Delegated Care.</p>
        </PageHeading>
        <Form method="post" noValidate>
          <TextField
            name="code"
            label="Security code"
            hint="6 digits, like 123 456. If you cannot use your app, enter one of your recovery codes instead."
            width={20}
            autoComplete="one-time-code"
            spellCheck={false}
            errors={errors}
          />
          <Button type="submit">
            Continue
          </Button>
        </Form>
        <Details>
          <Details.Summary>I cannot use my app or my recovery codes</Details.Summary>
          <Details.Text>
            <p>Ask your organisation's administrator for Delegated Care to reset your two-factor authentication. You can then set it up again on a new phone.</p>
            <p>{THROTTLE_EXPLAINED}</p>
          </Details.Text>
        </Details>
        <p>
          <Link to="/login">Sign in as someone else</Link>
        </p>
      </div>
    </div>
  );
}
