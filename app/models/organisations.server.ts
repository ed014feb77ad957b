import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { recordAudit } from "~/models/audit-log.server";
import { inTransaction } from "~/models/transaction.server";
import type { Db } from "~db/client";
import { organisations, teamProviders } from "~db/schema";
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

export function listOrganisations(db: Db, { actor, kind }: { actor: Actor; kind?: OrganisationKind }) {
  return db
    .select()
    .from(organisations)
    .where(and(organisationScope(actor), kind ? eq(organisations.kind, kind) : undefined))
    .orderBy(asc(organisations.kind), asc(organisations.name))
    .all();
}

export function getOrganisation(db: Db, { actor, id }: { actor: Actor; id: number }): Organisation | null {
  return db.select().from(organisations).where(and(eq(organisations.id, id), organisationScope(actor))).get() ?? null;
}

/** The other side of an organisation's working links: a team's providers, or a provider's teams. */
export function listLinkedOrganisations(db: Db, { actor, organisation }: { actor: Actor; organisation: Organisation }) {
  const ids =
    organisation.kind === "nhs_team"
      ? db.select({ id: teamProviders.providerId }).from(teamProviders).where(eq(teamProviders.teamId, organisation.id)).all()
      : db.select({ id: teamProviders.teamId }).from(teamProviders).where(eq(teamProviders.providerId, organisation.id)).all();
  if (!ids.length) return [];
  return db
    .select()
    .from(organisations)
    .where(and(inArray(organisations.id, ids.map((r) => r.id)), organisationScope(actor)))
    .orderBy(asc(organisations.name))
    .all();
}

export function listProviderChoices(db: Db, { actor }: { actor: Actor }) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(providerChoiceScope(actor))
    .orderBy(asc(organisations.name))
    .all();
}

export function listTeamChoices(db: Db, { actor }: { actor: Actor }) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "nhs_team"),
        eq(organisations.active, true),
        actor.role === "admin" ? undefined : inArray(organisations.id, actor.teamIds.length ? actor.teamIds : [-1]),
      ),
    )
    .orderBy(asc(organisations.name))
    .all();
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

function assertIdentifierFree(db: Db, input: OrganisationInput, exceptId?: number) {
  const clash =
    input.kind === "provider"
      ? db.select({ id: organisations.id }).from(organisations).where(eq(organisations.cqcLocationId, input.cqcLocationId ?? "")).get()
      : db.select({ id: organisations.id }).from(organisations).where(eq(organisations.odsCode, input.odsCode ?? "")).get();
  if (clash && clash.id !== exceptId) throw new DuplicateIdentifierError();
}

export function createOrganisation(db: Db, { actor, input, at }: { actor: Actor; input: OrganisationInput; at: Date }): number {
  return inTransaction(db, (tx) => {
    assertIdentifierFree(tx, input);
    const row = tx.insert(organisations).values(columnsFor(input)).returning({ id: organisations.id }).get();
    recordAudit(tx, { actorId: actor.userId, action: "organisation.create", entityType: "organisation", entityId: row.id, details: { name: input.name, kind: input.kind }, at });
    return row.id;
  });
}

export function updateOrganisation(
  db: Db,
  { actor, id, input, linkedIds, at }: { actor: Actor; id: number; input: OrganisationInput; linkedIds?: number[]; at: Date },
): { id: number } | null {
  return inTransaction(db, (tx) => {
    const existing = getOrganisation(tx, { actor, id });
    if (!existing) return null;
    const values = columnsFor({ ...input, kind: existing.kind });
    assertIdentifierFree(tx, { ...input, kind: existing.kind }, id);
    tx.update(organisations).set({ ...values, updatedAt: at.toISOString() }).where(eq(organisations.id, id)).run();
    if (linkedIds && existing.kind === "nhs_team") {
      const providers = linkedIds.length
        ? tx.select({ id: organisations.id }).from(organisations).where(and(inArray(organisations.id, linkedIds), eq(organisations.kind, "provider"))).all()
        : [];
      if (providers.length !== new Set(linkedIds).size) throw new NotAProviderError();
      const current = tx.select({ id: teamProviders.providerId }).from(teamProviders).where(eq(teamProviders.teamId, id)).all().map((r) => r.id);
      // Working links are configuration, not records of care: removing one ends that team's view of the provider.
      const removed = current.filter((p) => !linkedIds.includes(p));
      const added = linkedIds.filter((p) => !current.includes(p));
      if (removed.length) tx.delete(teamProviders).where(and(eq(teamProviders.teamId, id), inArray(teamProviders.providerId, removed))).run();
      for (const providerId of added) tx.insert(teamProviders).values({ teamId: id, providerId }).run();
      if (removed.length || added.length) {
        recordAudit(tx, { actorId: actor.userId, action: "organisation.links", entityType: "organisation", entityId: id, details: { added, removed }, at });
      }
    }
    const changed = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => JSON.stringify(existing[k as keyof Organisation]) !== JSON.stringify(v)),
    );
    recordAudit(tx, { actorId: actor.userId, action: "organisation.update", entityType: "organisation", entityId: id, details: { changed: Object.keys(changed) }, at });
    return { id };
  });
}

export function setOrganisationActive(db: Db, { actor, id, active, at }: { actor: Actor; id: number; active: boolean; at: Date }): { id: number } | null {
  return inTransaction(db, (tx) => {
    const existing = getOrganisation(tx, { actor, id });
    if (!existing) return null;
    tx.update(organisations).set({ active, updatedAt: at.toISOString() }).where(eq(organisations.id, id)).run();
    recordAudit(tx, { actorId: actor.userId, action: active ? "organisation.reactivate" : "organisation.deactivate", entityType: "organisation", entityId: id, at });
    return { id };
  });
}
