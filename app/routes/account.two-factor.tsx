import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { TextField } from "~/components/nhs/fields";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { RecoveryCodesShown, TwoFactorSetUpForm } from "~/components/TwoFactor";
import { pageTitle } from "~/content/titles";
import { TWO_FACTOR_MESSAGES } from "~/content/two-factor";
import { formatDateTime } from "~/domain/dates";
import { mayTurnOff } from "~/domain/two-factor";
import { getSettings } from "~/models/settings.server";
import { replaceRecoveryCodes, turnOffTwoFactor, twoFactorStatus } from "~/models/two-factor.server";
import { findUserByEmail } from "~/models/users.server";
import { formError, formValues, rejectForm, toFormErrors } from "~/web/forms.server";
import { verifyPassword } from "~/services/password.server";
import { requireActor } from "~/web/session.server";
import { confirmSetUp, setUpView } from "~/web/two-factor-set-up.server";
import { CodesSchema, TurnOffSchema } from "~/forms/sign-in.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Two-factor authentication", matches);

/**
 * The user's own two-factor authentication (docs/domain.md rule 21): set it up here (QR code,
 * then a code to confirm), make new recovery codes, or turn it off where the role does not
 * require it. Making codes and turning off ask for the password again.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  const status = await twoFactorStatus(context.db, actor.userId);
  const requiredRoles = (await getSettings(context.db)).twoFactorRequiredRoles;
  return {
    status,
    required: !mayTurnOff(actor.role, requiredRoles),
    view: status ? null : await setUpView(context, actor),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(context, request);
  const values = formValues(await request.formData());
  const at = context.clock.now();
  if (values.intent === "codes" || values.intent === "turn-off") {
    const field = values.intent === "codes" ? "codesPassword" : "offPassword";
    const schema = values.intent === "codes" ? CodesSchema : TurnOffSchema;
    const parsed = schema.safeParse(values);
    if (!parsed.success) return rejectForm(context, toFormErrors(parsed.error.issues, [], schema), {});
    const user = await findUserByEmail(context.db, actor.email);
    if (!user || !(await verifyPassword(String(values[field]), user.passwordHash))) return rejectForm(context, formError(field, TWO_FACTOR_MESSAGES.passwordWrong), {});
    if (values.intent === "codes") {
      const codes = await replaceRecoveryCodes(context.db, { userId: actor.userId, at });
      if (!codes) throw redirect("/account/two-factor");
      return { errors: undefined, view: null, recoveryCodes: codes, made: "new" as const };
    }
    if (!mayTurnOff(actor.role, (await getSettings(context.db)).twoFactorRequiredRoles)) {
      return rejectForm(context, formError(field, "Your role must use two-factor authentication, so it cannot be turned off. If you have lost your phone, ask your administrator to reset it"), {});
    }
    await turnOffTwoFactor(context.db, { userId: actor.userId, at });
    return redirect("/account/two-factor?done=two_factor_off");
  }
  const result = await confirmSetUp(context, actor, values);
  // Already set up (a second press of the button): the page says so.
  if (result.kind === "already") throw redirect("/account/two-factor");
  if (result.kind === "rejected") return result.response;
  return { errors: undefined, view: null, recoveryCodes: result.recoveryCodes, made: "set_up" as const };
}

export default function AccountTwoFactor() {
  const { status, required, view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const codes = actionData && "recoveryCodes" in actionData ? actionData.recoveryCodes : null;
  const shownView = (actionData && "view" in actionData ? actionData.view : null) ?? view;
  if (codes) {
    const fresh = !!actionData && "made" in actionData && actionData.made === "new";
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading title={fresh ? "Your new recovery codes" : "Two-factor authentication is set up"}>
            <p>{fresh ? "Your old recovery codes no longer work." : "From now on, signing in asks for your password and then a code from your authenticator app."}</p>
          </PageHeading>
          <RecoveryCodesShown codes={codes} next={{ to: "/account/two-factor", label: "I have saved my recovery codes" }} />
        </div>
      </div>
    );
  }
  if (!status) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <DoneBanner />
          <PageHeading title="Set up two-factor authentication" errors={errors}>
            <p>Signing in will ask for your password and then a code from an app on your phone, so nobody can sign in as you with your password alone.</p>
            {required ? <p>Your role must use two-factor authentication: if you do not set it up now, you will be asked to the next time you sign in.</p> : null}
          </PageHeading>
          <TwoFactorSetUpForm view={shownView!} errors={errors} button="Turn on two-factor authentication" />
        </div>
      </div>
    );
  }
  const only = (field: string) => errors?.filter((e) => e.field === field);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DoneBanner />
        <PageHeading title="Two-factor authentication" errors={errors}>
          <p>Signing in asks for your password and then a code from your authenticator app.</p>
        </PageHeading>
        <Summary
          rows={[
            ["Set up", formatDateTime(status.setUpAt)],
            ["Recovery codes left", `${status.recoveryCodesLeft} of 10`],
          ]}
        />
        <h2>Make new recovery codes</h2>
        <p>If you have used most of your recovery codes, or think someone else has seen them, make new ones. Your old codes will stop working.</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="codes" />
          <TextField name="codesPassword" label="Your password, to make new codes" type="password" autoComplete="current-password" errors={only("codesPassword")} />
          <Button type="submit" secondary>
            Make new recovery codes
          </Button>
        </Form>
        <h2>Turn off two-factor authentication</h2>
        {required ? (
          <p>Your role must use two-factor authentication, so you cannot turn it off. If you have lost your phone and your recovery codes, ask your administrator to reset it.</p>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="turn-off" />
            <p>You will sign in with your password only. Your authenticator app and recovery codes will stop working for Delegated Care.</p>
            <TextField name="offPassword" label="Your password, to turn it off" type="password" autoComplete="current-password" errors={only("offPassword")} />
            <Button type="submit" secondary>
              Turn off two-factor authentication
            </Button>
          </Form>
        )}
      </div>
    </div>
  );
}
