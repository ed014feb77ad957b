import { Form, Link } from "@remix-run/react";
import { Button, InsetText, WarningCallout } from "nhsuk-react-components";
import type { FormErrors } from "~/components/nhs/form-errors";
import { TextField } from "~/components/nhs/fields";
import { groupRecoveryCode } from "~/domain/two-factor";

/**
 * Setting up an authenticator app (account page and sign-in alike): scan the QR code, or type
 * the key written out below it, then confirm with the code the app shows.
 */
export function TwoFactorSetUpForm({ view, errors, button }: { view: { qr: string; key: string; sealed: string }; errors?: FormErrors; button: string }) {
  return (
    <>
      <h2>1. Get an authenticator app</h2>
      <p>
        Use any authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator. If your organisation gave you one, use that.
      </p>
      <h2>2. Add Delegated Care to the app</h2>
      <p>In the app, choose to add an account, then scan this QR code with your phone's camera.</p>
      <img src={view.qr} alt="QR code that adds Delegated Care to an authenticator app. If you cannot scan it, type the key written below it." width={200} height={200} className="dc-qr-code" />
      <p id="two-factor-key-label">If you cannot scan the QR code, choose to enter a key in the app, and type this key (the spaces do not matter):</p>
      <p className="dc-two-factor-key" aria-labelledby="two-factor-key-label">
        <code data-testid="two-factor-key">{view.key}</code>
      </p>
      <InsetText>
        <p>Choose &quot;time-based&quot; if the app asks. The app then shows a new 6-digit code every 30 seconds.</p>
      </InsetText>
      <h2>3. Enter the code the app shows</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="secret" value={view.sealed} />
        <TextField name="code" label="Code from your authenticator app" hint="6 digits, like 123 456" width={10} inputMode="numeric" autoComplete="one-time-code" spellCheck={false} errors={errors} />
        <Button type="submit">
          {button}
        </Button>
      </Form>
    </>
  );
}

/** The recovery codes, shown this once, grouped for reading and copying onto paper. */
export function RecoveryCodesShown({ codes, next }: { codes: string[]; next: { to: string; label: string } }) {
  return (
    <>
      <WarningCallout>
        <WarningCallout.Heading headingLevel="h2">Save your recovery codes now</WarningCallout.Heading>
        <p>This is the only time they are shown. Write them down or print this page, and keep them somewhere safe, away from your phone.</p>
      </WarningCallout>
      <p>If you lose your phone or cannot use your authenticator app, enter one of these codes instead of a code from the app. Each code works once.</p>
      <ol className="nhsuk-list dc-recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{groupRecoveryCode(code)}</code>
          </li>
        ))}
      </ol>
      <p>When you have used most of them, make new ones from your account: choose &quot;Two-factor authentication&quot; at the top of any page.</p>
      <p>
        <Link to={next.to} className="nhsuk-button" reloadDocument>
          {next.label}
        </Link>
      </p>
    </>
  );
}
