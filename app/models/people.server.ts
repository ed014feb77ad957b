import { aliasedTable, and, asc, count, eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { can, ROLE_ORGANISATION_KIND } from "~/domain/roles";
import type { Search } from "~/domain/search";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { RuleError } from "./errors.server";
import { organisations, people } from "~db/tables";
import { NOTHING, personScope, providerChoiceScope } from "./scope.server";
import { contains } from "./search.server";

export type PersonInput = {
  name: string;
  nhsNumber: string;
  dateOfBirth: string;
  setting: (typeof people.$inferSelect)["setting"];
  address: string;
  providerId: number;
  teamId: number;
  gpPractice: string;
  capacityNotes: string;
  consentNotes: string;
};

const teams = aliasedTable(organisations, "teams");

/**
 * People in the actor's scope, optionally found by a search: a whole NHS number (however it was
 * typed) or part of a name. Some digits only find nobody (app/domain/search.ts says why).
 */
export async function listPeople(db: Db, { actor, search = { kind: "none" } }: { actor: Actor; search?: Search }) {
  const found =
    search.kind === "nhs_number"
      ? eq(people.nhsNumber, search.nhsNumber)
      : search.kind === "text"
        ? contains(people.name, search.text)
        : search.kind === "partial_nhs_number"
          ? NOTHING
          : undefined;
  return await db
    .select({
      id: people.id,
      name: people.name,
      nhsNumber: people.nhsNumber,
      dateOfBirth: people.dateOfBirth,
      setting: people.setting,
      providerName: organisations.name,
      teamName: teams.name,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.providerId))
    .innerJoin(teams, eq(teams.id, people.teamId))
    .where(and(personScope(actor), found))
    .orderBy(asc(people.name));
}

export async function countPeople(db: Db, actor: Actor): Promise<number> {
  return (await first(db.select({ n: count() }).from(people).where(personScope(actor)).limit(1)))?.n ?? 0;
}

export async function getPerson(db: Db, { actor, id }: { actor: Actor; id: number }) {
  return (
    await first(db
      .select({ person: people, providerName: organisations.name, teamName: teams.name })
      .from(people)
      .innerJoin(organisations, eq(organisations.id, people.providerId))
      .innerJoin(teams, eq(teams.id, people.teamId))
      .where(and(eq(people.id, id), personScope(actor))).limit(1)) ?? null
  );
}

/**
 * The NHS number is already someone's. The form says the same whether or not the actor can see
 * that record (docs/decisions/011-security-posture.md); `onActorsCaseload` is for the log.
 */
export class DuplicateNhsNumberError extends Error {
  constructor(public readonly onActorsCaseload: boolean) {
    super("NHS number already recorded");
  }
}

/** Nurses record people on their own team's caseload, cared for by a provider the team works with; anything else is a problem with the chosen provider. */
async function assertMayPlace(db: Db, actor: Actor, input: PersonInput) {
  // An administrator belongs to no team and may place anyone; a nurse, on their own team's caseload.
  const teamOk = can(actor.role, "manage", "person") && (ROLE_ORGANISATION_KIND[actor.role] === null || actor.teamIds.includes(input.teamId));
  const team = await first(db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, input.teamId), eq(organisations.kind, "nhs_team"))).limit(1));
  const provider = await first(db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, input.providerId), providerChoiceScope(actor))).limit(1));
  if (!teamOk || !team || !provider) throw new RuleError([{ field: "providerId", message: "Select a care provider your team works with" }]);
}

async function assertNhsNumberFree(db: Db, actor: Actor, nhsNumber: string, exceptId?: number) {
  const clash = await first(db.select({ id: people.id }).from(people).where(eq(people.nhsNumber, nhsNumber)).limit(1));
  if (!clash || clash.id === exceptId) return;
  const visible = await first(db.select({ id: people.id }).from(people).where(and(eq(people.id, clash.id), personScope(actor))).limit(1));
  throw new DuplicateNhsNumberError(!!visible);
}

export async function createPerson(db: Db, { actor, input, at }: { actor: Actor; input: PersonInput; at: Date }): Promise<number> {
  return await inTransaction(db, async (tx) => {
    await assertMayPlace(tx, actor, input);
    await assertNhsNumberFree(tx, actor, input.nhsNumber);
    const row = await inserted(tx.insert(people).values(input).returning({ id: people.id }));
    // The audit trail names the record, never the NHS number.
    await recordAudit(tx, { actorId: actor.userId, action: "person.create", entityType: "person", entityId: row.id, details: { teamId: input.teamId, providerId: input.providerId }, at });
    return row.id;
  });
}

export async function updatePerson(db: Db, { actor, id, input, at }: { actor: Actor; id: number; input: PersonInput; at: Date }): Promise<{ id: number } | null> {
  return await inTransaction(db, async (tx) => {
    const existing = await getPerson(tx, { actor, id });
    if (!existing || !can(actor.role, "manage", "person")) return null;
    await assertMayPlace(tx, actor, input);
    await assertNhsNumberFree(tx, actor, input.nhsNumber, id);
    await tx.update(people).set({ ...input, updatedAt: at.toISOString() }).where(eq(people.id, id));
    const changed = (Object.keys(input) as (keyof PersonInput)[]).filter((k) => existing.person[k] !== input[k]);
    await recordAudit(tx, { actorId: actor.userId, action: "person.update", entityType: "person", entityId: id, details: { changed }, at });
    return { id };
  });
}

/** People cared for by one provider, within the actor's scope (for choosing whose care was observed). */
export async function listPeopleAtProvider(db: Db, { actor, providerId }: { actor: Actor; providerId: number }) {
  return await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.providerId, providerId), personScope(actor)))
    .orderBy(asc(people.name));
}
