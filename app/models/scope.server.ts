import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { agreements, agreementVersions, agreementWorkers, careWorkers, competencies, organisations, people, teamProviders } from "~db/tables";

/**
 * Scope as SQL: which rows an actor may see, for use in every model's WHERE.
 * An empty scope is `false`, never "no condition".
 */

/** A condition no row meets, and one every row meets: TRUE/FALSE read the same on SQLite and PostgreSQL (a bare 0 or 1 is not a condition on PostgreSQL). */
export const NOTHING = sql`FALSE`;
export const EVERYTHING = sql`TRUE`;

/** Providers linked to the actor's NHS teams. */
function linkedProviderIds(teamIds: number[]) {
  return sql`(SELECT ${teamProviders.providerId} FROM ${teamProviders} WHERE ${inArray(teamProviders.teamId, teamIds)})`;
}

export function workerScope(actor: Actor): SQL {
  switch (actor.role) {
    case "admin":
      return EVERYTHING;
    case "provider_manager":
      return actor.organisationId ? eq(careWorkers.providerId, actor.organisationId) : NOTHING;
    case "care_worker":
      return actor.workerId ? eq(careWorkers.id, actor.workerId) : NOTHING;
    case "nurse":
    case "facilitator":
      return actor.teamIds.length ? sql`${careWorkers.providerId} IN ${linkedProviderIds(actor.teamIds)}` : NOTHING;
  }
}

export function personScope(actor: Actor): SQL {
  switch (actor.role) {
    case "admin":
      return EVERYTHING;
    case "provider_manager":
      return actor.organisationId ? eq(people.providerId, actor.organisationId) : NOTHING;
    case "nurse":
    case "facilitator":
      return actor.teamIds.length ? inArray(people.teamId, actor.teamIds) : NOTHING;
    case "care_worker":
      // Care workers meet people through the agreements that name them, not a caseload list.
      return NOTHING;
  }
}

/**
 * Competencies an actor may see or act on (docs/domain.md rule 15): the worker in scope, and
 * for a person-specific competency the person too, since its name, observations and notes are
 * about that person. A care worker sees all their own. Observations follow their competency.
 */
export function competencyScope(actor: Actor): SQL {
  if (actor.role === "admin") return EVERYTHING;
  if (actor.role === "care_worker") return workerScope(actor);
  return and(workerScope(actor), or(isNull(competencies.personId), sql`${competencies.personId} IN (SELECT ${people.id} FROM ${people} WHERE ${personScope(actor)})`))!;
}

/** Organisations an actor may look at: their own and those they work with. */
export function organisationScope(actor: Actor): SQL {
  switch (actor.role) {
    case "admin":
      return EVERYTHING;
    case "nurse":
    case "facilitator":
      if (!actor.teamIds.length) return NOTHING;
      return or(inArray(organisations.id, actor.teamIds), sql`${organisations.id} IN ${linkedProviderIds(actor.teamIds)}`)!;
    case "provider_manager":
    case "care_worker": {
      const own = actor.organisationId;
      if (!own) return NOTHING;
      return or(
        eq(organisations.id, own),
        sql`${organisations.id} IN (SELECT ${teamProviders.teamId} FROM ${teamProviders} WHERE ${eq(teamProviders.providerId, own)})`,
      )!;
    }
  }
}

/** Providers an actor may choose when recording a worker or a person. */
export function providerChoiceScope(actor: Actor): SQL {
  const base = and(eq(organisations.kind, "provider"), eq(organisations.active, true))!;
  switch (actor.role) {
    case "admin":
      return base;
    case "provider_manager":
      return actor.organisationId ? and(base, eq(organisations.id, actor.organisationId))! : NOTHING;
    case "nurse":
    case "facilitator":
      return actor.teamIds.length ? and(base, sql`${organisations.id} IN ${linkedProviderIds(actor.teamIds)}`)! : NOTHING;
    case "care_worker":
      return NOTHING;
  }
}

/**
 * Agreements an actor may see: their team's (NHS users), their provider's (provider managers),
 * or all (admins). A care worker sees an agreement while its current version or the version in
 * force names them: once an amendment that leaves them out comes into force, it is not found
 * (docs/domain.md rule 15; see versionScope for the versions they may open).
 */
export function agreementScope(actor: Actor): SQL {
  switch (actor.role) {
    case "admin":
      return EVERYTHING;
    case "nurse":
    case "facilitator":
      return actor.teamIds.length ? inArray(agreements.teamId, actor.teamIds) : NOTHING;
    case "provider_manager":
      return actor.organisationId ? eq(agreements.providerId, actor.organisationId) : NOTHING;
    case "care_worker":
      return actor.workerId
        ? sql`EXISTS (SELECT 1 FROM ${agreementWorkers} INNER JOIN ${agreementVersions} ON ${agreementVersions.id} = ${agreementWorkers.versionId} WHERE ${agreementVersions.agreementId} = ${agreements.id} AND ${agreementWorkers.workerId} = ${actor.workerId} AND ${agreementVersions.version} IN (${agreements.currentVersion}, ${agreements.inForceVersion}))`
        : NOTHING;
  }
}

/** Versions of an agreement in scope that an actor may open: a care worker only those naming them. */
export function versionScope(actor: Actor): SQL {
  if (actor.role !== "care_worker") return EVERYTHING;
  return actor.workerId
    ? sql`EXISTS (SELECT 1 FROM ${agreementWorkers} WHERE ${agreementWorkers.versionId} = ${agreementVersions.id} AND ${agreementWorkers.workerId} = ${actor.workerId})`
    : NOTHING;
}
