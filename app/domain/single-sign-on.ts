/**
 * Signing in with an organisation's account (OpenID Connect: NHS CIS2, Microsoft Entra ID):
 * who the provider's answer signs in as, and when a password still works (docs/domain.md rule 20,
 * docs/decisions/022-sign-in-with-the-organisations-account.md).
 *
 * Signed in as the wrong account, someone reads and signs as somebody else (hazards H57, H58),
 * so an account is matched only when every condition below holds, and nobody is ever created.
 */
import type { Role } from "./roles";

/** A pending sign-in (sent to the provider, not yet back) works for this many minutes, once. */
export const PENDING_SIGN_IN_MINUTES = 10;

/** The provider as the rule needs it: which organisations may use it, and whether administrators may. */
export type ProviderScope = { id: number; organisationIds: readonly number[]; adminsMayUse: boolean };

/** An account the answer could be about. `subject`: the one it already remembers at this provider, if any. */
export type CandidateAccount = { id: number; active: boolean; role: Role; organisationId: number | null; subject: string | null };

/** What the provider said about the person, already checked (signature, audience, expiry, nonce). */
export type ProviderAnswer = { subject: string; email: string | null; emailVerified: boolean | null };

/** Why an answer signs nobody in. Each has one message (app/content/single-sign-on.ts). */
export const ACCOUNT_REFUSALS = ["no_email", "email_unverified", "no_account", "deactivated", "organisation_not_allowed", "different_subject"] as const;
export type AccountRefusal = (typeof ACCOUNT_REFUSALS)[number];

export type AccountMatch = { ok: true; userId: number; rememberSubject: boolean } | { ok: false; reason: AccountRefusal; userId: number | null };

/** Email addresses compared as the service stores them: trimmed, lower case. */
export function normaliseEmail(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const email = value.trim().toLowerCase();
  return email.length > 0 && email.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/** Whether the account's organisation (or, for an administrator, the provider's setting) allows this provider. */
export function mayUseProvider(account: { role: Role; organisationId: number | null }, provider: ProviderScope): boolean {
  if (account.role === "admin") return provider.adminsMayUse;
  return account.organisationId !== null && provider.organisationIds.includes(account.organisationId);
}

/**
 * Which account the provider's answer signs in as (docs/domain.md rule 20). The account that
 * already remembers this subject at this provider comes first; otherwise the account with the
 * verified email, which then remembers the subject. Refused when there is no such account (no
 * self-registration), it is deactivated, its organisation may not use the provider, or it
 * already remembers a different subject here (someone else's account at the provider now
 * carries this email).
 */
export function matchAccount(
  provider: ProviderScope,
  answer: ProviderAnswer,
  found: { bySubject: CandidateAccount | null; byEmail: CandidateAccount | null },
): AccountMatch {
  const check = (account: CandidateAccount, rememberSubject: boolean): AccountMatch => {
    if (!account.active) return { ok: false, reason: "deactivated", userId: account.id };
    if (!mayUseProvider(account, provider)) return { ok: false, reason: "organisation_not_allowed", userId: account.id };
    return { ok: true, userId: account.id, rememberSubject };
  };
  if (found.bySubject) return check(found.bySubject, false);
  // Only an email the provider vouches for may find an account.
  if (answer.emailVerified === false) return { ok: false, reason: "email_unverified", userId: null };
  if (!answer.email) return { ok: false, reason: "no_email", userId: null };
  const account = found.byEmail;
  if (!account) return { ok: false, reason: "no_account", userId: null };
  if (account.subject !== null && account.subject !== answer.subject) return { ok: false, reason: "different_subject", userId: account.id };
  return check(account, true);
}

/** A provider people can be sent to: switched on, with its secret set on this server. */
export type ProviderAvailability = { enabled: boolean; secretSet: boolean };

export function providerUsable(p: ProviderAvailability): boolean {
  return p.enabled && p.secretSet;
}

/**
 * Whether the account must sign in with its organisation's account, so its password does not
 * work (and no reset link is sent): when a usable provider marked "must use" covers its
 * organisation. Administrators are never made to (a misconfigured provider must not lock out
 * the people who can fix it). Returns the provider that must be used, or null.
 */
export function requiredProvider<P extends ProviderScope & ProviderAvailability & { required: boolean }>(
  account: { role: Role; organisationId: number | null },
  providers: readonly P[],
): P | null {
  if (account.role === "admin") return null;
  return providers.find((p) => p.required && providerUsable(p) && mayUseProvider(account, p)) ?? null;
}

/** The key in addresses and in the secret's variable name: lower-case letters, digits and single hyphens. */
export const PROVIDER_KEY = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** `cis2-demo` -> `SSO_CIS2_DEMO_CLIENT_SECRET`. */
export function secretVariableName(key: string): string {
  return `SSO_${key.toUpperCase().replace(/-/g, "_")}_CLIENT_SECRET`;
}

/** Whether plain http is allowed for an issuer address: only on this machine, for testing. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Why an issuer address cannot be used, or null: https, or http on this machine; no query, fragment or sign-in details. */
export function issuerProblem(value: string): "format" | "https" | "extra" | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "format";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) return "https";
  if (url.username || url.password || url.search || url.hash) return "extra";
  return null;
}
