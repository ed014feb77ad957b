import type { LoaderFunctionArgs } from "@remix-run/node";
import { listAgreements } from "~/models/agreements.server";
import { getSettings } from "~/models/settings.server";
import { agreementPdf } from "~/services/agreement-pdf.server";
import { requirePermission } from "~/services/session.server";
import { zipStore } from "~/services/zip.server";

/**
 * Batch print for a provider manager: every active agreement of their provider, the version
 * in force of each, as one zip of PDFs (docs/decisions/010-batch-print-as-zip.md).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "sign", "agreement");
  if (actor.role !== "provider_manager") throw new Response("For provider managers", { status: 403 });
  const settings = getSettings(context.db);
  const today = context.clock.today();
  const active = listAgreements(context.db, {
    actor,
    filters: {},
    today,
    at: context.clock.now(),
    reviewDueDays: settings.reviewDueDays,
    warningDays: settings.competencyWarningDays,
  }).filter((a) => a.state === "active");
  const files = [];
  for (const a of active) {
    const pdf = await agreementPdf(context, { actor, id: a.id, version: a.inForceVersion ?? undefined });
    if (pdf) files.push({ name: pdf.filename, bytes: pdf.bytes, modified: context.clock.now() });
  }
  return new Response(new Uint8Array(zipStore(files)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="active-agreements-${today}.zip"`,
      "Cache-Control": "no-store",
    },
  });
}
