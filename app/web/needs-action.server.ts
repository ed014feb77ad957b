import type { Actor } from "~/domain/actor";
import { needsAction } from "~/models/home.server";
import { getSettings } from "~/models/settings.server";
import type { AppContext } from "~/web/context.server";

/**
 * What waits for the signed-in user, worked out once per request: the header's count (root
 * loader) and the home page's list read the same answer.
 */
export function needsActionFor(context: AppContext, actor: Actor) {
  context.needsActionLookup ??= getSettings(context.db).then((settings) => needsAction(context.db, { actor, today: context.clock.today(), settings }));
  return context.needsActionLookup;
}
