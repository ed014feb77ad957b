import type { Actor } from "~/domain/actor";
import { agreementPdfData, getStoredPdf, storePdf } from "~/models/agreement-pdf.server";
import { getSettings } from "~/models/settings.server";
import type { AppContext } from "./context.server";

/**
 * The agreement's PDF, stating its status on the day it is printed. A fully signed version's
 * latest printout is kept and served again while nothing on it would change (the same status,
 * print day and competencies); otherwise it is rendered afresh
 * (docs/decisions/012-printout-status-at-print-time.md).
 */
export async function agreementPdf(context: AppContext, { actor, id, version }: { actor: Actor; id: number; version?: number }) {
  const settings = getSettings(context.db);
  const built = agreementPdfData(context.db, {
    actor,
    id,
    version,
    today: context.clock.today(),
    at: context.clock.now(),
    publicUrl: context.config.publicUrl,
    reviewDueDays: settings.reviewDueDays,
    warningDays: settings.competencyWarningDays,
  });
  if (!built) return null;
  const filename = `${built.reference}-version-${built.version}.pdf`;
  if (built.storable) {
    const stored = getStoredPdf(context.db, built);
    if (stored) return { bytes: stored, source: "stored" as const, filename };
    const bytes = await context.pdf.render({ kind: "agreement", data: built.data });
    storePdf(context.db, { versionId: built.versionId, printKey: built.printKey, printedOn: context.clock.today(), bytes });
    return { bytes, source: "rendered" as const, filename };
  }
  return { bytes: await context.pdf.render({ kind: "agreement", data: built.data }), source: "rendered" as const, filename };
}

export function pdfResponse(bytes: Uint8Array, { filename, source, download = false }: { filename: string; source: string; download?: boolean }) {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Pdf-Source": source,
    },
  });
}
