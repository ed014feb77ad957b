import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/ComingSoon";
import { pageTitle } from "~/content/titles";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Delegation agreements", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "read", "agreement");
  return null;
}

export default function Page() {
  return (
    <ComingSoon title="Delegation agreements">
      <p>Nurses will create delegation agreements here: the person's consent, the tasks and their limits, the named care workers, and signatures from every party.</p>
    </ComingSoon>
  );
}
