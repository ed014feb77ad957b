import type { LoaderFunctionArgs } from "@remix-run/node";
import { alertsCsvRows } from "~/domain/alerts-csv";
import { toCsv } from "~/domain/csv";
import { listAlertsCached } from "~/models/alerts.server";
import { getSettings } from "~/models/settings.server";
import { alertFilters, applyAlertFilters } from "~/web/alert-filters.server";
import { requirePermission } from "~/web/session.server";

/** The filtered alert list as CSV, same scope and filters as /alerts. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "alert");
  const today = context.clock.today();
  const alerts = applyAlertFilters(await listAlertsCached(context.db, { actor, today, settings: await getSettings(context.db) }), alertFilters(request));
  return new Response(toCsv(alertsCsvRows(alerts)), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="alerts-${today}.csv"`, "Cache-Control": "no-store" },
  });
}
