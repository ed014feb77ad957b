import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireId } from "~/services/params.server";
import { requirePermission } from "~/services/session.server";

/** No agreements can be created yet, so every id is unknown. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "read", "agreement");
  requireId(params.id);
  throw notFound();
}

/** Never rendered (the loader always answers 404); makes this a page, so the 404 is the NHS page. */
export default function Unreachable() {
  return null;
}
