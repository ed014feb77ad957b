import { first, inTransaction } from "./transaction.server";
import { recordAudit } from "./audit-log.server";
import { engineOf } from "~db/client";
import { createSharedTestDatabase } from "~db/test-db";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents, careWorkers, organisations, people, supervisedObservations, teamProviders } from "~db/tables";
import { verifyAuditChain } from "~/models/audit-verify.server";
import { createOrganisation, DuplicateIdentifierError, NotAProviderError, updateOrganisation } from "./organisations.server";
import { createPerson, DuplicateNhsNumberError } from "./people.server";
import { demoDatabase, problemsOf, TEST_NOW } from "./test-helpers";
import { createWorker, updateWorker } from "./workers.server";
import { recordObservation } from "./observations.server";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;

describe("writes: scope, uniqueness, audit and all-or-nothing", () => {
  let demo: Demo;
  beforeEach(async () => {
    demo = await demoDatabase();
  });

  const personInput = (d: Demo) => ({
    name: "Norman Price",
    nhsNumber: "9434765919",
    dateOfBirth: "1940-05-04",
    setting: "own_home" as const,
    address: "",
    providerId: d.ids.orgs.brightside,
    teamId: d.ids.orgs.north,
    gpPractice: "",
    capacityNotes: "",
    consentNotes: "",
  });

  it("a nurse adds a person to their caseload, and the audit trail records it without the NHS number", async () => {
    const { db, ids, actorFor, at } = demo;
    const id = await createPerson(db, { actor: await actorFor(ids.users.nurse), input: personInput(demo), at });
    expect((await first(db.select().from(people).where(eq(people.id, id)).limit(1)))?.name).toBe("Norman Price");
    const event = await first(db.select().from(auditEvents).where(eq(auditEvents.action, "person.create")).limit(1));
    expect(event?.entityId).toBe(String(id));
    expect(event?.details).not.toContain("9434765919");
  });

  it("a second person with the same NHS number is refused and nothing is written", async () => {
    const { db, ids, actorFor, at } = demo;
    const nurse = await actorFor(ids.users.nurse);
    await createPerson(db, { actor: nurse, input: personInput(demo), at });
    const before = (await db.select().from(people)).length;
    const auditBefore = (await db.select().from(auditEvents)).length;
    await expect((async () => await createPerson(db, { actor: nurse, input: { ...personInput(demo), name: "Someone else" }, at }))()).rejects.toThrow(DuplicateNhsNumberError);
    expect(await db.select().from(people)).toHaveLength(before);
    expect(await db.select().from(auditEvents)).toHaveLength(auditBefore);
  });

  // Issue 12, finding 12: the answer must not differ by whose caseload holds the number; only the log knows.
  it("an NHS number on another team's caseload is refused the same way, and says whether the actor can see it only to the log", async () => {
    const { db, ids, actorFor, at } = demo;
    await createPerson(db, { actor: await actorFor(ids.users.nurse), input: personInput(demo), at });
    const clash = async (userId: number, input: ReturnType<typeof personInput>) => {
      try {
        await createPerson(db, { actor: await actorFor(userId), input: { ...input, name: "Someone else" }, at });
      } catch (error) {
        return error;
      }
      return null;
    };
    const own = await clash(ids.users.nurse, personInput(demo));
    const other = await clash(ids.users.nurseSouth, { ...personInput(demo), teamId: ids.orgs.south, providerId: ids.orgs.harbour });
    expect(own).toBeInstanceOf(DuplicateNhsNumberError);
    expect(other).toBeInstanceOf(DuplicateNhsNumberError);
    expect((own as DuplicateNhsNumberError).onActorsCaseload).toBe(true);
    expect((other as DuplicateNhsNumberError).onActorsCaseload).toBe(false);
    expect((other as Error).message).toBe((own as Error).message);
  });

  it("a nurse cannot place a person on another team's caseload or with a provider their team does not work with", async () => {
    const { db, ids, actorFor, at } = demo;
    const nurse = await actorFor(ids.users.nurse);
    const refused = ["Select a care provider your team works with"];
    expect(await problemsOf(async () => await createPerson(db, { actor: nurse, input: { ...personInput(demo), teamId: ids.orgs.south }, at }))).toEqual(refused);
    expect(await problemsOf(async () => await createPerson(db, { actor: nurse, input: { ...personInput(demo), providerId: ids.orgs.harbour }, at }))).toEqual(refused);
  });

  it("a provider manager adds workers only to their own provider and cannot change another provider's", async () => {
    const { db, ids, actorFor, at } = demo;
    const manager = await actorFor(ids.users.manager);
    const input = { providerId: ids.orgs.brightside, name: "Kofi Mensah", jobTitle: "Care worker", careCertificateOn: null, joinedOn: "2026-01-05", status: "active" as const, leftOn: null };
    const id = await createWorker(db, { actor: manager, input, at });
    expect((await first(db.select().from(careWorkers).where(eq(careWorkers.id, id)).limit(1)))?.providerId).toBe(ids.orgs.brightside);
    await expect((async () => await createWorker(db, { actor: manager, input: { ...input, providerId: ids.orgs.oakfield }, at }))()).rejects.toThrow("Select a care provider you manage");
    expect(await updateWorker(db, { actor: manager, id: ids.workers.helen, input: { ...input, providerId: ids.orgs.oakfield }, at })).toBeNull();
    expect((await first(db.select().from(careWorkers).where(eq(careWorkers.id, ids.workers.helen)).limit(1)))?.name).toBe("Helen Kowalski");
  });

  it("a worker who leaves keeps their record, with the date they left", async () => {
    const { db, ids, actorFor, at } = demo;
    await updateWorker(db, {
      actor: await actorFor(ids.users.manager),
      id: ids.workers.chloe,
      input: { providerId: ids.orgs.brightside, name: "Chloe Barker", jobTitle: "Care worker", careCertificateOn: null, joinedOn: "2025-03-01", status: "left", leftOn: "2026-11-20" },
      at,
    });
    const row = await first(db.select().from(careWorkers).where(eq(careWorkers.id, ids.workers.chloe)).limit(1));
    expect(row?.status).toBe("left");
    expect(row?.leftOn).toBe("2026-11-20");
  });

  it("a duplicate CQC location ID is refused", async () => {
    const { db, ids, actorFor, at } = demo;
    const input = {
      kind: "provider" as const, name: "Copycat Care", odsCode: null, cqcLocationId: "1-101234567", address: "", postcode: "", phone: "", email: "",
      escalationInHours: "", escalationOutOfHours: "", regulatedActivities: [], insuranceConfirmed: false, insurer: "", insuranceConfirmedOn: null,
    };
    await expect((async () => await createOrganisation(db, { actor: await actorFor(ids.users.admin), input, at }))()).rejects.toThrow(DuplicateIdentifierError);
  });

  it("linking a team to something that is not a provider fails as a whole: the team's details are not changed either", async () => {
    const { db, ids, actorFor, at } = demo;
    const team = (await first(db.select().from(organisations).where(eq(organisations.id, ids.orgs.north)).limit(1)))!;
    const linksBefore = await db.select().from(teamProviders).where(eq(teamProviders.teamId, ids.orgs.north));
    const admin = await actorFor(ids.users.admin);
    await expect(updateOrganisation(db, { actor: admin, id: ids.orgs.north, input: { ...team, name: "Renamed team" }, linkedIds: [ids.orgs.brightside, ids.orgs.south], at })).rejects.toThrow(NotAProviderError);
    expect((await first(db.select().from(organisations).where(eq(organisations.id, ids.orgs.north)).limit(1)))?.name).toBe(team.name);
    expect(await db.select().from(teamProviders).where(eq(teamProviders.teamId, ids.orgs.north))).toEqual(linksBefore);
  });

  it("every write extends an unbroken audit chain", async () => {
    const { db, ids, actorFor, at } = demo;
    const before = await verifyAuditChain(db);
    await createPerson(db, { actor: await actorFor(ids.users.nurse), input: personInput(demo), at });
    expect(before.ok).toBe(true);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: before.checked + 1 });
  });

  it("twenty writers at once, all on one worker's task: every write lands, once, on an unbroken audit chain (on PostgreSQL they take turns)", async () => {
    const WRITERS = 20;
    const { db, ids, actorFor, at } = demo;
    const facilitator = await actorFor(ids.users.facilitator);
    const before = await verifyAuditChain(db);
    const results = await Promise.all(
      Array.from({ length: WRITERS }, async (_, i) =>
        await recordObservation(db, {
          actor: facilitator,
          input: { workerId: ids.workers.chloe!, taskId: ids.tasks.BGM!, personId: null, observedOn: ids.today, outcome: "not_yet", notes: `Writer ${i}` },
          today: ids.today,
          at,
        }),
      ),
    );
    expect(results.every((r) => r !== null)).toBe(true);
    expect(new Set(results.map((r) => r!.observationId)).size).toBe(WRITERS);
    const written = await db.select({ notes: supervisedObservations.notes }).from(supervisedObservations).where(eq(supervisedObservations.workerId, ids.workers.chloe!));
    expect(written.filter((o) => o.notes.startsWith("Writer ")).map((o) => o.notes).sort()).toEqual(Array.from({ length: WRITERS }, (_, i) => `Writer ${i}`).sort());
    const after = await verifyAuditChain(db);
    expect(after.ok).toBe(true);
    expect(after.checked).toBeGreaterThanOrEqual(before.checked + WRITERS);
  });
});

