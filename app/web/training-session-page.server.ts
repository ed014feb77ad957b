import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTrainingSession } from "~/models/training.server";
import { found, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";

/** A training session its trainer may change (cancel, edit, record attendance): in the actor's scope, or the 404 page. */
export async function loadSessionToManage({ request, params, context }: Pick<LoaderFunctionArgs, "request" | "params" | "context">) {
  const actor = await requirePermission(context, request, "manage", "training");
  const training = found(await getTrainingSession(context.db, { actor, id: requireId(params.id) }));
  return { actor, training };
}
