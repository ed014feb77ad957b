import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { agreementPdf, pdfResponse } from "~/services/agreement-pdf.server";
import { notFound, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";

/** The printed agreement: the current version, or `?version=N`. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "agreement");
  const version = z.coerce.number().int().positive().optional().catch(undefined).parse(new URL(request.url).searchParams.get("version") ?? undefined);
  const pdf = await agreementPdf(context, { actor, id: requireId(params.id), version });
  if (!pdf) throw notFound();
  return pdfResponse(pdf.bytes, pdf);
}
