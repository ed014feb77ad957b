import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { compareForList, workerParty } from "~/domain/agreement";
import { agreements, agreementVersions, auditEvents, careWorkers, competencies, outbox, signatures } from "~db/schema";
import { amendAgreement, recordReview } from "./agreement-lifecycle.server";
import { blockersFor, recordPaperSignature, signInApp } from "./agreement-signing.server";
import { recordConsent } from "./agreement-consent.server";
import { sendForSignatures } from "./agreement-sending.server";
import { createAgreement } from "./agreement-create.server";
import { getAgreement } from "./agreement-view.server";
import { listAgreements, listPersonAgreements, listWorkerAgreements } from "./agreements.server";
import { setNamedWorkers, updateTaskSpecifics } from "./agreement-draft.server";
import { versionOf } from "./agreement-access.server";
import { changeCompetencyState } from "./competency-state.server";
import { agreementPdfData } from "./agreement-pdf.server";
import { demoDatabase, problemsOf, writeSupervision } from "./test-helpers";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";
const W = 90;


describe("delegation agreements", () => {
  let d: Demo;
  beforeEach(async () => {
    d = await demoDatabase();
  });

  const view = (userId: number, id: number, today = TODAY) =>
    getAgreement(d.db, { actor: d.actorFor(userId), id, today, at: d.at, reviewDueDays: 30, warningDays: W });

  const PERSON_CONSENT = { kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn: TODAY, notes: "" } as const;

  /** A nurse's new agreement for Edith's insulin, named workers Maria and James, with consent, sent for signature. */
  function sentAgreement() {
    const { db, ids, at } = d;
    const nurse = d.actorFor(ids.users.nurse);
    // Edith already has an agreement for insulin in the demo: a second is confirmed (docs/domain.md rule 10).
    const id = createAgreement(db, { actor: nurse, personId: ids.people.edith, taskIds: [ids.tasks["INS-PEN"]!], startDate: TODAY, today: TODAY, at, confirmDuplicate: true });
    updateTaskSpecifics(db, {
      actor: nurse,
      agreementId: id,
      taskId: ids.tasks["INS-PEN"]!,
      specifics: { instructions: "8 units with breakfast", carePlanReference: "", deviceOrProduct: "FlexPen", parameters: "6 to 12 mmol/L", mustNotDo: "Do not change the dose", escalationPlan: "Below 4: call the nurse" },
      at,
    });
    setNamedWorkers(db, { actor: nurse, agreementId: id, workerIds: [ids.workers.maria, ids.workers.james], at });
    writeSupervision(db, { actor: nurse, agreementId: id, today: TODAY, at });
    recordConsent(db, { actor: nurse, agreementId: id, today: TODAY, at, warningDays: W, input: PERSON_CONSENT });
    sendForSignatures(db, { actor: nurse, agreementId: id, today: TODAY, at, warningDays: W });
    return id;
  }

  const hashOf = (id: number) => versionOf(d.db, id, d.db.select().from(agreements).where(eq(agreements.id, id)).get()!.currentVersion)!.contentHash!;

  function signAll(id: number) {
    const { db, ids, at } = d;
    const common = { agreementId: id, today: TODAY, at, warningDays: W };
    signInApp(db, { actor: d.actorFor(ids.users.nurse), ...common, party: "delegator", shownHash: hashOf(id) });
    signInApp(db, { actor: d.actorFor(ids.users.manager), ...common, party: "provider", shownHash: hashOf(id) });
    signInApp(db, { actor: d.actorFor(ids.users.workerUser), ...common, party: workerParty(ids.workers.maria), shownHash: hashOf(id) });
    recordPaperSignature(db, { actor: d.actorFor(ids.users.manager), ...common, party: workerParty(ids.workers.james), signerName: "James Whitfield", signedOn: TODAY, shownHash: hashOf(id) });
    recordPaperSignature(db, { actor: d.actorFor(ids.users.nurse), ...common, party: "person", signerName: "Edith Clarke", signedOn: TODAY, shownHash: hashOf(id) });
  }

  it("becomes active only with consent and every required signature on the current version (rule 1); consent is part of what is signed (rule 6)", () => {
    const { db, ids, at } = d;
    const nurse = d.actorFor(ids.users.nurse);
    const draft = createAgreement(db, { actor: nurse, personId: ids.people.edith, taskIds: [ids.tasks["INS-PEN"]!], startDate: TODAY, today: TODAY, at, confirmDuplicate: true });
    updateTaskSpecifics(db, { actor: nurse, agreementId: draft, taskId: ids.tasks["INS-PEN"]!, specifics: { instructions: "8 units", carePlanReference: "", deviceOrProduct: "", parameters: "", mustNotDo: "", escalationPlan: "Call the nurse" }, at });
    setNamedWorkers(db, { actor: nurse, agreementId: draft, workerIds: [ids.workers.maria], at });
    writeSupervision(db, { actor: nurse, agreementId: draft, today: TODAY, at });
    expect(problemsOf(() => sendForSignatures(db, { actor: nurse, agreementId: draft, today: TODAY, at, warningDays: W }))).toEqual(["Record consent: it is part of what every party signs"]);

    const id = sentAgreement();
    expect(view(ids.users.nurse, id)?.status).toBe("awaiting_signatures");
    expect(JSON.parse(versionOf(db, id, 1)!.content!).consent).toEqual({ kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn: TODAY });
    signAll(id);
    const active = view(ids.users.nurse, id)!;
    expect(active.status).toBe("active");
    expect(active.agreement.inForceVersion).toBe(1);
    expect(active.signatures.map((s) => s.signature.contentHash)).toEqual(Array(5).fill(active.version.contentHash));
  });

  it("a worker not competent for every task blocks activation (rule 1)", () => {
    const { db, ids, at } = d;
    const nurse = d.actorFor(ids.users.nurse);
    const id = sentAgreement();
    // Aisha is in training for Edith's insulin: name her in an amendment.
    amendAgreement(db, { actor: nurse, agreementId: id, keepInForce: true, reason: "The dose changed", at });
    setNamedWorkers(db, { actor: nurse, agreementId: id, workerIds: [ids.workers.maria, ids.workers.aisha], at });
    sendForSignatures(db, { actor: nurse, agreementId: id, today: TODAY, at, warningDays: W });
    const a = view(ids.users.nurse, id)!;
    expect(blockersFor(db, { agreement: a.agreement, version: a.version, today: TODAY, warningDays: W })).toContain(
      "Aisha Begum is not competent for Insulin administration by pen: not yet signed off",
    );
  });

  it("a signed version never changes: editing is refused and an amendment needs every signature again (rule 6)", () => {
    const { db, ids, at } = d;
    const nurse = d.actorFor(ids.users.nurse);
    const id = sentAgreement();
    signAll(id);
    const v1 = versionOf(db, id, 1)!;
    expect(problemsOf(() => setNamedWorkers(db, { actor: nurse, agreementId: id, workerIds: [ids.workers.maria], at }))[0]).toMatch(/cannot be changed/);

    amendAgreement(db, { actor: nurse, agreementId: id, keepInForce: true, reason: "The dose changed", at });
    setNamedWorkers(db, { actor: nurse, agreementId: id, workerIds: [ids.workers.maria], at });
    sendForSignatures(db, { actor: nurse, agreementId: id, today: TODAY, at, warningDays: W });
    const v2 = versionOf(db, id, 2)!;
    expect(v2.contentHash).not.toBe(v1.contentHash);
    expect(db.select().from(signatures).where(eq(signatures.versionId, v2.id)).all()).toHaveLength(0);
    expect(versionOf(db, id, 1)).toEqual(v1);
    // Version 1 stays in force until version 2 is signed.
    expect(view(ids.users.nurse, id)?.agreement).toMatchObject({ state: "active", inForceVersion: 1, currentVersion: 2 });
  });

  it("a signature binds to the hash the signer was shown", () => {
    const id = sentAgreement();
    expect(
      problemsOf(() => signInApp(d.db, { actor: d.actorFor(d.ids.users.manager), agreementId: id, party: "provider", shownHash: "0".repeat(64), today: TODAY, at: d.at, warningDays: W })),
    ).toEqual(["The agreement changed since you opened it. Read the current version, then sign again."]);
    expect(
      problemsOf(() => signInApp(d.db, { actor: d.actorFor(d.ids.users.manager), agreementId: id, party: "delegator", shownHash: hashOf(id), today: TODAY, at: d.at, warningDays: W })),
    ).toEqual(["You cannot sign for this party"]);
  });

  it("a provider manager cannot sign for the delegating nurse, the provider on paper, or a worker who signs in; the agreement stays waiting (rule 2)", () => {
    const { db, ids, at } = d;
    const id = sentAgreement();
    const manager = d.actorFor(ids.users.manager);
    const common = { agreementId: id, today: TODAY, at, warningDays: W, signedOn: TODAY };
    // sentAgreement recorded consent before sending (consent is part of what is signed).
    const paper = (party: Parameters<typeof recordPaperSignature>[1]["party"], actor = manager) =>
      problemsOf(() => recordPaperSignature(db, { actor, ...common, party, signerName: "Someone", shownHash: hashOf(id) }));
    expect(paper("delegator")).toEqual(["The delegating nurse signs this agreement in the app themselves: nobody can record a signature for them"]);
    expect(paper("provider")).toEqual(["A manager of the provider signs for the provider in the app: a signature on paper cannot be recorded for the provider"]);
    expect(paper(workerParty(ids.workers.maria))).toEqual(["This care worker has their own sign-in and must sign in the app themselves"]);
    expect(paper(workerParty(ids.workers.maria), d.actorFor(ids.users.nurse))).toEqual(["This care worker has their own sign-in and must sign in the app themselves"]);
    // In the app, nobody signs as another party.
    expect(problemsOf(() => signInApp(db, { actor: d.actorFor(ids.users.facilitator), ...common, party: "delegator", shownHash: hashOf(id) }))).toEqual(["You cannot sign for this party"]);
    // What the manager may do: sign for the provider, record James (no sign-in) and the person.
    signInApp(db, { actor: manager, ...common, party: "provider", shownHash: hashOf(id) });
    expect(paper(workerParty(ids.workers.james))).toEqual([]);
    expect(paper("person")).toEqual([]);
    signInApp(db, { actor: d.actorFor(ids.users.workerUser), ...common, party: workerParty(ids.workers.maria), shownHash: hashOf(id) });
    const waiting = view(ids.users.nurse, id)!;
    expect(waiting.status).toBe("awaiting_signatures");
    expect(waiting.signatures.map((s) => s.signature.party)).not.toContain("delegator");
    signInApp(db, { actor: d.actorFor(ids.users.nurse), ...common, party: "delegator", shownHash: hashOf(id) });
    expect(view(ids.users.nurse, id)!.status).toBe("active");
  });

  it("the interlock: a lapsed worker must not carry out the task; with none left the agreement is suspended and people are told", () => {
    const id = sentAgreement();
    signAll(id);
    // James's insulin competency expires about 6 months on; Maria's about 9.
    const later = view(d.ids.users.nurse, id, "2027-07-01")!;
    const insulin = later.inForceCover[0]!;
    expect(insulin.workers.find((w) => w.workerName === "James Whitfield")).toMatchObject({ current: false });
    expect(insulin.workers.find((w) => w.workerName === "Maria Santos")).toMatchObject({ current: true });
    expect(later.agreement.state).toBe("active");

    const lapsed = view(d.ids.users.nurse, id, "2027-09-01")!;
    expect(lapsed.agreement.state).toBe("suspended");
    expect(lapsed.agreement.suspendedAutomatically).toBe(true);
    expect(lapsed.agreement.stateReason).toMatch(/No named care worker is competent for Insulin administration by pen/);
    const event = d.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, String(id)), eq(auditEvents.action, "agreement.suspend_automatically"))).get();
    expect(JSON.parse(event!.details)).toMatchObject({ cause: "no_competent_worker" });
    const told = d.db.select().from(outbox).where(eq(outbox.subject, `Agreement ${lapsed.agreement.reference} suspended: no competent care worker`)).all();
    // The nurse, the provider's manager, and Maria (named, with her own sign-in): she must stop too.
    expect(told.map((m) => m.toAddress).sort()).toEqual(["manager@example.org", "nurse@example.org", "worker@example.org"]);
  });

  it("suspending a named worker's competency suspends an agreement at once when no one else is competent", () => {
    const { db, ids, at } = d;
    const margaretLike = sentAgreement();
    signAll(margaretLike);
    const nurse = d.actorFor(ids.users.nurse);
    const mariaInsulin = view(ids.users.nurse, margaretLike)!;
    expect(mariaInsulin.agreement.state).toBe("active");
    const competencyIds = db
      .select({ id: competencies.id })
      .from(competencies)
      .where(and(eq(competencies.taskId, ids.tasks["INS-PEN"]!), inArray(competencies.workerId, [ids.workers.maria, ids.workers.james])))
      .all();
    for (const { id } of competencyIds) changeCompetencyState(db, { actor: nurse, id, action: "suspend", reason: "Concern", at });
    expect(db.select().from(agreements).where(eq(agreements.id, margaretLike)).get()?.state).toBe("suspended");
  });

  it("a review can continue with a new date, or end the agreement", () => {
    const { db, ids, at } = d;
    const nurse = d.actorFor(ids.users.nurse);
    const id = sentAgreement();
    signAll(id);
    expect(problemsOf(() => recordReview(db, { actor: nurse, agreementId: id, input: { reviewedOn: TODAY, outcome: "continue", nextReviewDate: TODAY, notes: "" }, today: TODAY, at }))).toEqual([
      "Next review date must be in the future",
    ]);
    recordReview(db, { actor: nurse, agreementId: id, input: { reviewedOn: TODAY, outcome: "continue", nextReviewDate: "2027-05-22", notes: "Going well" }, today: TODAY, at });
    expect(view(ids.users.nurse, id)?.agreement.reviewDate).toBe("2027-05-22");
    recordReview(db, { actor: nurse, agreementId: id, input: { reviewedOn: TODAY, outcome: "end", nextReviewDate: null, notes: "No longer needed" }, today: TODAY, at });
    const ended = view(ids.users.nurse, id)!;
    expect(ended.status).toBe("ended");
    expect(ended.reviews).toHaveLength(2);
  });

  it("scope: another provider's manager cannot see it; a care worker sees only agreements naming them", () => {
    const { ids } = d;
    const id = sentAgreement();
    expect(view(ids.users.manager2, id)).toBeNull();
    expect(view(ids.users.manager, id)).not.toBeNull();
    expect(view(ids.users.workerUser, id)).not.toBeNull();
    const workerList = listAgreements(d.db, { actor: d.actorFor(ids.users.workerUser), filters: {}, today: TODAY, at: d.at, reviewDueDays: 30, warningDays: W });
    expect(workerList.length).toBeGreaterThan(0);
    for (const a of workerList) expect(["Edith Clarke", "Winifred Shaw", "Arthur Bennett"]).toContain(a.personName);
  });

  it("a care worker left out of an amendment stops seeing the agreement once it is in force, and never sees a version not naming them", () => {
    const { db, ids, at } = d;
    const nurse = d.actorFor(ids.users.nurse);
    const maria = ids.users.workerUser;
    const id = sentAgreement();
    signAll(id);
    amendAgreement(db, { actor: nurse, agreementId: id, keepInForce: true, reason: "The dose changed", at });
    setNamedWorkers(db, { actor: nurse, agreementId: id, workerIds: [ids.workers.james], at });
    sendForSignatures(db, { actor: nurse, agreementId: id, today: TODAY, at, warningDays: W });
    // While version 2 waits, Maria still works under version 1 and sees that, not version 2.
    expect(view(maria, id)?.version.version).toBe(1);
    expect(view(maria, id)?.versions.map((v) => v.version)).toEqual([1]);
    expect(getAgreement(db, { actor: d.actorFor(maria), id, version: 2, today: TODAY, at, reviewDueDays: 30, warningDays: W })).toBeNull();
    const common = { agreementId: id, today: TODAY, at, warningDays: W };
    signInApp(db, { actor: nurse, ...common, party: "delegator", shownHash: hashOf(id) });
    signInApp(db, { actor: d.actorFor(ids.users.manager), ...common, party: "provider", shownHash: hashOf(id) });
    recordPaperSignature(db, { actor: nurse, ...common, party: workerParty(ids.workers.james), signerName: "James Whitfield", signedOn: TODAY, shownHash: hashOf(id) });
    recordPaperSignature(db, { actor: nurse, ...common, party: "person", signerName: "Edith Clarke", signedOn: TODAY, shownHash: hashOf(id) });
    expect(view(ids.users.nurse, id)?.agreement).toMatchObject({ state: "active", inForceVersion: 2 });
    // Version 2 is in force and does not name Maria: the agreement, every version and its list entry are gone for her.
    expect(view(maria, id)).toBeNull();
    for (const version of [1, 2]) expect(getAgreement(db, { actor: d.actorFor(maria), id, version, today: TODAY, at, reviewDueDays: 30, warningDays: W })).toBeNull();
    const list = listAgreements(db, { actor: d.actorFor(maria), filters: {}, today: TODAY, at, reviewDueDays: 30, warningDays: W });
    expect(list.map((a) => a.id)).not.toContain(id);
    expect(agreementPdfData(db, { actor: d.actorFor(maria), id, today: TODAY, at, publicUrl: "http://localhost", reviewDueDays: 30, warningDays: W })).toBeNull();
    // James, named on version 2, sees it; the nurse sees every version.
    expect(view(ids.users.nurse, id)?.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it("lists agreements in the one order (compareForList) on every list: the agreements list, a person's page, a care worker's page", () => {
    const { ids } = d;
    const admin = d.actorFor(ids.users.admin);
    const all = listAgreements(d.db, { actor: admin, filters: {}, today: TODAY, at: d.at, reviewDueDays: 30, warningDays: W });
    expect(all.some((a) => a.state === "ended")).toBe(true);
    expect(all.map((a) => a.reference)).toEqual([...all].sort(compareForList).map((a) => a.reference));
    expect(all.findIndex((a) => a.state === "ended")).toBeGreaterThan(all.findLastIndex((a) => a.state !== "ended"));
    const personId = all.find((a) => a.state === "ended")!.personId;
    const person = listPersonAgreements(d.db, { actor: admin, personId, today: TODAY, reviewDueDays: 30 });
    expect(person.map((a) => a.reference)).toEqual([...person].sort(compareForList).map((a) => a.reference));
    const maria = d.db.select({ id: careWorkers.id }).from(careWorkers).where(eq(careWorkers.name, "Maria Santos")).get()!.id;
    const named = listWorkerAgreements(d.db, { actor: admin, workerId: maria, today: TODAY, reviewDueDays: 30 });
    const byId = new Map(all.map((a) => [a.id, a]));
    expect(named.map((a) => a.reference)).toEqual(named.map((a) => byId.get(a.id)!).sort(compareForList).map((a) => a.reference));
  });

  it("the demo shows every agreement state, an interlock suspension and an amendment", () => {
    const { ids } = d;
    const all = listAgreements(d.db, { actor: d.actorFor(ids.users.admin), filters: {}, today: TODAY, at: d.at, reviewDueDays: 30, warningDays: W });
    expect(new Set(all.map((a) => a.status))).toEqual(new Set(["draft", "awaiting_signatures", "active", "not_yet_in_force", "review_due", "review_overdue", "suspended", "ended"]));
    const margaret = view(ids.users.admin, ids.agreements.margaret)!;
    expect(margaret.agreement.suspendedAutomatically).toBe(true);
    const doris = view(ids.users.admin, ids.agreements.doris)!;
    expect(doris.versions.map((v) => v.state)).toEqual(["superseded", "signed"]);
    const edith = view(ids.users.admin, ids.agreements.edith)!;
    const bgm = edith.inForceCover.find((t) => t.taskName === "Blood glucose monitoring")!;
    expect(bgm.workers.find((w) => w.workerName === "James Whitfield")?.current).toBe(false);
    const winifred = d.db.select().from(agreementVersions).where(eq(agreementVersions.agreementId, ids.agreements.winifred)).get()!;
    expect(winifred.frozenAt! < "2026-11-15").toBe(true);
  });
});
