import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreements, agreementTasks, agreementVersions, agreementWorkers, auditEvents, consents } from "~db/schema";
import { amendAgreement } from "./agreement-lifecycle.server";
import { recordConsent } from "./agreement-consent.server";
import { sendForSignatures } from "./agreement-sending.server";
import { createAgreement } from "./agreement-create.server";
import { deleteDraft } from "./agreement-deletion.server";
import { draftSectionsOf, setNamedWorkers, updateTaskSpecifics } from "./agreement-draft.server";
import { getAgreement } from "./agreement-view.server";
import { versionOf } from "./agreement-access.server";
import { RuleError } from "./errors.server";
import { demoDatabase, problemsOf, writeSupervision } from "./test-helpers";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";
const W = 90;
const PERSON_CONSENT = { kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn: TODAY, notes: "" } as const;

describe("the guided agreement, deleting drafts, and amendments that say why", () => {
  let d: Demo;
  beforeAll(async () => {
    d = await demoDatabase();
  });
  const nurse = () => d.actorFor(d.ids.users.nurse);
  const start = () =>
    createAgreement(d.db, { actor: nurse(), personId: d.ids.people.edith, taskIds: [d.ids.tasks["INS-PEN"]!], startDate: TODAY, today: TODAY, at: d.at, confirmDuplicate: true });
  const statuses = (id: number) => {
    const a = d.db.select().from(agreements).where(eq(agreements.id, id)).get()!;
    return Object.fromEntries(draftSectionsOf(d.db, { version: versionOf(d.db, id, a.currentVersion)!, today: TODAY }).map((s) => [s.id, s.status]));
  };

  it("sending refuses until every section is completed, each problem naming its section; the statuses follow the rows (docs/domain.md rules 1 and 6)", () => {
    const { db, ids, at } = d;
    const id = start();
    expect(statuses(id)).toMatchObject({ tasks: "not_started", workers: "not_started", details: "not_started", consent: "not_started", send: "cannot_start" });
    let refused: RuleError | null = null;
    try {
      sendForSignatures(db, { actor: nurse(), agreementId: id, today: TODAY, at, warningDays: W });
    } catch (e) {
      refused = e as RuleError;
    }
    expect(refused?.problems.map((p) => p.field)).toEqual(["task-INS-PEN", "workers", "details", "consent"]);
    updateTaskSpecifics(db, { actor: nurse(), agreementId: id, taskId: ids.tasks["INS-PEN"]!, specifics: { instructions: "8 units", carePlanReference: "", deviceOrProduct: "", parameters: "", mustNotDo: "", escalationPlan: "Call the nurse" }, at });
    setNamedWorkers(db, { actor: nurse(), agreementId: id, workerIds: [ids.workers.maria], at });
    writeSupervision(db, { actor: nurse(), agreementId: id, today: TODAY, at });
    expect(statuses(id)).toMatchObject({ tasks: "completed", workers: "completed", details: "completed", consent: "not_started", send: "cannot_start" });
    expect(problemsOf(() => sendForSignatures(db, { actor: nurse(), agreementId: id, today: TODAY, at, warningDays: W }))).toEqual(["Record consent: it is part of what every party signs"]);
    expect(versionOf(db, id, 1)!.state).toBe("draft");
    recordConsent(db, { actor: nurse(), agreementId: id, input: PERSON_CONSENT, today: TODAY, at, warningDays: W });
    expect(statuses(id).send).toBe("not_started");
    sendForSignatures(db, { actor: nurse(), agreementId: id, today: TODAY, at, warningDays: W });
    expect(versionOf(db, id, 1)!.state).toBe("awaiting_signatures");
  });

  it("a draft never sent is deleted by the nurse who started it, with its tasks, named workers and consent; the audit keeps what and who (the exception to rule 14)", () => {
    const { db, ids, at } = d;
    const id = start();
    setNamedWorkers(db, { actor: nurse(), agreementId: id, workerIds: [ids.workers.maria], at });
    recordConsent(db, { actor: nurse(), agreementId: id, input: PERSON_CONSENT, today: TODAY, at, warningDays: W });
    const versionIds = db.select({ id: agreementVersions.id }).from(agreementVersions).where(eq(agreementVersions.agreementId, id)).all().map((v) => v.id);
    // Another nurse of the same team may not, nor the provider's manager; another team's nurse does not find it.
    const refusal = ["Only the nurse who started this draft, or an administrator, can delete it"];
    expect(problemsOf(() => deleteDraft(db, { actor: { ...nurse(), userId: d.ids.users.nurseSouth }, agreementId: id, at }))).toEqual(refusal);
    expect(problemsOf(() => deleteDraft(db, { actor: d.actorFor(d.ids.users.manager), agreementId: id, at }))).toEqual(refusal);
    expect(deleteDraft(db, { actor: d.actorFor(d.ids.users.nurseSouth), agreementId: id, at })).toBeNull();
    expect(deleteDraft(db, { actor: nurse(), agreementId: id, at })).toMatchObject({ reference: expect.stringMatching(/^DA-2026-/) });
    expect(db.select().from(agreements).where(eq(agreements.id, id)).all()).toEqual([]);
    expect(db.select().from(agreementVersions).where(eq(agreementVersions.agreementId, id)).all()).toEqual([]);
    expect(db.select().from(agreementTasks).where(inArray(agreementTasks.versionId, versionIds)).all()).toEqual([]);
    expect(db.select().from(agreementWorkers).where(inArray(agreementWorkers.versionId, versionIds)).all()).toEqual([]);
    expect(db.select().from(consents).where(eq(consents.agreementId, id)).all()).toEqual([]);
    const event = db.select().from(auditEvents).where(and(eq(auditEvents.action, "agreement.delete"), eq(auditEvents.entityId, String(id)))).get()!;
    expect(event.actorId).toBe(ids.users.nurse);
    expect(JSON.parse(event.details)).toMatchObject({ personId: ids.people.edith, taskIds: [ids.tasks["INS-PEN"]], workerIds: [ids.workers.maria], consents: 1 });
  });

  it("nothing sent or signed is deleted, not even by an administrator", () => {
    const { db, at, ids } = d;
    const edith = db.select().from(agreements).where(and(eq(agreements.personId, ids.people.edith), eq(agreements.state, "active"))).get()!;
    const admin = d.actorFor(ids.users.admin);
    expect(problemsOf(() => deleteDraft(db, { actor: admin, agreementId: edith.id, at }))).toEqual([`${edith.reference} has been sent for signatures, so it is a record and cannot be deleted. End the agreement instead`]);
    expect(db.select().from(agreements).where(eq(agreements.id, edith.id)).get()).toBeDefined();
  });

  it("an amendment needs a reason, kept with the version and on the timeline", () => {
    const { db, ids, at } = d;
    const george = db.select().from(agreements).where(eq(agreements.personId, ids.people.george)).get()!;
    expect(problemsOf(() => amendAgreement(db, { actor: nurse(), agreementId: george.id, keepInForce: true, reason: "  ", at }))).toEqual(["Enter the reason for the change"]);
    expect(versionOf(db, george.id, 2)).toBeNull();
    amendAgreement(db, { actor: nurse(), agreementId: george.id, keepInForce: true, reason: "The wound is healing: dressings every 3 days", at });
    expect(versionOf(db, george.id, 2)!.changeReason).toBe("The wound is healing: dressings every 3 days");
    const view = getAgreement(db, { actor: nurse(), id: george.id, today: TODAY, at, reviewDueDays: 30, warningDays: W })!;
    expect(view.versions.find((v) => v.version === 2)!.changeReason).toBe("The wound is healing: dressings every 3 days");
    expect(JSON.parse(view.timeline.find((e) => e.action === "agreement.amend")!.details).reason).toBe("The wound is healing: dressings every 3 days");
  });
});
