import { first } from "~/models/transaction.server";
/**
 * Signing in with an organisation's account: OpenID Connect's authorization code flow with PKCE,
 * state and nonce, through openid-client (docs/decisions/022-sign-in-with-the-organisations-account.md).
 *
 * Start: a pending sign-in is kept on the server (single use, 10 minutes) and bound to this
 * browser by a short-lived cookie; the browser goes to the provider. Back at the callback: the
 * pending sign-in is taken (once), the code is exchanged and the ID token checked (signature,
 * issuer, audience, expiry, nonce) by openid-client, then docs/domain.md rule 20 decides who it
 * signs in as. Every refusal is audited and lands on /login with a message chosen by a code.
 */
import { redirect } from "@remix-run/node";
import crypto from "node:crypto";
import * as oidc from "openid-client";
import { PENDING_SIGN_IN_COOKIE, type SignInRefusal } from "~/content/single-sign-on";
import { isLoopbackHost, matchAccount, normaliseEmail, PENDING_SIGN_IN_MINUTES, providerUsable } from "~/domain/single-sign-on";
import {
  clientSecretFor,
  createPendingSignIn,
  findCandidates,
  getProviderByKey,
  recordRefusedSignIn,
  rememberSubject,
  takePendingSignIn,
  type IdentityProvider,
} from "~/models/identity-providers.server";
import { recordSignInAttempt } from "~/models/sign-in.server";
import { eq } from "drizzle-orm";
import { users } from "~db/tables";
import type { AppContext } from "~/web/context.server";
import { safeRedirectTo, serviceCookie } from "~/web/session.server";
import { finishSignIn } from "~/web/sign-in-finish.server";
import { hashSecretToken, newSecretToken } from "./tokens.server";

/** What the service asks the provider for: who the person is and their email address. */
export const SCOPES = "openid email profile";

/** Where a provider sends people back: always from PUBLIC_URL, never from the request's Host. */
export function callbackAddress(publicUrl: string, key: string): string {
  return `${publicUrl}/organisation-sign-in/${key}/callback`;
}

/** Where a provider's sign-out sends people back. */
export function signOutReturnAddress(publicUrl: string): string {
  return `${publicUrl}/login`;
}

function pendingCookie(context: AppContext) {
  return serviceCookie(context, PENDING_SIGN_IN_COOKIE, PENDING_SIGN_IN_MINUTES * 60, "/organisation-sign-in");
}

// ---------------------------------------------------------------------------------------------
// Discovery, cached per provider (a change to the provider, or to its secret, starts afresh)

const discovered = new Map<number, { version: string; config: Promise<oidc.Configuration> }>();

/** Drops what was discovered about a provider (called when an administrator changes it). */
export function forgetDiscovery(providerId: number) {
  discovered.delete(providerId);
}

export class ProviderUnavailable extends Error {}

export function configurationFor(provider: IdentityProvider): Promise<oidc.Configuration> {
  const secret = clientSecretFor(provider.key);
  if (!secret || !provider.enabled) return Promise.reject(new ProviderUnavailable());
  const version = `${provider.updatedAt}|${provider.issuer}|${provider.clientId}|${crypto.createHash("sha256").update(secret).digest("hex")}`;
  const cached = discovered.get(provider.id);
  if (cached?.version === version) return cached.config;
  const issuer = new URL(provider.issuer);
  // Plain http only for a provider on this machine (tests and the demo); openid-client refuses it otherwise.
  const insecure = issuer.protocol === "http:" && isLoopbackHost(issuer.hostname);
  const config = oidc.discovery(issuer, provider.clientId, secret, undefined, { timeout: 10, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}) });
  const entry = { version, config };
  discovered.set(provider.id, entry);
  // A failure is not kept: the next sign-in tries again.
  config.catch(() => {
    if (discovered.get(provider.id) === entry) discovered.delete(provider.id);
  });
  return config;
}

