import { first } from "./transaction.server";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { workerParty } from "~/domain/agreement";
import { agreements, auditEvents, competencies, outbox, people } from "~db/tables";
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

  const nurse = async () => await d.actorFor(d.ids.users.nurse);
  const stateOf = async (id: number) => (await first(d.db.select().from(agreements).where(eq(agreements.id, id)).limit(1)))!;
  const alertsFor = async (userId: number) => await listAlerts(d.db, { actor: await d.actorFor(userId), today: TODAY, settings: await getSettings(d.db) });

  /** A second agreement for Edith's insulin (confirmed), naming Maria and Aisha (in training), signed by every party. */
  async function signedButWaitingForAisha() {
    const { db, ids, at } = d;
    const insulin = ids.tasks["INS-PEN"]!;
    const id = await createAgreement(db, { actor: await nurse(), personId: ids.people.edith, taskIds: [insulin], startDate: TODAY, today: TODAY, at, confirmDuplicate: true });
    await updateTaskSpecifics(db, { actor: await nurse(), agreementId: id, taskId: insulin, specifics: { instructions: "1. Check\n2. Give", carePlanReference: "", deviceOrProduct: "", parameters: "", mustNotDo: "", escalationPlan: "Call the nurse" }, at });
    await setNamedWorkers(db, { actor: await nurse(), agreementId: id, workerIds: [ids.workers.maria, ids.workers.aisha], at });
    await writeSupervision(db, { actor: await nurse(), agreementId: id, today: TODAY, at });
    await recordConsent(db, { actor: await nurse(), agreementId: id, input: PERSON, today: TODAY, at, warningDays: W });
    await sendForSignatures(db, { actor: await nurse(), agreementId: id, today: TODAY, at, warningDays: W });
    const hash = (await versionOf(db, id, 1))!.contentHash!;
    const common = { agreementId: id, today: TODAY, at, warningDays: W, shownHash: hash };
    await signInApp(db, { actor: await nurse(), ...common, party: "delegator" });
    await signInApp(db, { actor: await d.actorFor(ids.users.manager), ...common, party: "provider" });
    await signInApp(db, { actor: await d.actorFor(ids.users.workerUser), ...common, party: workerParty(ids.workers.maria) });
    await recordPaperSignature(db, { actor: await nurse(), ...common, party: workerParty(ids.workers.aisha), signerName: "Aisha Begum", signedOn: TODAY });
    await recordPaperSignature(db, { actor: await nurse(), ...common, party: "person", signerName: "Edith Clarke", signedOn: TODAY });
    return id;
  }

  it("rule 5: signing off the one worker an agreement waits for makes it active in the same transaction", async () => {
    const { db, ids, at } = d;
    const id = await signedButWaitingForAisha();
    expect((await stateOf(id)).state).toBe("awaiting_signatures");
    const aisha = (await first(db.select().from(competencies).where(and(eq(competencies.workerId, ids.workers.aisha), eq(competencies.taskId, ids.tasks["INS-PEN"]!))).limit(1)))!;
    const facilitator = await d.actorFor(ids.users.facilitator);
    await recordObservation(db, { actor: facilitator, input: { workerId: ids.workers.aisha, taskId: ids.tasks["INS-PEN"]!, personId: ids.people.edith, observedOn: TODAY, outcome: "satisfactory", notes: "" }, today: TODAY, at });
    await signOffCompetency(db, { actor: facilitator, id: aisha.id, signedOffOn: TODAY, notes: "", today: TODAY, at });
    expect(await stateOf(id)).toMatchObject({ state: "active", inForceVersion: 1 });
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, String(id)), eq(auditEvents.action, "agreement.activate")))).toHaveLength(1);
  });

  it("rule 10: a second open agreement for the same person and task needs confirmation; two live ones alert", async () => {
    const { db, ids, at } = d;
    const before = (await db.select().from(agreements)).length;
    let error: unknown;
    try {
      await createAgreement(db, { actor: await nurse(), personId: ids.people.edith, taskIds: [ids.tasks.BGM!], startDate: TODAY, today: TODAY, at });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DuplicateAgreementError);
    const edith = await stateOf(ids.agreements.edith);
    expect((error as DuplicateAgreementError).duplicates).toEqual([{ id: edith.id, reference: edith.reference, state: "active", tasks: expect.any(Array), sharedTasks: ["Blood glucose monitoring"] }]);
    expect(await db.select().from(agreements)).toHaveLength(before);
    // Another task for the same person is not a duplicate.
    await expect(createAgreement(db, { actor: await nurse(), personId: ids.people.edith, taskIds: [ids.tasks.CATH!], startDate: TODAY, today: TODAY, at })).resolves.toBeTypeOf("number");

    const second = await signedButWaitingForAisha();
    const created = (await first(db.select().from(auditEvents).where(and(eq(auditEvents.entityId, String(second)), eq(auditEvents.action, "agreement.create"))).limit(1)))!;
    expect(JSON.parse(created.details).confirmedAlongside).toEqual([edith.reference]);
    expect((await alertsFor(ids.users.nurse)).filter((a) => a.kind === "agreement_overlap")).toEqual([]);
    // Once both are live, each raises the alert, for the nurse and the provider's manager alike.
    const aisha = (await first(db.select().from(competencies).where(and(eq(competencies.workerId, ids.workers.aisha), eq(competencies.taskId, ids.tasks["INS-PEN"]!))).limit(1)))!;
    const facilitator = await d.actorFor(ids.users.facilitator);
    await recordObservation(db, { actor: facilitator, input: { workerId: ids.workers.aisha, taskId: ids.tasks["INS-PEN"]!, personId: ids.people.edith, observedOn: TODAY, outcome: "satisfactory", notes: "" }, today: TODAY, at });
    await signOffCompetency(db, { actor: facilitator, id: aisha.id, signedOffOn: TODAY, notes: "", today: TODAY, at });
    for (const userId of [ids.users.nurse, ids.users.manager]) {
      const overlaps = (await alertsFor(userId)).filter((a) => a.kind === "agreement_overlap");
      expect(overlaps.map((a) => a.subject.agreementId).sort()).toEqual([edith.id, second].sort());
      expect(overlaps.every((a) => a.subject.taskName === "Insulin administration by pen")).toBe(true);
    }
    expect((await alertsFor(ids.users.manager2)).filter((a) => a.kind === "agreement_overlap")).toEqual([]);
  });

  it("rule 6: a change of consent on an active agreement starts a new version, suspends it, tells people, and the capacity follows", async () => {
    const { db, ids, at } = d;
    const id = ids.agreements.edith;
    const bestInterests: ConsentInput = { kind: "best_interests", representativeName: "", authority: null, decisionDetails: "Best-interests meeting with the GP and her son", givenOn: TODAY, notes: "" };
    const v1 = (await versionOf(db, id, 1))!;

    expect((await problemsOf(async () => await recordConsent(db, { actor: await nurse(), agreementId: id, input: { ...PERSON, representativeName: "Graham Clarke", authority: "lpa_health_welfare" }, today: TODAY, at, warningDays: W })))[0]).toMatch(
      /^Consent given by the person cannot also name a representative/,
    );
    const signedWith = JSON.parse(v1.content!).consent;
    expect(await problemsOf(async () => await recordConsent(db, { actor: await nurse(), agreementId: id, input: { ...signedWith, notes: "" }, today: TODAY, at, warningDays: W }))).toEqual([
      "This is the consent version 1 was sent with: nothing has changed. Record consent only when it has changed.",
    ]);
    expect(await stateOf(id)).toMatchObject({ state: "active", currentVersion: 1 });

    expect(await recordConsent(db, { actor: await nurse(), agreementId: id, input: bestInterests, today: TODAY, at, warningDays: W })).toEqual({ newVersion: 2 });
    expect(await stateOf(id)).toMatchObject({ state: "suspended", currentVersion: 2, inForceVersion: 1, stateReason: "Consent changed on 22 November 2026: suspended until version 2, with the new consent, is signed by every party" });
    expect(await versionOf(db, id, 1)).toEqual(v1);
    expect((await first(db.select().from(people).where(eq(people.id, ids.people.edith)).limit(1)))!.capacityNotes).toBe("Lacks capacity to consent to delegated care: best-interests decision on 22 November 2026");
    const told = await db.select().from(outbox).where(eq(outbox.subject, `Agreement ${(await stateOf(id)).reference} (E. C.) suspended: consent changed`));
    // The nurse, the provider's manager, and Maria (named, with her own sign-in): she must stop too.
    expect(told.map((m) => m.toAddress).sort()).toEqual(["manager@example.org", "nurse@example.org", "worker@example.org"]);

    // The printout of version 1 shows the consent it was signed on; version 2 carries the new one.
    const pdf = async (version: number) => (await agreementPdfData(db, { actor: await nurse(), id, version, today: TODAY, at, publicUrl: "http://x", reviewDueDays: 30, warningDays: W }))!.data.person.consent;
    expect(await pdf(1)).toMatch(/^Given by the person/);
    expect(await pdf(2)).toMatch(/^Best-interests decision/);
    await sendForSignatures(db, { actor: await nurse(), agreementId: id, today: TODAY, at, warningDays: W });
    expect(JSON.parse((await versionOf(db, id, 2))!.content!).consent).toMatchObject({ kind: "best_interests" });
  });

  it("rule 12: a worker declining a task they are named for tells the nurse and manager, alerts them, and shows no current sign-off", async () => {
    const { db, ids, at } = d;
    const maria = (await first(db.select().from(competencies).where(and(eq(competencies.workerId, ids.workers.maria), eq(competencies.taskId, ids.tasks["INS-PEN"]!))).limit(1)))!;
    await changeCompetencyState(db, { actor: await d.actorFor(ids.users.workerUser), id: maria.id, action: "decline", reason: "I am not confident with the new pen", at });
    const reference = (await stateOf(ids.agreements.edith)).reference;
    const told = await db.select().from(outbox).where(eq(outbox.subject, `Maria Santos declined Insulin administration by pen on agreement ${reference}`));
    expect(told.map((m) => m.toAddress).sort()).toEqual(["manager@example.org", "nurse@example.org"]);
    expect(told[0]!.body).toContain("I am not confident with the new pen");
    for (const userId of [ids.users.nurse, ids.users.manager]) {
      expect((await alertsFor(userId)).filter((a) => a.kind === "competency_declined" && a.subject.workerName === "Maria Santos")).toMatchObject([{ title: "Maria Santos declined Insulin administration by pen for E. C.", href: `/competencies/${maria.id}` }]);
    }
    expect((await alertsFor(ids.users.manager2)).filter((a) => a.kind === "competency_declined")).toEqual([]);
    // The demo's own example: Zara declined Ivy's PEG feeding while named on her agreement.
    expect((await alertsFor(ids.users.manager3)).filter((a) => a.kind === "competency_declined").map((a) => a.title)).toEqual(["Zara Ahmed declined Enteral (PEG) feeding and flushing for I. T."]);
    // James is still competent: the agreement stays active.
    expect((await stateOf(ids.agreements.edith)).state).toBe("active");
    const entry = (await listWorkerCompetencies(db, { actor: await d.actorFor(ids.users.manager), workerId: ids.workers.maria, today: TODAY, warningDays: W })).find((c) => c.id === maria.id)!;
    expect(entry).toMatchObject({ status: "declined", signedOffOn: null, expiresOn: null, signedOffByName: null });
    const cell = (await trainingMatrix(db, { actor: await d.actorFor(ids.users.manager), today: TODAY, warningDays: W })).cells[`${ids.workers.maria}:${ids.tasks["INS-PEN"]}`]!;
    expect(cell).toEqual([expect.objectContaining({ status: "declined", expiresOn: null })]);
    const view = (await getAgreement(db, { actor: await nurse(), id: ids.agreements.edith, today: TODAY, at, reviewDueDays: 30, warningDays: W }))!;
    expect(view.inForceCover.find((t) => t.taskName === "Insulin administration by pen")!.workers.find((w) => w.workerName === "Maria Santos")).toMatchObject({ current: false, reason: "competency declined" });
  });
});
