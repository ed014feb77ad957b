import type { Actor } from "~/domain/actor";
import { agreementPdfData, getStoredPdf, storePdf } from "~/models/agreement-pdf.server";
import { getSettings } from "~/models/settings.server";
import type { AppContext } from "./context.server";

/**
 * The agreement's PDF: a fully signed version is rendered once and its bytes kept (they can
 * never change); drafts and unsigned versions are rendered fresh each time.
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
  if (built.storable && built.contentHash) {
    const stored = getStoredPdf(context.db, built.contentHash);
    if (stored) return { bytes: stored, source: "stored" as const, filename };
    const bytes = await context.pdf.render({ kind: "agreement", data: built.data });
    storePdf(context.db, { contentHash: built.contentHash, versionId: built.versionId, bytes });
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
