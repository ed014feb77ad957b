/**
 * What the sign-in page says when signing in with an organisation's account did not sign anyone
 * in. The page is told a code from this fixed list (`/login?refused=no_account`), never words:
 * anything else in the address shows nothing.
 */
import type { AccountRefusal } from "~/domain/single-sign-on";

/** Refusals before an account is looked at: the sign-in could not be checked. */
export const FLOW_REFUSALS = ["expired", "unavailable", "not_checked", "cancelled"] as const;
export type FlowRefusal = (typeof FLOW_REFUSALS)[number];
export type SignInRefusal = AccountRefusal | FlowRefusal;

const ASK = "If you think this is wrong, ask your organisation's administrator for Delegated Care.";

export const SIGN_IN_REFUSALS: Record<SignInRefusal, string> = {
  expired: "Your sign-in with your organisation's account has timed out or has already been used. Start again.",
  unavailable: "Your organisation's sign-in service cannot be reached just now. Try again later, or sign in with your email address and password if you have one.",
  not_checked: "Your organisation's sign-in service sent an answer we could not check, so you have not been signed in. Start again. If it happens again, tell your administrator.",
  cancelled: "You did not finish signing in with your organisation's account. Start again when you are ready.",
  no_email: `Your organisation's account did not tell us your email address, so you have not been signed in. ${ASK}`,
  email_unverified: `Your organisation's sign-in service has not confirmed your email address, so you have not been signed in. ${ASK}`,
  no_account: `There is no Delegated Care account with the email address of your organisation's account. Ask your manager or administrator to add you. ${ASK}`,
  deactivated: "Your Delegated Care account has been deactivated, so you cannot sign in. Ask your organisation's administrator for Delegated Care if you still need it.",
  organisation_not_allowed: `Your organisation does not sign in to Delegated Care with this account. Sign in with your email address and password. ${ASK}`,
  different_subject: `Your Delegated Care account is linked to a different account at your organisation's sign-in service, so you have not been signed in. ${ASK}`,
};

export function isSignInRefusal(value: string | null): value is SignInRefusal {
  return value !== null && Object.hasOwn(SIGN_IN_REFUSALS, value);
}

/** Said when a password is right but the account must sign in with its organisation's account. */
export function mustUseProviderMessage(providerName: string): string {
  return `Your organisation signs in to Delegated Care with its own account. Select “Sign in with ${providerName}” below`;
}

/** The name of the cookie that ties a sign-in sent to a provider to this browser (listed on /cookies). */
export const PENDING_SIGN_IN_COOKIE = "dc_organisation_sign_in";
