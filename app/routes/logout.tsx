import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/services/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const cookie = await endSession(context, request);
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}

/** Signing out changes state, so it is a POST; a GET lands on the home page. */
export function loader() {
  return redirect("/");
}
