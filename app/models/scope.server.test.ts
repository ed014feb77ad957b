import { describe, expect, it } from "vitest";
import { getOrganisation, listOrganisations } from "./organisations.server";
import { getPerson, listPeople } from "./people.server";
import { demoDatabase } from "./test-helpers";
import { getWorker, listWorkers } from "./workers.server";

describe("scope: what each role can read", async () => {
  const { db, ids, actorFor } = await demoDatabase();
  const admin = await actorFor(ids.users.admin);
  const nurse = await actorFor(ids.users.nurse);
  const nurseSouth = await actorFor(ids.users.nurseSouth);
  const facilitator = await actorFor(ids.users.facilitator);
  const manager = await actorFor(ids.users.manager);
  const manager2 = await actorFor(ids.users.manager2);
  const worker = await actorFor(ids.users.workerUser);

  it("an admin sees every worker, person and organisation", async () => {
    expect(await listWorkers(db, { actor: admin })).toHaveLength(17);
    expect(await listPeople(db, { actor: admin })).toHaveLength(11);
    expect(await listOrganisations(db, { actor: admin })).toHaveLength(6);
  });

  it("a provider manager sees only their provider's workers and people", async () => {
    const workers = await listWorkers(db, { actor: manager });
    expect(new Set(workers.map((w) => w.providerId))).toEqual(new Set([ids.orgs.brightside]));
    expect(workers).toHaveLength(8);
    expect(await getWorker(db, { actor: manager, id: ids.workers.helen })).toBeNull();
    expect((await getWorker(db, { actor: manager2, id: ids.workers.helen }))?.worker.name).toBe("Helen Kowalski");
    expect((await listPeople(db, { actor: manager })).map((p) => p.name).sort()).toEqual(["Arthur Bennett", "Edith Clarke", "Norman Fisher", "Winifred Shaw"]);
    expect(await getPerson(db, { actor: manager, id: ids.people.margaret })).toBeNull();
  });

  it("a provider manager sees their own organisation and the NHS teams they work with, not other providers", async () => {
    const names = (await listOrganisations(db, { actor: manager })).map((o) => o.name).sort();
    expect(names).toEqual(["Ashworth North District Nursing Team", "Brightside Home Care"]);
    expect(await getOrganisation(db, { actor: manager, id: ids.orgs.oakfield })).toBeNull();
  });

  it("a nurse sees workers of providers their team works with and people on their team's caseload", async () => {
    const providers = new Set((await listWorkers(db, { actor: nurse })).map((w) => w.providerId));
    expect(providers).toEqual(new Set([ids.orgs.brightside, ids.orgs.oakfield, ids.orgs.meadowbank]));
    expect(await getWorker(db, { actor: nurse, id: ids.workers.peter })).toBeNull();
    expect(await getPerson(db, { actor: nurse, id: ids.people.doris })).toBeNull();
    expect((await getPerson(db, { actor: nurseSouth, id: ids.people.doris }))?.person.name).toBe("Doris Fielding");
    expect(await getPerson(db, { actor: nurseSouth, id: ids.people.edith })).toBeNull();
  });

  it("a facilitator serving two teams sees both teams' providers", async () => {
    expect(facilitator.teamIds.sort()).toEqual([ids.orgs.north, ids.orgs.south].sort());
    expect((await getWorker(db, { actor: facilitator, id: ids.workers.peter }))?.worker.name).toBe("Peter Nowak");
  });

  it("a care worker sees only their own worker record and no caseload", async () => {
    expect((await listWorkers(db, { actor: worker })).map((w) => w.name)).toEqual(["Maria Santos"]);
    expect(await getWorker(db, { actor: worker, id: ids.workers.james })).toBeNull();
    expect(await listPeople(db, { actor: worker })).toEqual([]);
  });
});
