import type { LoaderFunctionArgs } from "@remix-run/node";
import { batchPdf, pdfResponse } from "~/services/agreement-pdf.server";
import { mayPrintAll } from "~/domain/agreement-actions";
import { requirePermission } from "~/web/session.server";

/**
 * Batch print as one file for one print job: a provider manager's every active agreement, by
 * person then reference, each starting on a new sheet with its own page numbers and status on the
 * day (docs/decisions/015-batch-print-as-one-pdf.md).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "sign", "agreement");
  if (!mayPrintAll(actor.role)) throw new Response("For provider managers", { status: 403 });
  const pdf = await batchPdf(context, { actor, providerName: actor.organisationName });
  return pdfResponse(pdf.bytes, { filename: pdf.filename, source: "rendered", download: true });
}
