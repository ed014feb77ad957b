/**
 * docs/domain.md rule 5, the follow-up: after any change to a worker's competency (or the
 * worker leaving or rejoining), re-evaluate activation and the interlock for every agreement
 * that names them, inside the caller's transaction.
 */
import { and, eq, ne, or } from "drizzle-orm";
import { followUpFor } from "~/domain/competency-follow-up";
import { londonDate } from "~/domain/dates";
import type { Db } from "~db/client";
import { agreements, agreementVersions, agreementWorkers } from "~db/schema";
import { enforceInterlock } from "./agreement-cover.server";
import { tryActivate } from "./agreement-signing.server";
import { getSettings } from "./settings.server";

/** Returns what happened: the agreements activated and those the interlock suspended. */
export function followUpCompetencyChange(db: Db, { workerId, at }: { workerId: number; at: Date }): { activated: number[]; suspended: number[] } {
  const today = londonDate(at);
  const warningDays = getSettings(db).competencyWarningDays;
  const named = db
    .select({ id: agreements.id, state: agreements.state, currentVersion: agreements.currentVersion })
    .from(agreementWorkers)
    .innerJoin(agreementVersions, eq(agreementVersions.id, agreementWorkers.versionId))
    .innerJoin(
      agreements,
      and(
        eq(agreements.id, agreementVersions.agreementId),
        or(eq(agreementVersions.version, agreements.currentVersion), eq(agreementVersions.version, agreements.inForceVersion)),
      ),
    )
    .where(and(eq(agreementWorkers.workerId, workerId), ne(agreements.state, "ended")))
    .all();
  const ids = [...new Set(named.map((a) => a.id))];
  const activated: number[] = [];
  const check: number[] = [];
  for (const id of ids) {
    const a = named.find((n) => n.id === id)!;
    const current = db
      .select({ state: agreementVersions.state })
      .from(agreementVersions)
      .where(and(eq(agreementVersions.agreementId, id), eq(agreementVersions.version, a.currentVersion)))
      .get()!;
    for (const step of followUpFor({ state: a.state, currentVersionState: current.state })) {
      if (step === "try_activation" && tryActivate(db, { agreementId: id, today, at, warningDays })) activated.push(id);
      if (step === "enforce_interlock") check.push(id);
    }
  }
  const suspended = enforceInterlock(db, { today, at, warningDays, ids: check });
  return { activated, suspended };
}
