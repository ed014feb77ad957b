/**
 * Which concerns an actor sees (docs/domain.md rule 15): a concern about an agreement is seen by
 * those who see the agreement, one about a worker by those who see the worker, and a care worker
 * sees only the concerns they recorded themselves.
 */
import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { agreements, agreementVersions, careWorkers, concerns } from "~db/tables";
import { agreementScope, EVERYTHING, NOTHING, workerScope } from "./scope.server";

/** The concerns an actor may see, as SQL for a WHERE on `concerns`. */
export function concernScope(actor: Actor): SQL {
  const aboutAgreement = sql`${concerns.agreementId} IN (SELECT ${agreements.id} FROM ${agreements} WHERE ${agreementScope(actor)})`;
  const aboutWorker = and(isNull(concerns.agreementId), sql`${concerns.workerId} IN (SELECT ${careWorkers.id} FROM ${careWorkers} WHERE ${workerScope(actor)})`)!;
  const inScope = or(aboutAgreement, aboutWorker)!;
  switch (actor.role) {
    case "admin":
      return EVERYTHING;
    case "care_worker":
      return actor.workerId ? and(eq(concerns.raisedBy, actor.userId), inScope)! : NOTHING;
    default:
      return inScope;
  }
}

/** Agreement versions that count for an agreement's tasks and named workers: the current one and the one in force. */
export function liveVersionIds(agreementId: number) {
  return sql`(SELECT ${agreementVersions.id} FROM ${agreementVersions} INNER JOIN ${agreements} ON ${agreements.id} = ${agreementVersions.agreementId} WHERE ${agreementVersions.agreementId} = ${agreementId} AND ${agreementVersions.version} IN (${agreements.currentVersion}, ${agreements.inForceVersion}))`;
}
