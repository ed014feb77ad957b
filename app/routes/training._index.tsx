import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/ComingSoon";
import { pageTitle } from "~/content/titles";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Training and supervised practice", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "read", "training");
  return null;
}

export default function Page() {
  return (
    <ComingSoon title="Training and supervised practice">
      <p>Facilitators and nurses will record training sessions, prerequisites such as the national insulin e-learning, supervised observations and competency sign-off here.</p>
    </ComingSoon>
  );
}
