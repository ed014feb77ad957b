import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getProviderByKey } from "~/models/identity-providers.server";
import { formValues } from "~/web/forms.server";
import { startProviderSignIn } from "~/services/single-sign-on.server";
import { StartSchema } from "~/forms/sign-in.server";

/** The "Sign in with …" buttons on /login post here (a form of their own each): the browser goes on to the organisation's sign-in service. */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = StartSchema.safeParse(formValues(await request.formData()));
  const provider = parsed.success ? await getProviderByKey(context.db, parsed.data.provider) : null;
  // Only buttons the sign-in page drew post here: anything else goes back to it, with nothing written.
  if (!parsed.success || !provider) return redirect("/login");
  return startProviderSignIn(context, provider, parsed.data.redirectTo ?? "/");
}

/** Starting a sign-in is a POST from the sign-in page; a GET goes there. */
export function loader() {
  return redirect("/login");
}
