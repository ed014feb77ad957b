import type { LoaderFunctionArgs } from "@remix-run/node";
import { agreementPdf, agreementsToPrint } from "~/services/agreement-pdf.server";
import { mayPrintAll } from "~/domain/agreement-actions";
import { requirePermission } from "~/web/session.server";
import { zipStore } from "~/services/zip.server";

/**
 * Batch print for a provider manager: every active agreement of their provider, the version
 * in force of each, as one zip of PDFs (docs/decisions/010-batch-print-as-zip.md); the same
 * agreements as one PDF are at /agreements/print-all.pdf (decision 015).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "sign", "agreement");
  if (!mayPrintAll(actor.role)) throw new Response("For provider managers", { status: 403 });
  const today = context.clock.today();
  const files = [];
  for (const a of await agreementsToPrint(context, actor)) {
    const pdf = await agreementPdf(context, { actor, id: a.id, version: a.inForceVersion ?? undefined });
    // Never a zip that silently lacks one (hazard H44).
    if (!pdf) throw new Error(`Agreement ${a.reference} could not be printed in the batch`);
    files.push({ name: pdf.filename, bytes: pdf.bytes, modified: context.clock.now() });
  }
  return new Response(new Uint8Array(zipStore(files)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="active-agreements-${today}.zip"`,
      "Cache-Control": "no-store",
    },
  });
}
