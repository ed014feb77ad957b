import { PageHeading } from "~/components/nhs/PageHeading";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button, InsetText } from "nhsuk-react-components";
import { MarkDraftsToRestore } from "~/components/SessionTimeout";
import { DoneBanner } from "~/components/nhs/Done";
import { TextField } from "~/components/nhs/fields";
import { signedOutMessage } from "~/content/accounts";
import { isSignInRefusal, mustUseProviderMessage, SIGN_IN_REFUSALS } from "~/content/single-sign-on";
import { providerUsable, requiredProvider } from "~/domain/single-sign-on";
import { listProviders } from "~/models/identity-providers.server";
import { PENDING_SIGN_IN_GONE } from "~/content/two-factor";
import { pageTitle } from "~/content/titles";
import { getSettings } from "~/models/settings.server";
import { recordSignInAttempt, signInBlocked } from "~/models/sign-in.server";
import { findUserByEmail } from "~/models/users.server";
import { formError, formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { decoyHash, verifyPassword } from "~/services/password.server";
import { getActor, safeRedirectTo } from "~/web/session.server";
import { finishSignIn } from "~/web/sign-in-finish.server";
import { LoginSchema } from "~/forms/sign-in.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Sign in", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (await getActor(context, request)) throw redirect(safeRedirectTo(url.searchParams.get("redirectTo")));
  // Why the last session ended, when a limit ended it (session.server.ts requireActor): the words come from here, never the URL.
  const reason = url.searchParams.get("reason");
  const settings = await getSettings(context.db);
  const limits = { idleMinutes: settings.sessionIdleMinutes, absoluteHours: settings.sessionAbsoluteHours };
  // A refused sign-in with an organisation's account: a code from a fixed list, never words from the URL.
  const refused = url.searchParams.get("refused");
  // A sign-in left waiting for its security code too long (or already used): docs/decisions/023.
  const unfinished = reason === "unfinished" ? PENDING_SIGN_IN_GONE : null;
  return {
    signedOut: reason === "idle" || reason === "expired" ? signedOutMessage(reason, limits) : unfinished,
    refusal: isSignInRefusal(refused) ? SIGN_IN_REFUSALS[refused] : null,
    providers: (await listProviders(context.db))
      .filter(providerUsable)
      .map((p) => ({ key: p.key, name: p.name })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const parsed = LoginSchema.safeParse(values);
  const shown = { email: values.email ?? "" };
  if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], LoginSchema), shown);

  const { db, clock } = context;
  const email = parsed.data.email.toLowerCase();
  // The server decides the address (TRUSTED_PROXIES); the app never reads it from a header.
  const ipAddress = context.clientAddress;
  const at = clock.now();
  // Decided before anything is written, so a bad value can never fail after the session starts.
  const target = safeRedirectTo(parsed.data.redirectTo);
  const blocked = await signInBlocked(db, { email, ipAddress, at });
  if (blocked) {
    return rejectForm(context, formError("email", `Too many attempts to sign in. Wait ${blocked.minutes === 60 ? "an hour" : `${blocked.minutes} minutes`}, then try again.`), shown);
  }
  const user = await findUserByEmail(db, email);
  // Check a password even for an unknown email, so the answer takes the same time either way.
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok || !user.active) {
    await recordSignInAttempt(db, { email, ipAddress, at, succeeded: false });
    return rejectForm(context, formError("email", "Enter a correct email address and password"), shown);
  }
  // The right password, but this account signs in with its organisation's account (docs/domain.md rule 20).
  const mustUse = requiredProvider(user, await listProviders(db));
  if (mustUse) return rejectForm(context, formError("email", mustUseProviderMessage(mustUse.name), "#sign-in-with"), shown);
  await recordSignInAttempt(db, { email, ipAddress, at, succeeded: true });
  return finishSignIn(context, request, user, { method: { kind: "password" }, target });
}

export default function Login() {
  const { signedOut, refusal, providers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo") ?? "/";
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DoneBanner />
        <PageHeading
          title="Sign in to Delegated Care"
          errors={actionData?.errors ?? (refusal ? [{ field: "sign-in-with", message: refusal, href: providers.length ? "#sign-in-with" : "#email" }] : undefined)}
        />
        {signedOut ? (
          <InsetText>
            <p id="signed-out-reason">{signedOut}</p>
            {redirectTo !== "/" ? <p>After you sign in, you will go back to the page you were on.</p> : null}
          </InsetText>
        ) : null}
        {signedOut ? <MarkDraftsToRestore redirectTo={redirectTo} /> : null}
        <p>Use the email address and password you chose, or the ones your organisation's administrator gave you.</p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} errors={actionData?.errors} values={actionData?.values} />
          <TextField name="password" label="Password" type="password" autoComplete="current-password" errors={actionData?.errors} />
          <Button type="submit">Sign in</Button>
        </Form>
        <p>
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
        {providers.length ? (
          <section aria-labelledby="sign-in-with">
            <h2 id="sign-in-with" tabIndex={-1}>
              Sign in with your organisation's account
            </h2>
            <p>If your organisation has set this up, you can use the account you sign in to its other services with.</p>
            {providers.map((p) => (
              <Form key={p.key} method="post" action="/organisation-sign-in/start" reloadDocument>
                <input type="hidden" name="provider" value={p.key} />
                <input type="hidden" name="redirectTo" value={redirectTo} />
                <Button type="submit" secondary>
                  Sign in with {p.name}
                </Button>
              </Form>
            ))}
          </section>
        ) : null}
      </div>
    </div>
  );
}
