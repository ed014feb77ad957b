import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { PROVIDER_KEY } from "~/domain/single-sign-on";
import { getProviderByKey } from "~/models/identity-providers.server";
import { getActor } from "~/web/session.server";
import { endSessionAddress } from "~/services/single-sign-on.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("You have signed out", matches);

/**
 * After signing out of a session that began with an organisation's account: that account is
 * still signed in at its own service, so its sign-out is offered. Anything not a known provider
 * with a sign-out of its own goes to the sign-in page.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getActor(context, request)) throw redirect("/");
  const key = new URL(request.url).searchParams.get("from") ?? "";
  const provider = key.length <= 30 && PROVIDER_KEY.test(key) ? await getProviderByKey(context.db, key) : null;
  const address = provider ? await endSessionAddress(context, provider) : null;
  if (!provider || !address) throw redirect("/login");
  return { providerName: provider.name, address };
}

export default function SignedOut() {
  const { providerName, address } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="You have signed out of Delegated Care">
          <p>You are still signed in to your organisation's account, {providerName}. Anyone using this computer after you could sign in to Delegated Care with it.</p>
        </PageHeading>
        <p>
          <a className="nhsuk-button" href={address}>
            Sign out of {providerName} too
          </a>
        </p>
        <p>
          If this is your own computer and you use {providerName} for other services, you can stay signed in to it. <Link to="/login">Sign in to Delegated Care again</Link>
        </p>
      </div>
    </div>
  );
}
