import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/ComingSoon";
import { pageTitle } from "~/content/titles";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Create a delegation agreement", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage", "agreement");
  return null;
}

export default function Page() {
  return (
    <ComingSoon title="Create a delegation agreement">
      <p>Creating agreements comes with the agreements feature.</p>
    </ComingSoon>
  );
}
