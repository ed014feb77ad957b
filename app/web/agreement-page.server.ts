import type { LoaderFunctionArgs } from "@remix-run/node";
import type { Actor } from "~/domain/actor";
import { mayManageAgreements } from "~/domain/agreement-actions";
import { getAgreement } from "~/models/agreement-view.server";
import { getSettings } from "~/models/settings.server";
import type { AppContext } from "~/web/context.server";
import { notFound, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";

/** Loads an agreement in the actor's scope (404 otherwise), with today's settings. */
export async function loadAgreementPage(
  { request, params, context }: Pick<LoaderFunctionArgs, "request" | "params" | "context">,
  { version }: { version?: number } = {},
) {
  const actor = await requirePermission(context, request, "read", "agreement");
  const settings = await getSettings(context.db);
  const view = await getAgreement(context.db, {
    actor,
    id: requireId(params.id),
    version,
    today: context.clock.today(),
    at: context.clock.now(),
    reviewDueDays: settings.reviewDueDays,
    warningDays: settings.competencyWarningDays,
  });
  if (!view) throw notFound();
  return { actor, settings, view };
}

/** Only a nurse acts on agreements (create, change, consent, send, review, suspend, end). */
export function requireNurseOf(actor: Actor) {
  if (!mayManageAgreements(actor.role)) throw new Response("Only a nurse can do this", { status: 403 });
}

export async function agreementClock(context: AppContext) {
  const settings = await getSettings(context.db);
  return { today: context.clock.today(), at: context.clock.now(), warningDays: settings.competencyWarningDays };
}
