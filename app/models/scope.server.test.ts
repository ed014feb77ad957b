import { describe, expect, it } from "vitest";
import { getOrganisation, listOrganisations } from "./organisations.server";
import { getPerson, listPeople } from "./people.server";
import { demoDatabase } from "./test-helpers";
import { getWorker, listWorkers } from "./workers.server";

describe("scope: what each role can read", async () => {
  const { db, ids, actorFor } = await demoDatabase();
  const admin = actorFor(ids.users.admin);
  const nurse = actorFor(ids.users.nurse);
  const nurseSouth = actorFor(ids.users.nurseSouth);
  const facilitator = actorFor(ids.users.facilitator);
  const manager = actorFor(ids.users.manager);
  const manager2 = actorFor(ids.users.manager2);
  const worker = actorFor(ids.users.workerUser);

  it("an admin sees every worker, person and organisation", () => {
    expect(listWorkers(db, { actor: admin })).toHaveLength(17);
    expect(listPeople(db, { actor: admin })).toHaveLength(11);
    expect(listOrganisations(db, { actor: admin })).toHaveLength(6);
  });

  it("a provider manager sees only their provider's workers and people", () => {
    const workers = listWorkers(db, { actor: manager });
    expect(new Set(workers.map((w) => w.providerId))).toEqual(new Set([ids.orgs.brightside]));
    expect(workers).toHaveLength(8);
    expect(getWorker(db, { actor: manager, id: ids.workers.helen })).toBeNull();
    expect(getWorker(db, { actor: manager2, id: ids.workers.helen })?.worker.name).toBe("Helen Kowalski");
    expect(listPeople(db, { actor: manager }).map((p) => p.name).sort()).toEqual(["Arthur Bennett", "Edith Clarke", "Norman Fisher", "Winifred Shaw"]);
    expect(getPerson(db, { actor: manager, id: ids.people.margaret })).toBeNull();
  });

  it("a provider manager sees their own organisation and the NHS teams they work with, not other providers", () => {
    const names = listOrganisations(db, { actor: manager }).map((o) => o.name).sort();
    expect(names).toEqual(["Ashworth North District Nursing Team", "Brightside Home Care"]);
    expect(getOrganisation(db, { actor: manager, id: ids.orgs.oakfield })).toBeNull();
  });

  it("a nurse sees workers of providers their team works with and people on their team's caseload", () => {
    const providers = new Set(listWorkers(db, { actor: nurse }).map((w) => w.providerId));
    expect(providers).toEqual(new Set([ids.orgs.brightside, ids.orgs.oakfield, ids.orgs.meadowbank]));
    expect(getWorker(db, { actor: nurse, id: ids.workers.peter })).toBeNull();
    expect(getPerson(db, { actor: nurse, id: ids.people.doris })).toBeNull();
    expect(getPerson(db, { actor: nurseSouth, id: ids.people.doris })?.person.name).toBe("Doris Fielding");
    expect(getPerson(db, { actor: nurseSouth, id: ids.people.edith })).toBeNull();
  });

  it("a facilitator serving two teams sees both teams' providers", () => {
    expect(facilitator.teamIds.sort()).toEqual([ids.orgs.north, ids.orgs.south].sort());
    expect(getWorker(db, { actor: facilitator, id: ids.workers.peter })?.worker.name).toBe("Peter Nowak");
  });

  it("a care worker sees only their own worker record and no caseload", () => {
    expect(listWorkers(db, { actor: worker }).map((w) => w.name)).toEqual(["Maria Santos"]);
    expect(getWorker(db, { actor: worker, id: ids.workers.james })).toBeNull();
    expect(listPeople(db, { actor: worker })).toEqual([]);
  });
});
