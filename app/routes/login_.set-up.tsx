import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeading } from "~/components/nhs/PageHeading";
import { RecoveryCodesShown, TwoFactorSetUpForm } from "~/components/TwoFactor";
import { pageTitle } from "~/content/titles";
import { formValues } from "~/web/forms.server";
import { completePendingSignInCookies, requirePendingSignIn } from "~/web/sign-in-finish.server";
import { confirmSetUp, setUpView } from "~/web/two-factor-set-up.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Set up two-factor authentication", matches);

/**
 * Signing in when the role requires two-factor authentication and it is not set up yet: set it
 * up (QR code, confirm a code), then the recovery codes are shown once and the session starts.
 */
/**
 * Requests whose action has just finished setting up (and so used the pending sign-in). Remix
 * runs the page's loader after its action in the same request, to draw the page that shows the
 * recovery codes; for that request the loader has nothing to read and must not send anyone to
 * sign in, or the codes, shown once, would be lost.
 */
const setUpInThisRequest = new WeakSet<object>();

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (setUpInThisRequest.has(context)) return { view: null };
  const pending = await requirePendingSignIn(context, request, "set_up");
  return { view: await setUpView(context, { userId: pending.userId, email: pending.email }) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingSignIn(context, request, "set_up");
  const result = await confirmSetUp(context, { userId: pending.userId, email: pending.email }, formValues(await request.formData()));
  if (result.kind === "rejected") return result.response;
  // Set up in another tab meanwhile: sign in again, which now asks for a code.
  if (result.kind === "already") throw redirect("/login");
  const cookies = await completePendingSignInCookies(context, request, pending);
  if (!cookies) throw redirect("/login");
  setUpInThisRequest.add(context);
  const headers = new Headers();
  for (const cookie of cookies) headers.append("Set-Cookie", cookie);
  return data({ errors: undefined, view: null, recoveryCodes: result.recoveryCodes, target: pending.target }, { headers });
}

export default function SignInSetUp() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData && "recoveryCodes" in actionData && actionData.recoveryCodes) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading title="Two-factor authentication is set up">
            <p>You are signed in. From now on, signing in asks for your password and then a code from your authenticator app.</p>
          </PageHeading>
          <RecoveryCodesShown codes={actionData.recoveryCodes} next={{ to: actionData.target, label: "I have saved my recovery codes, continue" }} />
        </div>
      </div>
    );
  }
  const errors = actionData?.errors;
  const shownView = (actionData && "view" in actionData ? actionData.view : null) ?? view;
  // No view only after a set-up that succeeded, whose page (the recovery codes) is drawn above.
  if (!shownView) return null;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Set up two-factor authentication" errors={errors}>
          <p>
            Your role must use two-factor authentication. Before you can carry on, set up an app on your phone that makes the codes. From now on, signing in
            will ask for your password and then a code from the app.
          </p>
        </PageHeading>
        <TwoFactorSetUpForm view={shownView} errors={errors} button="Turn on and continue" />
      </div>
    </div>
  );
}
