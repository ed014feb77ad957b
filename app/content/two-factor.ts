import { CODE_ATTEMPT_LIMIT, PENDING_SIGN_IN_MINUTES } from "~/domain/two-factor";

/** Words about two-factor authentication: pages, messages and the email an administrator's reset sends. */

export const TWO_FACTOR_MESSAGES = {
  codeEmpty: "Enter the 6-digit code from your authenticator app",
  codeFormat: "Enter the 6-digit code from your authenticator app, like 123 456",
  signInCodeEmpty: "Enter the 6-digit code from your authenticator app, or a recovery code",
  signInCodeFormat: "Enter the 6-digit code from your authenticator app, like 123 456, or a recovery code, like abcd-efgh-jkmn-pqrs",
  wrong: "The code is not right. Enter the code your authenticator app shows now",
  wrongAtSignIn: "The code is not right. Enter the code your authenticator app shows now, or an unused recovery code",
  used: "This code has already been used. Wait for your authenticator app to show a new code, then enter it",
  passwordEmpty: "Enter your password",
  passwordWrong: "Your password is not right",
  already: "Two-factor authentication is already set up for your account",
} as const;

export const PENDING_SIGN_IN_GONE = `Your sign-in was not finished within ${PENDING_SIGN_IN_MINUTES} minutes, or has already been used. Sign in again.`;

export const THROTTLE_EXPLAINED = `After ${CODE_ATTEMPT_LIMIT.failures} wrong codes in ${CODE_ATTEMPT_LIMIT.minutes} minutes, you have to wait before you can try again.`;

export function twoFactorSetUpMail({ name }: { name: string }) {
  return {
    subject: "Two-factor authentication is set up on your Delegated Care account",
    body: [
      `Dear ${name},`,
      "",
      "Two-factor authentication has just been set up on your Delegated Care account. From now on, signing in asks for your password and a code from your authenticator app.",
      "",
      "If you did not do this, someone else may know your password. Tell your administrator at once: they can reset two-factor authentication and deactivate the account while you choose a new password.",
    ].join("\n"),
  };
}

export function twoFactorResetMail({ name, adminName }: { name: string; adminName: string }) {
  return {
    subject: "Your Delegated Care two-factor authentication was reset",
    body: [
      `Dear ${name},`,
      "",
      `${adminName}, an administrator of Delegated Care, has reset the two-factor authentication of your account. The authenticator app you set up and your recovery codes no longer work for Delegated Care.`,
      "",
      "If your role requires two-factor authentication, you will be asked to set it up again the next time you sign in. You can also set it up from your account: choose \"Two-factor authentication\" at the top of any page.",
      "",
      "If you did not ask for this, tell your administrator or your organisation's information governance lead at once.",
    ].join("\n"),
  };
}
