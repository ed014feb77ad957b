import type { LoaderFunctionArgs } from "@remix-run/node";
import { printPassport } from "~/models/passport-pdf.server";
import { getSettings } from "~/models/settings.server";
import { pdfResponse } from "~/services/agreement-pdf.server";
import { found, requireId } from "~/web/not-found.server";
import { requireActor } from "~/web/session.server";

/**
 * The worker's skills passport as a PDF: for those who may see the worker, and the worker
 * themselves. Each printout is recorded with its own verification code (checked at /verify).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  const data = found(await printPassport(context.db, {
    actor,
    workerId: requireId(params.id),
    today: context.clock.today(),
    at: context.clock.now(),
    warningDays: (await getSettings(context.db)).competencyWarningDays,
    publicUrl: context.config.publicUrl,
  }));
  const bytes = await context.pdf.render({ kind: "passport", data });
  return pdfResponse(bytes, { filename: `skills-passport-${data.workerName.replace(/[^A-Za-z0-9]+/g, "-")}.pdf`, source: "rendered" });
}
