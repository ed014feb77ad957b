import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/csv";
import { matrixCsvRows } from "~/domain/matrix";
import { filteredMatrix } from "~/models/matrix.server";
import { getSettings } from "~/models/settings.server";
import { matrixFilters } from "~/web/matrix-filters.server";
import { requirePermission } from "~/web/session.server";

/** The training matrix as CSV, with the same filters and scope as the page (every page of it). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "worker");
  const today = context.clock.today();
  const m = await filteredMatrix(context.db, { actor, filters: matrixFilters(request), today, warningDays: (await getSettings(context.db)).competencyWarningDays });
  // The plain name and the staff number in columns of their own (decision record 018).
  const workers = m.workers.map((w) => ({ id: w.id, name: w.plainName, staffNumber: w.staffNumberAsEntered, providerName: w.providerName }));
  return new Response(toCsv(matrixCsvRows({ workers, tasks: m.tasks, cellsOf: m.cellsOf, trainingOf: m.trainingOf })), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="training-matrix-${today}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
