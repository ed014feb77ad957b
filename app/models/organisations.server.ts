import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { organisations, teamProviders } from "~db/tables";
import { regulatedActivities } from "~/domain/enums";
import { organisationScope, providerChoiceScope } from "./scope.server";

export type Organisation = typeof organisations.$inferSelect;
export type OrganisationKind = Organisation["kind"];

export type OrganisationInput = {
  kind: OrganisationKind;
  name: string;
  odsCode: string | null;
  cqcLocationId: string | null;
  address: string;
  postcode: string;
  phone: string;
  email: string;
  escalationInHours: string;
  escalationOutOfHours: string;
  regulatedActivities: (typeof regulatedActivities)[number][];
  insuranceConfirmed: boolean;
  insurer: string;
  insuranceConfirmedOn: string | null;
};

export async function listOrganisations(db: Db, { actor, kind }: { actor: Actor; kind?: OrganisationKind }) {
  return await db
    .select()
    .from(organisations)
    .where(and(organisationScope(actor), kind ? eq(organisations.kind, kind) : undefined))
    .orderBy(asc(organisations.kind), asc(organisations.name));
}

export async function getOrganisation(db: Db, { actor, id }: { actor: Actor; id: number }): Promise<Organisation | null> {
  return await first(db.select().from(organisations).where(and(eq(organisations.id, id), organisationScope(actor))).limit(1)) ?? null;
}

/** The other side of an organisation's working links: a team's providers, or a provider's teams. */
export async function listLinkedOrganisations(db: Db, { actor, organisation }: { actor: Actor; organisation: Organisation }) {
  const ids =
    organisation.kind === "nhs_team"
      ? await db.select({ id: teamProviders.providerId }).from(teamProviders).where(eq(teamProviders.teamId, organisation.id))
      : await db.select({ id: teamProviders.teamId }).from(teamProviders).where(eq(teamProviders.providerId, organisation.id));
  if (!ids.length) return [];
  return await db
    .select()
    .from(organisations)
    .where(and(inArray(organisations.id, ids.map((r) => r.id)), organisationScope(actor)))
    .orderBy(asc(organisations.name));
}

export async function listProviderChoices(db: Db, { actor }: { actor: Actor }) {
  return await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(providerChoiceScope(actor))
    .orderBy(asc(organisations.name));
}

export async function listTeamChoices(db: Db, { actor }: { actor: Actor }) {
  return await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "nhs_team"),
        eq(organisations.active, true),
        actor.role === "admin" ? undefined : inArray(organisations.id, actor.teamIds.length ? actor.teamIds : [-1]),
      ),
    )
    .orderBy(asc(organisations.name));
}

function columnsFor(input: OrganisationInput) {
  const provider = input.kind === "provider";
  return {
    kind: input.kind,
    name: input.name,
    odsCode: provider ? null : input.odsCode,
    cqcLocationId: provider ? input.cqcLocationId : null,
    address: input.address,
    postcode: input.postcode,
    phone: input.phone,
    email: input.email,
    escalationInHours: input.escalationInHours,
    escalationOutOfHours: input.escalationOutOfHours,
    regulatedActivities: provider ? input.regulatedActivities : [],
    insuranceConfirmed: provider ? input.insuranceConfirmed : false,
    insurer: provider ? input.insurer : "",
    insuranceConfirmedOn: provider && input.insuranceConfirmed ? input.insuranceConfirmedOn : null,
  };
}

export class DuplicateIdentifierError extends Error {}
export class NotAProviderError extends Error {}

async function assertIdentifierFree(db: Db, input: OrganisationInput, exceptId?: number) {
  const clash =
    input.kind === "provider"
      ? await first(db.select({ id: organisations.id }).from(organisations).where(eq(organisations.cqcLocationId, input.cqcLocationId ?? "")).limit(1))
      : await first(db.select({ id: organisations.id }).from(organisations).where(eq(organisations.odsCode, input.odsCode ?? "")).limit(1));
  if (clash && clash.id !== exceptId) throw new DuplicateIdentifierError();
}

export async function createOrganisation(db: Db, { actor, input, at }: { actor: Actor; input: OrganisationInput; at: Date }): Promise<number> {
  return await inTransaction(db, async (tx) => {
    await assertIdentifierFree(tx, input);
    const row = await inserted(tx.insert(organisations).values(columnsFor(input)).returning({ id: organisations.id }));
    await recordAudit(tx, { actorId: actor.userId, action: "organisation.create", entityType: "organisation", entityId: row.id, details: { name: input.name, kind: input.kind }, at });
    return row.id;
  });
}

export async function updateOrganisation(
  db: Db,
  { actor, id, input, linkedIds, at }: { actor: Actor; id: number; input: OrganisationInput; linkedIds?: number[]; at: Date },
): Promise<{ id: number } | null> {
  return await inTransaction(db, async (tx) => {
    const existing = await getOrganisation(tx, { actor, id });
    if (!existing) return null;
    const values = columnsFor({ ...input, kind: existing.kind });
    await assertIdentifierFree(tx, { ...input, kind: existing.kind }, id);
    await tx.update(organisations).set({ ...values, updatedAt: at.toISOString() }).where(eq(organisations.id, id));
    if (linkedIds && existing.kind === "nhs_team") {
      const providers = linkedIds.length
        ? await tx.select({ id: organisations.id }).from(organisations).where(and(inArray(organisations.id, linkedIds), eq(organisations.kind, "provider")))
        : [];
      if (providers.length !== new Set(linkedIds).size) throw new NotAProviderError();
      const current = (await tx.select({ id: teamProviders.providerId }).from(teamProviders).where(eq(teamProviders.teamId, id))).map((r) => r.id);
      // Working links are configuration, not records of care: removing one ends that team's view of the provider.
      const removed = current.filter((p) => !linkedIds.includes(p));
      const added = linkedIds.filter((p) => !current.includes(p));
      if (removed.length) await tx.delete(teamProviders).where(and(eq(teamProviders.teamId, id), inArray(teamProviders.providerId, removed)));
      for (const providerId of added) await tx.insert(teamProviders).values({ teamId: id, providerId });
      if (removed.length || added.length) {
        await recordAudit(tx, { actorId: actor.userId, action: "organisation.links", entityType: "organisation", entityId: id, details: { added, removed }, at });
      }
    }
    const changed = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => JSON.stringify(existing[k as keyof Organisation]) !== JSON.stringify(v)),
    );
    await recordAudit(tx, { actorId: actor.userId, action: "organisation.update", entityType: "organisation", entityId: id, details: { changed: Object.keys(changed) }, at });
    return { id };
  });
}

export async function setOrganisationActive(db: Db, { actor, id, active, at }: { actor: Actor; id: number; active: boolean; at: Date }): Promise<{ id: number } | null> {
  return await inTransaction(db, async (tx) => {
    const existing = await getOrganisation(tx, { actor, id });
    if (!existing) return null;
    await tx.update(organisations).set({ active, updatedAt: at.toISOString() }).where(eq(organisations.id, id));
    await recordAudit(tx, { actorId: actor.userId, action: active ? "organisation.reactivate" : "organisation.deactivate", entityType: "organisation", entityId: id, at });
    return { id };
  });
}
