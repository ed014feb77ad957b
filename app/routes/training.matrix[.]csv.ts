import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/csv";
import { cellText, filteredMatrix } from "~/models/matrix.server";
import { getSettings } from "~/models/settings.server";
import { matrixFilters } from "~/services/matrix-filters.server";
import { requirePermission } from "~/services/session.server";

/** The training matrix as CSV, with the same filters and scope as the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "worker");
  const today = context.clock.today();
  const m = filteredMatrix(context.db, { actor, filters: matrixFilters(request), today, warningDays: getSettings(context.db).competencyWarningDays });
  const rows = [
    ["Care worker", "Provider", ...m.tasks.map((t) => t.name)],
    ...m.workers.map((w) => [w.name, w.providerName, ...m.tasks.map((t) => m.cellsOf(w.id, t.id).map(cellText).join("; "))]),
  ];
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="training-matrix-${today}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
