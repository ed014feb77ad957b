import type { Actor } from "~/domain/actor";
import { needsAction } from "~/models/home.server";
import { getSettings } from "~/models/settings.server";
import { actorKey, derivedUntilChange } from "~/models/transaction.server";
import type { AppContext } from "~/web/context.server";

/** Each user's list for the day, kept until anything is written: every page's header counts it. */
const actionsOf = derivedUntilChange<Awaited<ReturnType<typeof needsAction>>>();

/**
 * What waits for the signed-in user, worked out once per request: the header's count (root
 * loader) and the home page's list read the same answer. Between writes it is read from memory
 * (derivedUntilChange), so the header costs every page next to nothing.
 */
export function needsActionFor(context: AppContext, actor: Actor) {
  const today = context.clock.today();
  context.needsActionLookup ??= getSettings(context.db).then((settings) =>
    actionsOf(context.db, `${actorKey(actor)}|${today}|${JSON.stringify(settings)}`, () => needsAction(context.db, { actor, today, settings })),
  );
  return context.needsActionLookup;
}
