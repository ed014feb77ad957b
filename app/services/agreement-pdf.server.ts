import type { Actor } from "~/domain/actor";
import { agreementStatusLabel } from "~/domain/agreement";
import { formatDate } from "~/domain/dates";
import { listAgreements } from "~/models/agreements.server";
import { BATCH_ORDER } from "~/content/agreements";
import { agreementPdfData, getStoredPdf, storePdf } from "~/models/agreement-pdf.server";
import { getSettings } from "~/models/settings.server";
import type { AgreementPdfData } from "~/pdf/types";
import type { AppContext } from "~/web/context.server";

/**
 * The agreement's PDF, stating its status on the day it is printed. A fully signed version's
 * latest printout is kept and served again while nothing on it would change (the same status,
 * print day and competencies); otherwise it is rendered afresh
 * (docs/decisions/012-printout-status-at-print-time.md).
 */
export async function agreementPdf(context: AppContext, { actor, id, version }: { actor: Actor; id: number; version?: number }) {
  const settings = await getSettings(context.db);
  const built = await agreementPdfData(context.db, {
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
    const stored = await getStoredPdf(context.db, built);
    if (stored) return { bytes: stored, source: "stored" as const, filename };
    const bytes = await context.pdf.render({ kind: "agreement", data: built.data });
    await storePdf(context.db, { versionId: built.versionId, printKey: built.printKey, printedOn: context.clock.today(), bytes });
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


/**
 * Every active agreement of the provider manager's provider (in force, review due or overdue,
 * or signed and not yet in force), by person then reference: what batch printing prints, as a
 * zip or one PDF. No limit on the list: a batch that silently left agreements out would be
 * filed as complete (hazard H44).
 */
export async function agreementsToPrint(context: AppContext, actor: Actor) {
  const settings = await getSettings(context.db);
  return (await listAgreements(context.db, {
    actor,
    filters: {},
    today: context.clock.today(),
    at: context.clock.now(),
    reviewDueDays: settings.reviewDueDays,
    warningDays: settings.competencyWarningDays,
  }))
    .filter((a) => a.state === "active")
    .sort((a, b) => a.personName.localeCompare(b.personName, "en-GB") || a.reference.localeCompare(b.reference));
}

/**
 * One PDF of every agreement to print: each as its version in force would print on its own
 * (agreementPdfData), so every agreement carries its own page numbers, code and status on the day.
 */
export async function batchPdf(context: AppContext, { actor, providerName }: { actor: Actor; providerName: string }) {
  const settings = await getSettings(context.db);
  const today = context.clock.today();
  const agreements: { printout: AgreementPdfData; statusOnTheDay: string }[] = [];
  for (const a of await agreementsToPrint(context, actor)) {
    const built = await agreementPdfData(context.db, {
      actor,
      id: a.id,
      version: a.inForceVersion ?? undefined,
      today,
      at: context.clock.now(),
      publicUrl: context.config.publicUrl,
      reviewDueDays: settings.reviewDueDays,
      warningDays: settings.competencyWarningDays,
    });
    // Listed in scope a moment ago, in the same request: missing now means something is wrong.
    if (!built) throw new Error(`Agreement ${a.reference} could not be printed in the batch`);
    agreements.push({ printout: built.data, statusOnTheDay: agreementStatusLabel(a.status, a.startDate) });
  }
  const bytes = await context.pdf.render({ kind: "agreements", data: { providerName, printedOn: formatDate(today), order: BATCH_ORDER, agreements } });
  return { bytes, count: agreements.length, filename: `active-agreements-${today}.pdf` };
}
