import { redirect } from "@remix-run/node";
import { secondStepNeeded, PENDING_SIGN_IN_MINUTES } from "~/domain/two-factor";
import { getSettings } from "~/models/settings.server";
import { findPendingSignIn, pendingTarget, startPendingSignIn, usePendingSignIn, type PendingSignIn } from "~/models/sign-in.server";
import { hasTwoFactor } from "~/models/two-factor.server";
import { loadActor } from "~/models/users.server";
import { recordAudit } from "~/models/audit-log.server";
import type { AppContext } from "~/web/context.server";
import { serviceCookie, startSession } from "~/web/session.server";
import { twoFactorKey } from "~/services/two-factor-secret.server";

/**
 * How someone proved who they are: their password here (or a new one, from an invitation), or
 * their organisation's account (single sign-on), whose provider does any second step itself.
 */
export type SignInMethod = { kind: "password" } | { kind: "sso"; identityProviderId: number };

/** The short-lived cookie that ties a sign-in waiting for its second step to this browser (named on /cookies). */
export const PENDING_COOKIE_NAME = "dc_sign_in";

function pendingCookie(context: AppContext) {
  return serviceCookie(context, PENDING_COOKIE_NAME, PENDING_SIGN_IN_MINUTES * 60);
}

/**
 * Every sign-in ends here, once the first proof is accepted (a password, or a new password from
 * an invitation): the one place that decides whether more is needed before a session starts
 * (docs/domain.md rule 21), then audits the sign-in and starts the session. Returns the response.
 */
export async function finishSignIn(
  context: AppContext,
  request: Request,
  user: { id: number },
  options: { method: SignInMethod; target: string },
): Promise<Response> {
  const { db, clock } = context;
  const actor = await loadActor(db, user.id);
  const step = actor
    ? secondStepNeeded({ method: options.method.kind, role: actor.role, hasTwoFactor: await hasTwoFactor(db, user.id), requiredRoles: (await getSettings(db)).twoFactorRequiredRoles })
    : "none";
  if (step !== "none") {
    // No session yet: the sign-in waits, server-side, for its code or set-up, bound to this browser.
    const token = await startPendingSignIn(db, { userId: user.id, stage: step, target: options.target, at: clock.now() });
    const cookie = await pendingCookie(context).serialize(token);
    return redirect(step === "code" ? "/login/code" : "/login/set-up", { headers: { "Set-Cookie": cookie } });
  }
  return startSignedInSession(context, request, user.id, options.target, {}, options.method.kind === "sso" ? options.method.identityProviderId : null);
}

async function startSignedInSession(
  context: AppContext,
  request: Request,
  userId: number,
  target: string,
  headers: Record<string, string>,
  identityProviderId: number | null = null,
) {
  await recordAudit(context.db, { actorId: userId, action: "user.sign_in", entityType: "user", entityId: userId, at: context.clock.now() });
  const cookie = await startSession(context, request, userId, { identityProviderId });
  const response = redirect(target, { headers });
  response.headers.append("Set-Cookie", cookie);
  return response;
}

async function pendingToken(context: AppContext, request: Request): Promise<string | null> {
  const value = await pendingCookie(context).parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length > 0 && value.length < 100 ? value : null;
}

/**
 * The sign-in this browser is finishing, at the stage the page is for; otherwise a redirect to
 * sign in (expired, used, another stage, or no such sign-in), which clears the cookie. A sign-in
 * already finished by this browser (a second press of the button) goes back to sign in with where
 * it was going, so a browser that did get its session carries on.
 */
export async function requirePendingSignIn(context: AppContext, request: Request, stage: PendingSignIn["stage"]): Promise<PendingSignIn> {
  const token = await pendingToken(context, request);
  const pending = token ? await findPendingSignIn(context.db, { token, at: context.clock.now() }) : null;
  if (pending && pending.stage === stage) return pending;
  const target = token ? await pendingTarget(context.db, token) : null;
  const clear = await pendingCookie(context).serialize("", { maxAge: 0 });
  // A sign-in this browser started but can no longer finish (too late, or used) is told why.
  const query = new URLSearchParams({ ...(target && target !== "/" ? { redirectTo: target } : {}), ...(token ? { reason: "unfinished" } : {}) }).toString();
  throw redirect(query ? `/login?${query}` : "/login", { headers: { "Set-Cookie": clear } });
}

/**
 * Finishes a pending sign-in after its second step: used once (a second request is sent to sign
 * in), audited, and the session started; the pending cookie is cleared.
 */
export async function completePendingSignIn(context: AppContext, request: Request, pending: PendingSignIn, target = pending.target): Promise<Response> {
  // Used before anything is awaited: a second press of the button finds it used and goes to sign in.
  const used = await usePendingSignIn(context.db, { id: pending.id, at: context.clock.now() });
  const clear = await pendingCookie(context).serialize("", { maxAge: 0 });
  if (!used) throw redirect("/login", { headers: { "Set-Cookie": clear } });
  return startSignedInSession(context, request, pending.userId, target, { "Set-Cookie": clear });
}

/** Starts the session for a pending sign-in whose set-up page shows recovery codes next (the page itself, not a redirect). */
export async function completePendingSignInCookies(context: AppContext, request: Request, pending: PendingSignIn): Promise<string[] | null> {
  if (!await usePendingSignIn(context.db, { id: pending.id, at: context.clock.now() })) return null;
  await recordAudit(context.db, { actorId: pending.userId, action: "user.sign_in", entityType: "user", entityId: pending.userId, at: context.clock.now() });
  const session = await startSession(context, request, pending.userId);
  return [await pendingCookie(context).serialize("", { maxAge: 0 }), session];
}

export function contextTwoFactorKey(context: AppContext) {
  return twoFactorKey(context.config.sessionSecret);
}
