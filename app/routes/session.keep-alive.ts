import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/web/session.server";

/**
 * "Stay signed in", and typing in a form (app/components/SessionTimeout.tsx): reading the session
 * marks it used. A session that has already ended answers with the redirect to sign in.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  await requireActor(context, request);
  return Response.json({ alive: true });
}