describe("writers in several processes at once", () => {
  it("take turns: thirty audited writes from three connections all land, once each, on an unbroken chain, none tried again", async () => {
    const shared = await createSharedTestDatabase();
    const connections = [shared.first, await shared.open(), await shared.open()];
    const at = new Date(TEST_NOW);
    await Promise.all(
      connections.flatMap((connection, c) =>
        Array.from({ length: 10 }, async (_, i) =>
          await inTransaction(connection.db, async (tx) => {
            await recordAudit(tx, { actorId: null, action: "worker.update", entityType: "worker", entityId: `${c}-${i}`, details: {}, at });
          }),
        ),
      ),
    );
    const written = await shared.first.db.select({ entityId: auditEvents.entityId }).from(auditEvents).where(eq(auditEvents.action, "worker.update"));
    expect(written.map((w) => w.entityId).sort()).toEqual(connections.flatMap((_, c) => Array.from({ length: 10 }, (_, i) => `${c}-${i}`)).sort());
    expect(await verifyAuditChain(shared.first.db)).toEqual({ ok: true, checked: 30 });
    // On PostgreSQL each writer holds the writers' lock from before BEGIN: none overlaps another, so none is refused and run again.
    expect(connections.map((connection) => engineOf(connection.db).retries())).toEqual([0, 0, 0]);
  });
});
