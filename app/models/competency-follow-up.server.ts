import { first } from "./transaction.server";
/**
 * docs/domain.md rule 5, the follow-up: after any change to a worker's competency (or the
 * worker leaving or rejoining), re-evaluate activation and the interlock for every agreement
 * that names them, inside the caller's transaction.
 */
import { and, eq, inArray, ne, or, type SQL } from "drizzle-orm";
import { followUpFor } from "~/domain/competency-follow-up";
import { formatDate, londonDate } from "~/domain/dates";
import type { Db } from "~db/client";
import { initials } from "~/domain/names";
import { agreements, agreementTasks, agreementVersions, agreementWorkers, people } from "~db/tables";
import { enforceInterlock, tellDelegatorAndProvider } from "./agreement-cover.server";
import { tryActivate } from "./agreement-signing.server";
import { getSettings } from "./settings.server";

/** Returns what happened: the agreements activated and those the interlock suspended. */
export async function followUpCompetencyChange(db: Db, { workerId, at }: { workerId: number; at: Date }): Promise<{ activated: number[]; suspended: number[] }> {
  const today = londonDate(at);
  const warningDays = (await getSettings(db)).competencyWarningDays;
  const named = await db
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
    .where(and(eq(agreementWorkers.workerId, workerId), ne(agreements.state, "ended")));
  const ids = [...new Set(named.map((a) => a.id))];
  const activated: number[] = [];
  const check: number[] = [];
  for (const id of ids) {
    const a = named.find((n) => n.id === id)!;
    const current = (await first(db
      .select({ state: agreementVersions.state })
      .from(agreementVersions)
      .where(and(eq(agreementVersions.agreementId, id), eq(agreementVersions.version, a.currentVersion))).limit(1)))!;
    for (const step of followUpFor({ state: a.state, currentVersionState: current.state })) {
      if (step === "try_activation" && await tryActivate(db, { agreementId: id, today, at, warningDays })) activated.push(id);
      if (step === "enforce_interlock") check.push(id);
    }
  }
  const suspended = await enforceInterlock(db, { today, at, warningDays, ids: check });
  return { activated, suspended };
}

/**
 * Live agreements (active or suspended) whose version in force names this worker for this task
 * (for this person, for a person-specific competency); `scope` limits them to what a user may see.
 */
export async function liveAgreementsNamingFor(
  db: Db,
  { workerId, taskId, personId, scope }: { workerId: number; taskId: number; personId: number | null; scope?: SQL },
) {
  return await db
    .select({ agreement: agreements, personName: people.name })
    .from(agreements)
    .innerJoin(people, eq(people.id, agreements.personId))
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.inForceVersion)))
    .innerJoin(agreementWorkers, and(eq(agreementWorkers.versionId, agreementVersions.id), eq(agreementWorkers.workerId, workerId)))
    .innerJoin(agreementTasks, and(eq(agreementTasks.versionId, agreementVersions.id), eq(agreementTasks.taskId, taskId)))
    .where(and(inArray(agreements.state, ["active", "suspended"]), personId ? eq(agreements.personId, personId) : undefined, scope))
    .orderBy(agreements.reference);
}

/**
 * docs/domain.md rule 12: a worker who declines a task they are named for on a live agreement
 * must not carry it out; the delegating nurse and the provider's managers are told at once.
 */
export async function tellOfDecline(
  db: Db,
  { competency, workerName, taskName, reason, at }: { competency: { id: number; workerId: number; taskId: number; personId: number | null }; workerName: string; taskName: string; reason: string; at: Date },
) {
  for (const { agreement, personName } of await liveAgreementsNamingFor(db, competency)) {
    await tellDelegatorAndProvider(db, {
      agreement,
      subject: `${workerName} declined ${taskName} on agreement ${agreement.reference}`,
      body: `${workerName} declined ${taskName} on ${formatDate(londonDate(at))} and is named for it on agreement ${agreement.reference} (${initials(personName)}).\n\nTheir reason: ${reason}\n\nThey must not carry out this task. Amend the agreement or name another competent care worker.`,
      key: `decline:${competency.id}:${agreement.id}:${at.toISOString()}`,
      at,
      kind: "task_declined",
    });
  }
}
