import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents, careWorkers, organisations, people, teamProviders } from "~db/schema";
import { verifyAuditChain } from "~/models/audit-verify.server";
import { createOrganisation, DuplicateIdentifierError, NotAProviderError, updateOrganisation } from "./organisations.server";
import { createPerson, DuplicateNhsNumberError } from "./people.server";
import { demoDatabase, problemsOf } from "./test-helpers";
import { createWorker, updateWorker } from "./workers.server";

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

  it("a nurse adds a person to their caseload, and the audit trail records it without the NHS number", () => {
    const { db, ids, actorFor, at } = demo;
    const id = createPerson(db, { actor: actorFor(ids.users.nurse), input: personInput(demo), at });
    expect(db.select().from(people).where(eq(people.id, id)).get()?.name).toBe("Norman Price");
    const event = db.select().from(auditEvents).where(eq(auditEvents.action, "person.create")).get();
    expect(event?.entityId).toBe(String(id));
    expect(event?.details).not.toContain("9434765919");
  });

  it("a second person with the same NHS number is refused and nothing is written", () => {
    const { db, ids, actorFor, at } = demo;
    const nurse = actorFor(ids.users.nurse);
    createPerson(db, { actor: nurse, input: personInput(demo), at });
    const before = db.select().from(people).all().length;
    const auditBefore = db.select().from(auditEvents).all().length;
    expect(() => createPerson(db, { actor: nurse, input: { ...personInput(demo), name: "Someone else" }, at })).toThrow(DuplicateNhsNumberError);
    expect(db.select().from(people).all()).toHaveLength(before);
    expect(db.select().from(auditEvents).all()).toHaveLength(auditBefore);
  });

  // Issue 12, finding 12: the answer must not differ by whose caseload holds the number; only the log knows.
  it("an NHS number on another team's caseload is refused the same way, and says whether the actor can see it only to the log", () => {
    const { db, ids, actorFor, at } = demo;
    createPerson(db, { actor: actorFor(ids.users.nurse), input: personInput(demo), at });
    const clash = (userId: number, input: ReturnType<typeof personInput>) => {
      try {
        createPerson(db, { actor: actorFor(userId), input: { ...input, name: "Someone else" }, at });
      } catch (error) {
        return error;
      }
      return null;
    };
    const own = clash(ids.users.nurse, personInput(demo));
    const other = clash(ids.users.nurseSouth, { ...personInput(demo), teamId: ids.orgs.south, providerId: ids.orgs.harbour });
    expect(own).toBeInstanceOf(DuplicateNhsNumberError);
    expect(other).toBeInstanceOf(DuplicateNhsNumberError);
    expect((own as DuplicateNhsNumberError).onActorsCaseload).toBe(true);
    expect((other as DuplicateNhsNumberError).onActorsCaseload).toBe(false);
    expect((other as Error).message).toBe((own as Error).message);
  });

  it("a nurse cannot place a person on another team's caseload or with a provider their team does not work with", () => {
    const { db, ids, actorFor, at } = demo;
    const nurse = actorFor(ids.users.nurse);
    const refused = ["Select a care provider your team works with"];
    expect(problemsOf(() => createPerson(db, { actor: nurse, input: { ...personInput(demo), teamId: ids.orgs.south }, at }))).toEqual(refused);
    expect(problemsOf(() => createPerson(db, { actor: nurse, input: { ...personInput(demo), providerId: ids.orgs.harbour }, at }))).toEqual(refused);
  });

  it("a provider manager adds workers only to their own provider and cannot change another provider's", () => {
    const { db, ids, actorFor, at } = demo;
    const manager = actorFor(ids.users.manager);
    const input = { providerId: ids.orgs.brightside, name: "Kofi Mensah", jobTitle: "Care worker", careCertificateOn: null, joinedOn: "2026-01-05", status: "active" as const, leftOn: null };
    const id = createWorker(db, { actor: manager, input, at });
    expect(db.select().from(careWorkers).where(eq(careWorkers.id, id)).get()?.providerId).toBe(ids.orgs.brightside);
    expect(() => createWorker(db, { actor: manager, input: { ...input, providerId: ids.orgs.oakfield }, at })).toThrow("Select a care provider you manage");
    expect(updateWorker(db, { actor: manager, id: ids.workers.helen, input: { ...input, providerId: ids.orgs.oakfield }, at })).toBeNull();
    expect(db.select().from(careWorkers).where(eq(careWorkers.id, ids.workers.helen)).get()?.name).toBe("Helen Kowalski");
  });

  it("a worker who leaves keeps their record, with the date they left", () => {
    const { db, ids, actorFor, at } = demo;
    updateWorker(db, {
      actor: actorFor(ids.users.manager),
      id: ids.workers.chloe,
      input: { providerId: ids.orgs.brightside, name: "Chloe Barker", jobTitle: "Care worker", careCertificateOn: null, joinedOn: "2025-03-01", status: "left", leftOn: "2026-11-20" },
      at,
    });
    const row = db.select().from(careWorkers).where(eq(careWorkers.id, ids.workers.chloe)).get();
    expect(row?.status).toBe("left");
    expect(row?.leftOn).toBe("2026-11-20");
  });

  it("a duplicate CQC location ID is refused", () => {
    const { db, ids, actorFor, at } = demo;
    const input = {
      kind: "provider" as const, name: "Copycat Care", odsCode: null, cqcLocationId: "1-101234567", address: "", postcode: "", phone: "", email: "",
      escalationInHours: "", escalationOutOfHours: "", regulatedActivities: [], insuranceConfirmed: false, insurer: "", insuranceConfirmedOn: null,
    };
    expect(() => createOrganisation(db, { actor: actorFor(ids.users.admin), input, at })).toThrow(DuplicateIdentifierError);
  });

  it("linking a team to something that is not a provider fails as a whole: the team's details are not changed either", () => {
    const { db, ids, actorFor, at } = demo;
    const team = db.select().from(organisations).where(eq(organisations.id, ids.orgs.north)).get()!;
    const linksBefore = db.select().from(teamProviders).where(eq(teamProviders.teamId, ids.orgs.north)).all();
    expect(() =>
      updateOrganisation(db, {
        actor: actorFor(ids.users.admin),
        id: ids.orgs.north,
        input: { ...team, name: "Renamed team" },
        linkedIds: [ids.orgs.brightside, ids.orgs.south],
        at,
      }),
    ).toThrow(NotAProviderError);
    expect(db.select().from(organisations).where(eq(organisations.id, ids.orgs.north)).get()?.name).toBe(team.name);
    expect(db.select().from(teamProviders).where(eq(teamProviders.teamId, ids.orgs.north)).all()).toEqual(linksBefore);
  });

  it("every write extends an unbroken audit chain", () => {
    const { db, sqlite, ids, actorFor, at } = demo;
    const before = verifyAuditChain(sqlite);
    createPerson(db, { actor: actorFor(ids.users.nurse), input: personInput(demo), at });
    expect(before.ok).toBe(true);
    expect(verifyAuditChain(sqlite)).toEqual({ ok: true, checked: before.checked + 1 });
  });
});
