import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { workerParty } from "~/domain/agreement";
import { agreements, auditEvents, competencies, outbox, people } from "~db/schema";
import { agreementPdfData } from "./agreement-pdf.server";
import { recordConsent, type ConsentInput } from "./agreement-consent.server";
import { recordPaperSignature, signInApp } from "./agreement-signing.server";
import { sendForSignatures } from "./agreement-sending.server";
import { createAgreement, DuplicateAgreementError } from "./agreement-create.server";
import { getAgreement } from "./agreement-view.server";
import { setNamedWorkers, updateTaskSpecifics } from "./agreement-draft.server";
import { versionOf } from "./agreement-access.server";
import { listAlerts } from "./alerts.server";
import { changeCompetencyState } from "./competency-state.server";
import { listWorkerCompetencies } from "./competencies.server";
import { recordObservation } from "./observations.server";
import { signOffCompetency } from "./competency-sign-off.server";
import { trainingMatrix } from "./matrix.server";
import { getSettings } from "./settings.server";
import { demoDatabase, problemsOf, writeSupervision } from "./test-helpers";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";
const W = 90;
const PERSON: ConsentInput = { kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn: TODAY, notes: "" };

describe("flow: follow-up, consent after signing, duplicates, declining", () => {
  let d: Demo;
  beforeEach(async () => {
    d = await demoDatabase();
  });

  const nurse = () => d.actorFor(d.ids.users.nurse);
  const stateOf = (id: number) => d.db.select().from(agreements).where(eq(agreements.id, id)).get()!;
  const alertsFor = (userId: number) => listAlerts(d.db, { actor: d.actorFor(userId), today: TODAY, settings: getSettings(d.db) });

  /** A second agreement for Edith's insulin (confirmed), naming Maria and Aisha (in training), signed by every party. */
  function signedButWaitingForAisha() {
    const { db, ids, at } = d;
    const insulin = ids.tasks["INS-PEN"]!;
    const id = createAgreement(db, { actor: nurse(), personId: ids.people.edith, taskIds: [insulin], startDate: TODAY, today: TODAY, at, confirmDuplicate: true });
    updateTaskSpecifics(db, { actor: nurse(), agreementId: id, taskId: insulin, specifics: { instructions: "1. Check\n2. Give", carePlanReference: "", deviceOrProduct: "", parameters: "", mustNotDo: "", escalationPlan: "Call the nurse" }, at });
    setNamedWorkers(db, { actor: nurse(), agreementId: id, workerIds: [ids.workers.maria, ids.workers.aisha], at });
    writeSupervision(db, { actor: nurse(), agreementId: id, today: TODAY, at });
    recordConsent(db, { actor: nurse(), agreementId: id, input: PERSON, today: TODAY, at, warningDays: W });
    sendForSignatures(db, { actor: nurse(), agreementId: id, today: TODAY, at, warningDays: W });
    const hash = versionOf(db, id, 1)!.contentHash!;
    const common = { agreementId: id, today: TODAY, at, warningDays: W, shownHash: hash };
    signInApp(db, { actor: nurse(), ...common, party: "delegator" });
    signInApp(db, { actor: d.actorFor(ids.users.manager), ...common, party: "provider" });
    signInApp(db, { actor: d.actorFor(ids.users.workerUser), ...common, party: workerParty(ids.workers.maria) });
    recordPaperSignature(db, { actor: nurse(), ...common, party: workerParty(ids.workers.aisha), signerName: "Aisha Begum", signedOn: TODAY });
    recordPaperSignature(db, { actor: nurse(), ...common, party: "person", signerName: "Edith Clarke", signedOn: TODAY });
    return id;
  }

  it("rule 5: signing off the one worker an agreement waits for makes it active in the same transaction", () => {
    const { db, ids, at } = d;
    const id = signedButWaitingForAisha();
    expect(stateOf(id).state).toBe("awaiting_signatures");
    const aisha = db.select().from(competencies).where(and(eq(competencies.workerId, ids.workers.aisha), eq(competencies.taskId, ids.tasks["INS-PEN"]!))).get()!;
    const facilitator = d.actorFor(ids.users.facilitator);
    recordObservation(db, { actor: facilitator, input: { workerId: ids.workers.aisha, taskId: ids.tasks["INS-PEN"]!, personId: ids.people.edith, observedOn: TODAY, outcome: "satisfactory", notes: "" }, today: TODAY, at });
    signOffCompetency(db, { actor: facilitator, id: aisha.id, signedOffOn: TODAY, notes: "", today: TODAY, at });
    expect(stateOf(id)).toMatchObject({ state: "active", inForceVersion: 1 });
    expect(db.select().from(auditEvents).where(and(eq(auditEvents.entityId, String(id)), eq(auditEvents.action, "agreement.activate"))).all()).toHaveLength(1);
  });

  it("rule 10: a second open agreement for the same person and task needs confirmation; two live ones alert", () => {
    const { db, ids, at } = d;
    const before = db.select().from(agreements).all().length;
    let error: unknown;
    try {
      createAgreement(db, { actor: nurse(), personId: ids.people.edith, taskIds: [ids.tasks.BGM!], startDate: TODAY, today: TODAY, at });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DuplicateAgreementError);
    const edith = stateOf(ids.agreements.edith);
    expect((error as DuplicateAgreementError).duplicates).toEqual([{ id: edith.id, reference: edith.reference, state: "active", tasks: expect.any(Array), sharedTasks: ["Blood glucose monitoring"] }]);
    expect(db.select().from(agreements).all()).toHaveLength(before);
    // Another task for the same person is not a duplicate.
    expect(() => createAgreement(db, { actor: nurse(), personId: ids.people.edith, taskIds: [ids.tasks.CATH!], startDate: TODAY, today: TODAY, at })).not.toThrow();

    const second = signedButWaitingForAisha();
    const created = db.select().from(auditEvents).where(and(eq(auditEvents.entityId, String(second)), eq(auditEvents.action, "agreement.create"))).get()!;
    expect(JSON.parse(created.details).confirmedAlongside).toEqual([edith.reference]);
    expect(alertsFor(ids.users.nurse).filter((a) => a.kind === "agreement_overlap")).toEqual([]);
    // Once both are live, each raises the alert, for the nurse and the provider's manager alike.
    const aisha = db.select().from(competencies).where(and(eq(competencies.workerId, ids.workers.aisha), eq(competencies.taskId, ids.tasks["INS-PEN"]!))).get()!;
    const facilitator = d.actorFor(ids.users.facilitator);
    recordObservation(db, { actor: facilitator, input: { workerId: ids.workers.aisha, taskId: ids.tasks["INS-PEN"]!, personId: ids.people.edith, observedOn: TODAY, outcome: "satisfactory", notes: "" }, today: TODAY, at });
    signOffCompetency(db, { actor: facilitator, id: aisha.id, signedOffOn: TODAY, notes: "", today: TODAY, at });
    for (const userId of [ids.users.nurse, ids.users.manager]) {
      const overlaps = alertsFor(userId).filter((a) => a.kind === "agreement_overlap");
      expect(overlaps.map((a) => a.subject.agreementId).sort()).toEqual([edith.id, second].sort());
      expect(overlaps.every((a) => a.subject.taskName === "Insulin administration by pen")).toBe(true);
    }
    expect(alertsFor(ids.users.manager2).filter((a) => a.kind === "agreement_overlap")).toEqual([]);
  });

  it("rule 6: a change of consent on an active agreement starts a new version, suspends it, tells people, and the capacity follows", () => {
    const { db, ids, at } = d;
    const id = ids.agreements.edith;
    const bestInterests: ConsentInput = { kind: "best_interests", representativeName: "", authority: null, decisionDetails: "Best-interests meeting with the GP and her son", givenOn: TODAY, notes: "" };
    const v1 = versionOf(db, id, 1)!;

    expect(problemsOf(() => recordConsent(db, { actor: nurse(), agreementId: id, input: { ...PERSON, representativeName: "Graham Clarke", authority: "lpa_health_welfare" }, today: TODAY, at, warningDays: W }))[0]).toMatch(
      /^Consent given by the person cannot also name a representative/,
    );
    const signedWith = JSON.parse(v1.content!).consent;
    expect(problemsOf(() => recordConsent(db, { actor: nurse(), agreementId: id, input: { ...signedWith, notes: "" }, today: TODAY, at, warningDays: W }))).toEqual([
      "This is the consent version 1 was sent with: nothing has changed. Record consent only when it has changed.",
    ]);
    expect(stateOf(id)).toMatchObject({ state: "active", currentVersion: 1 });

    expect(recordConsent(db, { actor: nurse(), agreementId: id, input: bestInterests, today: TODAY, at, warningDays: W })).toEqual({ newVersion: 2 });
    expect(stateOf(id)).toMatchObject({ state: "suspended", currentVersion: 2, inForceVersion: 1, stateReason: "Consent changed on 22 November 2026: suspended until version 2, with the new consent, is signed by every party" });
    expect(versionOf(db, id, 1)).toEqual(v1);
    expect(db.select().from(people).where(eq(people.id, ids.people.edith)).get()!.capacityNotes).toBe("Lacks capacity to consent to delegated care: best-interests decision on 22 November 2026");
    const told = db.select().from(outbox).where(eq(outbox.subject, `Agreement ${stateOf(id).reference} (E. C.) suspended: consent changed`)).all();
    // The nurse, the provider's manager, and Maria (named, with her own sign-in): she must stop too.
    expect(told.map((m) => m.toAddress).sort()).toEqual(["manager@example.org", "nurse@example.org", "worker@example.org"]);

    // The printout of version 1 shows the consent it was signed on; version 2 carries the new one.
    const pdf = (version: number) => agreementPdfData(db, { actor: nurse(), id, version, today: TODAY, at, publicUrl: "http://x", reviewDueDays: 30, warningDays: W })!.data.person.consent;
    expect(pdf(1)).toMatch(/^Given by the person/);
    expect(pdf(2)).toMatch(/^Best-interests decision/);
    sendForSignatures(db, { actor: nurse(), agreementId: id, today: TODAY, at, warningDays: W });
    expect(JSON.parse(versionOf(db, id, 2)!.content!).consent).toMatchObject({ kind: "best_interests" });
  });

  it("rule 12: a worker declining a task they are named for tells the nurse and manager, alerts them, and shows no current sign-off", () => {
    const { db, ids, at } = d;
    const maria = db.select().from(competencies).where(and(eq(competencies.workerId, ids.workers.maria), eq(competencies.taskId, ids.tasks["INS-PEN"]!))).get()!;
    changeCompetencyState(db, { actor: d.actorFor(ids.users.workerUser), id: maria.id, action: "decline", reason: "I am not confident with the new pen", at });
    const reference = stateOf(ids.agreements.edith).reference;
    const told = db.select().from(outbox).where(eq(outbox.subject, `Maria Santos declined Insulin administration by pen on agreement ${reference}`)).all();
    expect(told.map((m) => m.toAddress).sort()).toEqual(["manager@example.org", "nurse@example.org"]);
    expect(told[0]!.body).toContain("I am not confident with the new pen");
    for (const userId of [ids.users.nurse, ids.users.manager]) {
      expect(alertsFor(userId).filter((a) => a.kind === "competency_declined" && a.subject.workerName === "Maria Santos")).toMatchObject([{ title: "Maria Santos declined Insulin administration by pen for E. C.", href: `/competencies/${maria.id}` }]);
    }
    expect(alertsFor(ids.users.manager2).filter((a) => a.kind === "competency_declined")).toEqual([]);
    // The demo's own example: Zara declined Ivy's PEG feeding while named on her agreement.
    expect(alertsFor(ids.users.manager3).filter((a) => a.kind === "competency_declined").map((a) => a.title)).toEqual(["Zara Ahmed declined Enteral (PEG) feeding and flushing for I. T."]);
    // James is still competent: the agreement stays active.
    expect(stateOf(ids.agreements.edith).state).toBe("active");
    const entry = listWorkerCompetencies(db, { actor: d.actorFor(ids.users.manager), workerId: ids.workers.maria, today: TODAY, warningDays: W }).find((c) => c.id === maria.id)!;
    expect(entry).toMatchObject({ status: "declined", signedOffOn: null, expiresOn: null, signedOffByName: null });
    const cell = trainingMatrix(db, { actor: d.actorFor(ids.users.manager), today: TODAY, warningDays: W }).cells[`${ids.workers.maria}:${ids.tasks["INS-PEN"]}`]!;
    expect(cell).toEqual([expect.objectContaining({ status: "declined", expiresOn: null })]);
    const view = getAgreement(db, { actor: nurse(), id: ids.agreements.edith, today: TODAY, at, reviewDueDays: 30, warningDays: W })!;
    expect(view.inForceCover.find((t) => t.taskName === "Insulin administration by pen")!.workers.find((w) => w.workerName === "Maria Santos")).toMatchObject({ current: false, reason: "competency declined" });
  });
});