/** The provider's own sign-out address, when it has one (and can be reached now). */
export async function endSessionAddress(context: AppContext, provider: IdentityProvider): Promise<string | null> {
  try {
    const config = await configurationFor(provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, { client_id: provider.clientId, post_logout_redirect_uri: signOutReturnAddress(context.config.publicUrl) }).href;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Start and finish

async function refused(context: AppContext, reason: SignInRefusal, { providerId, userId, clear }: { providerId: number | null; userId?: number | null; clear?: string }) {
  await recordRefusedSignIn(context.db, { providerId, userId: userId ?? null, reason, at: context.clock.now() });
  context.log.info({ reason, providerId }, "sign-in with an organisation's account refused");
  return redirect(`/login?refused=${reason}`, clear ? { headers: { "Set-Cookie": clear } } : undefined);
}

/** Sends the browser to the provider: a pending sign-in kept here, bound to this browser by a cookie. */
export async function startProviderSignIn(context: AppContext, provider: IdentityProvider, redirectTo: string): Promise<Response> {
  if (!providerUsable(provider)) return await refused(context, "unavailable", { providerId: provider.id });
  let config: oidc.Configuration;
  try {
    config = await configurationFor(provider);
  } catch (error) {
    context.log.warn({ err: error, providerId: provider.id }, "sign-in service discovery failed");
    return await refused(context, "unavailable", { providerId: provider.id });
  }
  const token = newSecretToken();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await createPendingSignIn(context.db, {
    id: hashSecretToken(token),
    providerId: provider.id,
    state,
    nonce,
    codeVerifier,
    redirectTo: safeRedirectTo(redirectTo),
    at: context.clock.now(),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackAddress(context.config.publicUrl, provider.key),
    scope: SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return redirect(url.href, { headers: { "Set-Cookie": await pendingCookie(context).serialize(token) } });
}

/** The provider's answer, at the callback: checked, matched to an account (rule 20), and signed in, or refused. */
export async function finishProviderSignIn(context: AppContext, request: Request, key: string): Promise<Response> {
  const { db, clock } = context;
  const at = clock.now();
  const cookie = pendingCookie(context);
  const clear = await cookie.serialize("", { maxAge: 0 });
  const provider = await getProviderByKey(db, key);
  if (!provider) return await refused(context, "unavailable", { providerId: null, clear });
  const url = new URL(request.url);
  const token = await cookie.parse(request.headers.get("cookie"));
  // Taken (used up) whatever happens next: one answer per pending sign-in.
  const pending = typeof token === "string" && token ? await takePendingSignIn(db, { id: hashSecretToken(token), providerId: provider.id, at }) : null;
  // Unknown, used, expired, or from another browser (its state is not this browser's).
  if (!pending || url.searchParams.get("state") !== pending.state) return await refused(context, "expired", { providerId: provider.id, clear });
  if (url.searchParams.has("error")) return await refused(context, url.searchParams.get("error") === "access_denied" ? "cancelled" : "not_checked", { providerId: provider.id, clear });
  if (!providerUsable(provider)) return await refused(context, "unavailable", { providerId: provider.id, clear });

  let claims: oidc.IDToken | undefined;
  try {
    const config = await configurationFor(provider);
    // The address the provider sent the browser to, rebuilt from PUBLIC_URL (never the Host header).
    const currentUrl = new URL(`${callbackAddress(context.config.publicUrl, provider.key)}${url.search}`);
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    if (error instanceof ProviderUnavailable) return await refused(context, "unavailable", { providerId: provider.id, clear });
    context.log.warn({ problem: error instanceof Error ? `${error.name}: ${error.message}` : String(error), code: String((error as { code?: unknown })?.code ?? ""), providerId: provider.id }, "sign-in service answer refused");
    return await refused(context, "not_checked", { providerId: provider.id, clear });
  }
  if (!claims || typeof claims.sub !== "string" || !claims.sub) return await refused(context, "not_checked", { providerId: provider.id, clear });

  const answer = {
    subject: claims.sub,
    email: normaliseEmail(claims[provider.emailClaim]),
    emailVerified: typeof claims.email_verified === "boolean" ? claims.email_verified : null,
  };
  const match = matchAccount(provider, answer, await findCandidates(db, provider.id, answer));
  const ipAddress = context.clientAddress;
  if (!match.ok) {
    // Counted by the sign-in throttle, as a wrong password would be, against the account's email.
    const email = match.userId !== null ? ((await first(db.select({ email: users.email }).from(users).where(eq(users.id, match.userId)).limit(1)))?.email ?? null) : answer.email;
    if (email) await recordSignInAttempt(db, { email, ipAddress, at, succeeded: false });
    return await refused(context, match.reason, { providerId: provider.id, userId: match.userId, clear });
  }
  await rememberSubject(db, { userId: match.userId, providerId: provider.id, subject: answer.subject, at, isNew: match.rememberSubject });
  const user = (await first(db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, match.userId)).limit(1)))!;
  await recordSignInAttempt(db, { email: user.email, ipAddress, at, succeeded: true });
  const response = await finishSignIn(context, request, user, { method: { kind: "sso", identityProviderId: provider.id }, target: safeRedirectTo(pending.redirectTo) });
  response.headers.append("Set-Cookie", clear);
  return response;
}
