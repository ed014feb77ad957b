import type { LoaderFunctionArgs } from "@remix-run/node";
import { phraseText } from "~/content/audit-events";
import { toCsv } from "~/domain/csv";
import { formatDateTime } from "~/domain/dates";
import { auditEventBatches, findAgreementIdByReference, type AuditQuery } from "~/models/audit.server";
import { type DescribedAuditEvent } from "~/models/audit-descriptions.server";
import { auditFilters } from "~/web/audit-filters.server";
import { requirePermission } from "~/web/session.server";

const HEADER = ["When", "Who", "Role", "Organisation", "What happened", "Record type", "Record", "Details"];

/** One event as a CSV row: the same words as the page; people receiving care by initials. */
function row(e: DescribedAuditEvent): string[] {
  return [
    formatDateTime(e.at),
    e.who.name,
    e.who.role ?? "",
    e.who.organisation ?? "",
    phraseText(e.description, { csv: true }),
    e.recordType,
    e.record ? phraseText([e.record], { csv: true }) : "",
    e.details.map((d) => `${d.label}: ${phraseText(d.value, { csv: true })}`).join("; "),
  ];
}

/**
 * The audit trail for an auditor, with the filters of /admin/audit, streamed a batch at a time
 * so a long trail is never held in memory at once.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "read", "audit");
  const today = context.clock.today();
  const form = auditFilters(new URL(request.url), today);
  const query: AuditQuery = { ...form.query };
  const agreementId = form.reference ? await findAgreementIdByReference(context.db, form.reference) : null;
  if (form.reference && agreementId === null) form.errors.push({ field: "reference", message: "No agreement has that reference", href: "#reference" });
  if (agreementId !== null) Object.assign(query, { type: "agreement", recordId: String(agreementId) });
  if (form.errors.length) {
    return new Response(`The audit trail could not be downloaded: ${form.errors.map((e) => e.message).join(". ")}. Go back to the audit trail and change the filters.`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const batches = auditEventBatches(context.db, query);
  const encoder = new TextEncoder();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (first) {
        first = false;
        controller.enqueue(encoder.encode(toCsv([HEADER])));
      }
      if (next.done) {
        controller.close();
        return;
      }
      // toCsv starts with a byte order mark: only the first chunk keeps it.
      controller.enqueue(encoder.encode(toCsv(next.value.map(row)).replace(/^\uFEFF/, "")));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-trail-${today}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
