import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { PROVIDER_KEY } from "~/domain/single-sign-on";
import { finishProviderSignIn } from "~/services/single-sign-on.server";

/**
 * Where an organisation's sign-in service sends the browser back (the address registered with
 * it): signs in, or lands on /login with why not (app/services/single-sign-on.server.ts).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const key = params.key ?? "";
  if (key.length > 30 || !PROVIDER_KEY.test(key)) return redirect("/login?refused=unavailable");
  return finishProviderSignIn(context, request, key);
}
