import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { sessionProvider } from "~/models/identity-providers.server";
import { currentSessionId, endSession } from "~/web/session.server";
import { endSessionAddress } from "~/services/single-sign-on.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const sessionId = await currentSessionId(context, request);
  // Signed in with an organisation's account whose service has its own sign-out: offered on the next page.
  const provider = sessionId ? await sessionProvider(context.db, sessionId) : null;
  const cookie = await endSession(context, request);
  const offersSignOut = provider ? (await endSessionAddress(context, provider)) !== null : false;
  return redirect(provider && offersSignOut ? `/signed-out?from=${provider.key}` : "/login", { headers: { "Set-Cookie": cookie } });
}

/** Signing out changes state, so it is a POST; a GET lands on the home page. */
export function loader() {
  return redirect("/");
}
