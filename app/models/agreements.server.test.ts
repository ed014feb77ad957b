import { first } from "./transaction.server";
import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { compareForList, workerParty } from "~/domain/agreement";
import { agreements, agreementVersions, auditEvents, careWorkers, competencies, outbox, signatures } from "~db/tables";
import { amendAgreement, recordReview } from "./agreement-lifecycle.server";
import { blockersFor, recordPaperSignature, signInApp } from "./agreement-signing.server";
import { recordConsent } from "./agreement-consent.server";
import { sendForSignatures } from "./agreement-sending.server";
import { createAgreement } from "./agreement-create.server";
import { getAgreement } from "./agreement-view.server";
import { listAgreements, listAgreementsPage, listPersonAgreements, listWorkerAgreements } from "./agreements.server";
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

  const view = async (userId: number, id: number, today = TODAY) =>
    await getAgreement(d.db, { actor: await d.actorFor(userId), id, today, at: d.at, reviewDueDays: 30, warningDays: W });

  const PERSON_CONSENT = { kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn: TODAY, notes: "" } as const;

  /** A nurse's new agreement for Edith's insulin, named workers Maria and James, with consent, sent for signature. */
  async function sentAgreement() {
    const { db, ids, at } = d;
    const nurse = await d.actorFor(ids.users.nurse);
    // Edith already has an agreement for insulin in the demo: a second is confirmed (docs/domain.md rule 10).
    const id = await createAgreement(db, { actor: nurse, personId: ids.people.edith, taskIds: [ids.tasks["INS-PEN"]!], startDate: TODAY, today: TODAY, at, confirmDuplicate: true });
    await updateTaskSpecifics(db, {
      actor: nurse,
      agreementId: id,
      taskId: ids.tasks["INS-PEN"]!,
      specifics: { instructions: "8 units with breakfast", carePlanReference: "", deviceOrProduct: "FlexPen", parameters: "6 to 12 mmol/L", mustNotDo: "Do not change the dose", escalationPlan: "Below 4: call the nurse" },
      at,
    });
    await setNamedWorkers(db, { actor: nurse, agreementId: id, workerIds: [ids.workers.maria, ids.workers.james], at });
    await writeSupervision(db, { actor: nurse, agreementId: id, today: TODAY, at });
    await recordConsent(db, { actor: nurse, agreementId: id, today: TODAY, at, warningDays: W, input: PERSON_CONSENT });
    await sendForSignatures(db, { actor: nurse, agreementId: id, today: TODAY, at, warningDays: W });
    return id;
  }

  const hashOf = async (id: number) => (await versionOf(d.db, id, (await first(d.db.select().from(agreements).where(eq(agreements.id, id)).limit(1)))!.currentVersion))!.contentHash!;

  async function signAll(id: number) {
    const { db, ids, at } = d;
    const common = { agreementId: id, today: TODAY, at, warningDays: W };
    await signInApp(db, { actor: await d.actorFor(ids.users.nurse), ...common, party: "delegator", shownHash: await hashOf(id) });
    await signInApp(db, { actor: await d.actorFor(ids.users.manager), ...common, party: "provider", shownHash: await hashOf(id) });
    await signInApp(db, { actor: await d.actorFor(ids.users.workerUser), ...common, party: workerParty(ids.workers.maria), shownHash: await hashOf(id) });
    await recordPaperSignature(db, { actor: await d.actorFor(ids.users.manager), ...common, party: workerParty(ids.workers.james), signerName: "James Whitfield", signedOn: TODAY, shownHash: await hashOf(id) });
    await recordPaperSignature(db, { actor: await d.actorFor(ids.users.nurse), ...common, party: "person", signerName: "Edith Clarke", signedOn: TODAY, shownHash: await hashOf(id) });
  }

  it("becomes active only with consent and every required signature on the current version (rule 1); consent is part of what is signed (rule 6)", async () => {
    const { db, ids, at } = d;
    const nurse = await d.actorFor(ids.users.nurse);
    const draft = await createAgreement(db, { actor: nurse, personId: ids.people.edith, taskIds: [ids.tasks["INS-PEN"]!], startDate: TODAY, today: TODAY, at, confirmDuplicate: true });
    await updateTaskSpecifics(db, { actor: nurse, agreementId: draft, taskId: ids.tasks["INS-PEN"]!, specifics: { instructions: "8 units", carePlanReference: "", deviceOrProduct: "", parameters: "", mustNotDo: "", escalationPlan: "Call the nurse" }, at });
    await setNamedWorkers(db, { actor: nurse, agreementId: draft, workerIds: [ids.workers.maria], at });
    await writeSupervision(db, { actor: nurse, agreementId: draft, today: TODAY, at });
    expect(await problemsOf(async () => await sendForSignatures(db, { actor: nurse, agreementId: draft, today: TODAY, at, warningDays: W }))).toEqual(["Record consent: it is part of what every party signs"]);

    const id = await sentAgreement();
    expect((await view(ids.users.nurse, id))?.status).toBe("awaiting_signatures");
    expect(JSON.parse((await versionOf(db, id, 1))!.content!).consent).toEqual({ kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn: TODAY });
    await signAll(id);
    const active = (await view(ids.users.nurse, id))!;
    expect(active.status).toBe("active");
    expect(active.agreement.inForceVersion).toBe(1);
    expect(active.signatures.map((s) => s.signature.contentHash)).toEqual(Array(5).fill(active.version.contentHash));
  });

  it("a worker not competent for every task blocks activation (rule 1)", async () => {
    const { db, ids, at } = d;
    const nurse = await d.actorFor(ids.users.nurse);
    const id = await sentAgreement();
    // Aisha is in training for Edith's insulin: name her in an amendment.
    await amendAgreement(db, { actor: nurse, agreementId: id, keepInForce: true, reason: "The dose changed", at });
    await setNamedWorkers(db, { actor: nurse, agreementId: id, workerIds: [ids.workers.maria, ids.workers.aisha], at });
    await sendForSignatures(db, { actor: nurse, agreementId: id, today: TODAY, at, warningDays: W });
    const a = (await view(ids.users.nurse, id))!;
    expect(await blockersFor(db, { agreement: a.agreement, version: a.version, today: TODAY, warningDays: W })).toContain(
      "Aisha Begum is not competent for Insulin administration by pen: not yet signed off",
    );
  });

  it("a signed version never changes: editing is refused and an amendment needs every signature again (rule 6)", async () => {
    const { db, ids, at } = d;
    const nurse = await d.actorFor(ids.users.nurse);
    const id = await sentAgreement();
    await signAll(id);
    const v1 = (await versionOf(db, id, 1))!;
    expect((await problemsOf(async () => await setNamedWorkers(db, { actor: nurse, agreementId: id, workerIds: [ids.workers.maria], at })))[0]).toMatch(/cannot be changed/);

    await amendAgreement(db, { actor: nurse, agreementId: id, keepInForce: true, reason: "The dose changed", at });
    await setNamedWorkers(db, { actor: nurse, agreementId: id, workerIds: [ids.workers.maria], at });
    await sendForSignatures(db, { actor: nurse, agreementId: id, today: TODAY, at, warningDays: W });
    const v2 = (await versionOf(db, id, 2))!;
    expect(v2.contentHash).not.toBe(v1.contentHash);
    expect(await db.select().from(signatures).where(eq(signatures.versionId, v2.id))).toHaveLength(0);
    expect(await versionOf(db, id, 1)).toEqual(v1);
    // Version 1 stays in force until version 2 is signed.
    expect((await view(ids.users.nurse, id))?.agreement).toMatchObject({ state: "active", inForceVersion: 1, currentVersion: 2 });
  });

  it("a signature binds to the hash the signer was shown", async () => {
    const id = await sentAgreement();
    expect(
      await problemsOf(async () => await signInApp(d.db, { actor: await d.actorFor(d.ids.users.manager), agreementId: id, party: "provider", shownHash: "0".repeat(64), today: TODAY, at: d.at, warningDays: W })),
    ).toEqual(["The agreement changed since you opened it. Read the current version, then sign again."]);
    expect(
      await problemsOf(async () => await signInApp(d.db, { actor: await d.actorFor(d.ids.users.manager), agreementId: id, party: "delegator", shownHash: await hashOf(id), today: TODAY, at: d.at, warningDays: W })),
    ).toEqual(["You cannot sign for this party"]);
  });

  it("a provider manager cannot sign for the delegating nurse, the provider on paper, or a worker who signs in; the agreement stays waiting (rule 2)", async () => {
    const { db, ids, at } = d;
    const id = await sentAgreement();
    const manager = await d.actorFor(ids.users.manager);
    const common = { agreementId: id, today: TODAY, at, warningDays: W, signedOn: TODAY };
    // sentAgreement recorded consent before sending (consent is part of what is signed).
    const paper = async (party: Parameters<typeof recordPaperSignature>[1]["party"], actor = manager) =>
      await problemsOf(async () => await recordPaperSignature(db, { actor, ...common, party, signerName: "Someone", shownHash: await hashOf(id) }));
    expect(await paper("delegator")).toEqual(["The delegating nurse signs this agreement in the app themselves: nobody can record a signature for them"]);
    expect(await paper("provider")).toEqual(["A manager of the provider signs for the provider in the app: a signature on paper cannot be recorded for the provider"]);
    expect(await paper(workerParty(ids.workers.maria))).toEqual(["This care worker has their own sign-in and must sign in the app themselves"]);
    expect(await paper(workerParty(ids.workers.maria), await d.actorFor(ids.users.nurse))).toEqual(["This care worker has their own sign-in and must sign in the app themselves"]);
    // In the app, nobody signs as another party.
    expect(await problemsOf(async () => await signInApp(db, { actor: await d.actorFor(ids.users.facilitator), ...common, party: "delegator", shownHash: await hashOf(id) }))).toEqual(["You cannot sign for this party"]);
    // What the manager may do: sign for the provider, record James (no sign-in) and the person.
    await signInApp(db, { actor: manager, ...common, party: "provider", shownHash: await hashOf(id) });
    expect(await paper(workerParty(ids.workers.james))).toEqual([]);
    expect(await paper("person")).toEqual([]);
    await signInApp(db, { actor: await d.actorFor(ids.users.workerUser), ...common, party: workerParty(ids.workers.maria), shownHash: await hashOf(id) });
    const waiting = (await view(ids.users.nurse, id))!;
    expect(waiting.status).toBe("awaiting_signatures");
    expect(waiting.signatures.map((s) => s.signature.party)).not.toContain("delegator");
    await signInApp(db, { actor: await d.actorFor(ids.users.nurse), ...common, party: "delegator", shownHash: await hashOf(id) });
    expect((await view(ids.users.nurse, id))!.status).toBe("active");
  });

  it("the interlock: a lapsed worker must not carry out the task; with none left the agreement is suspended and people are told", async () => {
    const id = await sentAgreement();
    await signAll(id);
    // James's insulin competency expires about 6 months on; Maria's about 9.
    const later = (await view(d.ids.users.nurse, id, "2027-07-01"))!;
    const insulin = later.inForceCover[0]!;
    expect(insulin.workers.find((w) => w.workerName === "James Whitfield")).toMatchObject({ current: false });
    expect(insulin.workers.find((w) => w.workerName === "Maria Santos")).toMatchObject({ current: true });
    expect(later.agreement.state).toBe("active");

    const lapsed = (await view(d.ids.users.nurse, id, "2027-09-01"))!;
    expect(lapsed.agreement.state).toBe("suspended");
    expect(lapsed.agreement.suspendedAutomatically).toBe(true);
    expect(lapsed.agreement.stateReason).toMatch(/No named care worker is competent for Insulin administration by pen/);
    const event = await first(d.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, String(id)), eq(auditEvents.action, "agreement.suspend_automatically"))).limit(1));
    expect(JSON.parse(event!.details)).toMatchObject({ cause: "no_competent_worker" });
    const told = await d.db.select().from(outbox).where(eq(outbox.subject, `Agreement ${lapsed.agreement.reference} suspended: no competent care worker`));
    // The nurse, the provider's manager, and Maria (named, with her own sign-in): she must stop too.
    expect(told.map((m) => m.toAddress).sort()).toEqual(["manager@example.org", "nurse@example.org", "worker@example.org"]);
  });

  it("suspending a named worker's competency suspends an agreement at once when no one else is competent", async () => {
    const { db, ids, at } = d;
    const margaretLike = await sentAgreement();
    await signAll(margaretLike);
    const nurse = await d.actorFor(ids.users.nurse);
    const mariaInsulin = (await view(ids.users.nurse, margaretLike))!;
    expect(mariaInsulin.agreement.state).toBe("active");
    const competencyIds = await db
      .select({ id: competencies.id })
      .from(competencies)
      .where(and(eq(competencies.taskId, ids.tasks["INS-PEN"]!), inArray(competencies.workerId, [ids.workers.maria, ids.workers.james])));
    for (const { id } of competencyIds) await changeCompetencyState(db, { actor: nurse, id, action: "suspend", reason: "Concern", at });
    expect((await first(db.select().from(agreements).where(eq(agreements.id, margaretLike)).limit(1)))?.state).toBe("suspended");
  });

  it("a review can continue with a new date, or end the agreement", async () => {
    const { db, ids, at } = d;
    const nurse = await d.actorFor(ids.users.nurse);
    const id = await sentAgreement();
    await signAll(id);
    expect(await problemsOf(async () => await recordReview(db, { actor: nurse, agreementId: id, input: { reviewedOn: TODAY, outcome: "continue", nextReviewDate: TODAY, notes: "" }, today: TODAY, at }))).toEqual([
      "Next review date must be in the future",
    ]);
    await recordReview(db, { actor: nurse, agreementId: id, input: { reviewedOn: TODAY, outcome: "continue", nextReviewDate: "2027-05-22", notes: "Going well" }, today: TODAY, at });
    expect((await view(ids.users.nurse, id))?.agreement.reviewDate).toBe("2027-05-22");
    await recordReview(db, { actor: nurse, agreementId: id, input: { reviewedOn: TODAY, outcome: "end", nextReviewDate: null, notes: "No longer needed" }, today: TODAY, at });
    const ended = (await view(ids.users.nurse, id))!;
    expect(ended.status).toBe("ended");
    expect(ended.reviews).toHaveLength(2);
  });

  it("scope: another provider's manager cannot see it; a care worker sees only agreements naming them", async () => {
    const { ids } = d;
    const id = await sentAgreement();
    expect(await view(ids.users.manager2, id)).toBeNull();
    expect(await view(ids.users.manager, id)).not.toBeNull();
    expect(await view(ids.users.workerUser, id)).not.toBeNull();
    const workerList = await listAgreements(d.db, { actor: await d.actorFor(ids.users.workerUser), filters: {}, today: TODAY, at: d.at, reviewDueDays: 30, warningDays: W });
    expect(workerList.length).toBeGreaterThan(0);
    for (const a of workerList) expect(["Edith Clarke", "Winifred Shaw", "Arthur Bennett"]).toContain(a.personName);
  });

  it("a care worker left out of an amendment stops seeing the agreement once it is in force, and never sees a version not naming them", async () => {
    const { db, ids, at } = d;
    const nurse = await d.actorFor(ids.users.nurse);
    const maria = ids.users.workerUser;
    const id = await sentAgreement();
    await signAll(id);
    await amendAgreement(db, { actor: nurse, agreementId: id, keepInForce: true, reason: "The dose changed", at });
    await setNamedWorkers(db, { actor: nurse, agreementId: id, workerIds: [ids.workers.james], at });
    await sendForSignatures(db, { actor: nurse, agreementId: id, today: TODAY, at, warningDays: W });
    // While version 2 waits, Maria still works under version 1 and sees that, not version 2.
    expect((await view(maria, id))?.version.version).toBe(1);
    expect((await view(maria, id))?.versions.map((v) => v.version)).toEqual([1]);
    expect(await getAgreement(db, { actor: await d.actorFor(maria), id, version: 2, today: TODAY, at, reviewDueDays: 30, warningDays: W })).toBeNull();
    const common = { agreementId: id, today: TODAY, at, warningDays: W };
    await signInApp(db, { actor: nurse, ...common, party: "delegator", shownHash: await hashOf(id) });
    await signInApp(db, { actor: await d.actorFor(ids.users.manager), ...common, party: "provider", shownHash: await hashOf(id) });
    await recordPaperSignature(db, { actor: nurse, ...common, party: workerParty(ids.workers.james), signerName: "James Whitfield", signedOn: TODAY, shownHash: await hashOf(id) });
    await recordPaperSignature(db, { actor: nurse, ...common, party: "person", signerName: "Edith Clarke", signedOn: TODAY, shownHash: await hashOf(id) });
    expect((await view(ids.users.nurse, id))?.agreement).toMatchObject({ state: "active", inForceVersion: 2 });
    // Version 2 is in force and does not name Maria: the agreement, every version and its list entry are gone for her.
    expect(await view(maria, id)).toBeNull();
    for (const version of [1, 2]) expect(await getAgreement(db, { actor: await d.actorFor(maria), id, version, today: TODAY, at, reviewDueDays: 30, warningDays: W })).toBeNull();
    const list = await listAgreements(db, { actor: await d.actorFor(maria), filters: {}, today: TODAY, at, reviewDueDays: 30, warningDays: W });
    expect(list.map((a) => a.id)).not.toContain(id);
    expect(await agreementPdfData(db, { actor: await d.actorFor(maria), id, today: TODAY, at, publicUrl: "http://localhost", reviewDueDays: 30, warningDays: W })).toBeNull();
    // James, named on version 2, sees it; the nurse sees every version.
    expect((await view(ids.users.nurse, id))?.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it("lists agreements in the one order (compareForList) on every list: the agreements list, a person's page, a care worker's page", async () => {
    const { ids } = d;
    const admin = await d.actorFor(ids.users.admin);
    const all = await listAgreements(d.db, { actor: admin, filters: {}, today: TODAY, at: d.at, reviewDueDays: 30, warningDays: W });
    expect(all.some((a) => a.state === "ended")).toBe(true);
    expect(all.map((a) => a.reference)).toEqual([...all].sort(compareForList).map((a) => a.reference));
    expect(all.findIndex((a) => a.state === "ended")).toBeGreaterThan(all.findLastIndex((a) => a.state !== "ended"));
    const personId = all.find((a) => a.state === "ended")!.personId;
    const person = await listPersonAgreements(d.db, { actor: admin, personId, today: TODAY, reviewDueDays: 30 });
    expect(person.map((a) => a.reference)).toEqual([...person].sort(compareForList).map((a) => a.reference));
    const maria = (await first(d.db.select({ id: careWorkers.id }).from(careWorkers).where(eq(careWorkers.name, "Maria Santos")).limit(1)))!.id;
    const named = await listWorkerAgreements(d.db, { actor: admin, workerId: maria, today: TODAY, reviewDueDays: 30 });
    const byId = new Map(all.map((a) => [a.id, a]));
    expect(named.map((a) => a.reference)).toEqual(named.map((a) => byId.get(a.id)!).sort(compareForList).map((a) => a.reference));
  });

  it("the list a page at a time: the pages, in order, are the whole list; the count is the whole list's; a page past the end shows the last", async () => {
    const admin = await d.actorFor(d.ids.users.admin);
    const args = { actor: admin, filters: {}, today: TODAY, at: d.at, reviewDueDays: 30, warningDays: W };
    const all = await listAgreements(d.db, args);
    expect(all.length).toBeGreaterThan(6);
    const size = 4;
    const first = await listAgreementsPage(d.db, { ...args, page: 1, size });
    expect(first.total).toBe(all.length);
    expect(first.pages).toBe(Math.ceil(all.length / size));
    const pages = [first.rows];
    for (let page = 2; page <= first.pages; page++) pages.push((await listAgreementsPage(d.db, { ...args, page, size })).rows);
    expect(pages.flat().map((a) => a.reference)).toEqual(all.map((a) => a.reference));
    expect(pages.slice(0, -1).every((p) => p.length === size)).toBe(true);
    const beyond = await listAgreementsPage(d.db, { ...args, page: 99, size });
    expect(beyond.page).toBe(first.pages);
    expect(beyond.rows.map((a) => a.reference)).toEqual(pages.at(-1)!.map((a) => a.reference));
    // Filtered: the count follows the filter.
    const ended = await listAgreementsPage(d.db, { ...args, filters: { status: "ended" }, page: 1, size });
    expect(ended.total).toBe(all.filter((a) => a.status === "ended").length);
  });

  it("the demo shows every agreement state, an interlock suspension and an amendment", async () => {
    const { ids } = d;
    const all = await listAgreements(d.db, { actor: await d.actorFor(ids.users.admin), filters: {}, today: TODAY, at: d.at, reviewDueDays: 30, warningDays: W });
    expect(new Set(all.map((a) => a.status))).toEqual(new Set(["draft", "awaiting_signatures", "active", "not_yet_in_force", "review_due", "review_overdue", "suspended", "ended"]));
    const margaret = (await view(ids.users.admin, ids.agreements.margaret))!;
    expect(margaret.agreement.suspendedAutomatically).toBe(true);
    const doris = (await view(ids.users.admin, ids.agreements.doris))!;
    expect(doris.versions.map((v) => v.state)).toEqual(["superseded", "signed"]);
    const edith = (await view(ids.users.admin, ids.agreements.edith))!;
    const bgm = edith.inForceCover.find((t) => t.taskName === "Blood glucose monitoring")!;
    expect(bgm.workers.find((w) => w.workerName === "James Whitfield")?.current).toBe(false);
    const winifred = (await first(d.db.select().from(agreementVersions).where(eq(agreementVersions.agreementId, ids.agreements.winifred)).limit(1)))!;
    expect(winifred.frozenAt! < "2026-11-15").toBe(true);
  });
});
