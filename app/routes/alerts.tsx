import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/ComingSoon";
import { pageTitle } from "~/content/titles";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Alerts", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "read", "alert");
  return null;
}

export default function Page() {
  return (
    <ComingSoon title="Alerts">
      <p>Alerts for expiring competencies, agreements due for review and agreements without a competent worker will be listed here.</p>
    </ComingSoon>
  );
}
