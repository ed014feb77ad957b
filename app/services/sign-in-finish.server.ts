import { redirect } from "@remix-run/node";
import { recordAudit } from "~/services/audit.server";
import type { AppContext } from "./context.server";
import { startSession } from "./session.server";

/**
 * How someone proved who they are: their password here (or a new one, from an invitation), or
 * their organisation's account (single sign-on), whose provider does any second step itself.
 */
export type SignInMethod = { kind: "password" } | { kind: "sso"; identityProviderId: number };

/**
 * Every sign-in ends here, once the first proof is accepted (a password, or a new password from
 * an invitation): the one place that decides whether more is needed before a session starts, then
 * audits the sign-in and starts the session. Returns the response to send.
 */
export async function finishSignIn(
  context: AppContext,
  request: Request,
  user: { id: number },
  options: { method: SignInMethod; target: string },
): Promise<Response> {
  recordAudit(context.db, { actorId: user.id, action: "user.sign_in", entityType: "user", entityId: user.id, at: context.clock.now() });
  const cookie = await startSession(context, request, user.id, options.method.kind === "sso" ? { identityProviderId: options.method.identityProviderId } : {});
  return redirect(options.target, { headers: { "Set-Cookie": cookie } });
}
