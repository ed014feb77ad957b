import { first } from "./transaction.server";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreements, agreementTasks, agreementVersions, agreementWorkers, auditEvents, consents } from "~db/tables";
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
  const nurse = async () => await d.actorFor(d.ids.users.nurse);
  const start = async () =>
    await createAgreement(d.db, { actor: await nurse(), personId: d.ids.people.edith, taskIds: [d.ids.tasks["INS-PEN"]!], startDate: TODAY, today: TODAY, at: d.at, confirmDuplicate: true });
  const statuses = async (id: number) => {
    const a = (await first(d.db.select().from(agreements).where(eq(agreements.id, id)).limit(1)))!;
    return Object.fromEntries((await draftSectionsOf(d.db, { version: (await versionOf(d.db, id, a.currentVersion))!, today: TODAY })).map((s) => [s.id, s.status]));
  };

  it("sending refuses until every section is completed, each problem naming its section; the statuses follow the rows (docs/domain.md rules 1 and 6)", async () => {
    const { db, ids, at } = d;
    const id = await start();
    expect(await statuses(id)).toMatchObject({ tasks: "not_started", workers: "not_started", details: "not_started", consent: "not_started", send: "cannot_start" });
    let refused: RuleError | null = null;
    try {
      await sendForSignatures(db, { actor: await nurse(), agreementId: id, today: TODAY, at, warningDays: W });
    } catch (e) {
      refused = e as RuleError;
    }
    expect(refused?.problems.map((p) => p.field)).toEqual(["task-INS-PEN", "workers", "details", "consent"]);
    await updateTaskSpecifics(db, { actor: await nurse(), agreementId: id, taskId: ids.tasks["INS-PEN"]!, specifics: { instructions: "8 units", carePlanReference: "", deviceOrProduct: "", parameters: "", mustNotDo: "", escalationPlan: "Call the nurse" }, at });
    await setNamedWorkers(db, { actor: await nurse(), agreementId: id, workerIds: [ids.workers.maria], at });
    await writeSupervision(db, { actor: await nurse(), agreementId: id, today: TODAY, at });
    expect(await statuses(id)).toMatchObject({ tasks: "completed", workers: "completed", details: "completed", consent: "not_started", send: "cannot_start" });
    expect(await problemsOf(async () => await sendForSignatures(db, { actor: await nurse(), agreementId: id, today: TODAY, at, warningDays: W }))).toEqual(["Record consent: it is part of what every party signs"]);
    expect((await versionOf(db, id, 1))!.state).toBe("draft");
    await recordConsent(db, { actor: await nurse(), agreementId: id, input: PERSON_CONSENT, today: TODAY, at, warningDays: W });
    expect((await statuses(id)).send).toBe("not_started");
    await sendForSignatures(db, { actor: await nurse(), agreementId: id, today: TODAY, at, warningDays: W });
    expect((await versionOf(db, id, 1))!.state).toBe("awaiting_signatures");
  });

  it("a draft never sent is deleted by the nurse who started it, with its tasks, named workers and consent; the audit keeps what and who (the exception to rule 14)", async () => {
    const { db, ids, at } = d;
    const id = await start();
    await setNamedWorkers(db, { actor: await nurse(), agreementId: id, workerIds: [ids.workers.maria], at });
    await recordConsent(db, { actor: await nurse(), agreementId: id, input: PERSON_CONSENT, today: TODAY, at, warningDays: W });
    const versionIds = (await db.select({ id: agreementVersions.id }).from(agreementVersions).where(eq(agreementVersions.agreementId, id))).map((v) => v.id);
    // Another nurse of the same team may not, nor the provider's manager; another team's nurse does not find it.
    const refusal = ["Only the nurse who started this draft, or an administrator, can delete it"];
    expect(await problemsOf(async () => await deleteDraft(db, { actor: { ...await nurse(), userId: d.ids.users.nurseSouth }, agreementId: id, at }))).toEqual(refusal);
    expect(await problemsOf(async () => await deleteDraft(db, { actor: await d.actorFor(d.ids.users.manager), agreementId: id, at }))).toEqual(refusal);
    expect(await deleteDraft(db, { actor: await d.actorFor(d.ids.users.nurseSouth), agreementId: id, at })).toBeNull();
    expect(await deleteDraft(db, { actor: await nurse(), agreementId: id, at })).toMatchObject({ reference: expect.stringMatching(/^DA-2026-/) });
    expect(await db.select().from(agreements).where(eq(agreements.id, id))).toEqual([]);
    expect(await db.select().from(agreementVersions).where(eq(agreementVersions.agreementId, id))).toEqual([]);
    expect(await db.select().from(agreementTasks).where(inArray(agreementTasks.versionId, versionIds))).toEqual([]);
    expect(await db.select().from(agreementWorkers).where(inArray(agreementWorkers.versionId, versionIds))).toEqual([]);
    expect(await db.select().from(consents).where(eq(consents.agreementId, id))).toEqual([]);
    const event = (await first(db.select().from(auditEvents).where(and(eq(auditEvents.action, "agreement.delete"), eq(auditEvents.entityId, String(id)))).limit(1)))!;
    expect(event.actorId).toBe(ids.users.nurse);
    expect(JSON.parse(event.details)).toMatchObject({ personId: ids.people.edith, taskIds: [ids.tasks["INS-PEN"]], workerIds: [ids.workers.maria], consents: 1 });
  });

  it("nothing sent or signed is deleted, not even by an administrator", async () => {
    const { db, at, ids } = d;
    const edith = (await first(db.select().from(agreements).where(and(eq(agreements.personId, ids.people.edith), eq(agreements.state, "active"))).limit(1)))!;
    const admin = await d.actorFor(ids.users.admin);
    expect(await problemsOf(async () => await deleteDraft(db, { actor: admin, agreementId: edith.id, at }))).toEqual([`${edith.reference} has been sent for signatures, so it is a record and cannot be deleted. End the agreement instead`]);
    expect(await first(db.select().from(agreements).where(eq(agreements.id, edith.id)).limit(1))).toBeDefined();
  });

  it("an amendment needs a reason, kept with the version and on the timeline", async () => {
    const { db, ids, at } = d;
    const george = (await first(db.select().from(agreements).where(eq(agreements.personId, ids.people.george)).limit(1)))!;
    expect(await problemsOf(async () => await amendAgreement(db, { actor: await nurse(), agreementId: george.id, keepInForce: true, reason: "  ", at }))).toEqual(["Enter the reason for the change"]);
    expect(await versionOf(db, george.id, 2)).toBeNull();
    await amendAgreement(db, { actor: await nurse(), agreementId: george.id, keepInForce: true, reason: "The wound is healing: dressings every 3 days", at });
    expect((await versionOf(db, george.id, 2))!.changeReason).toBe("The wound is healing: dressings every 3 days");
    const view = (await getAgreement(db, { actor: await nurse(), id: george.id, today: TODAY, at, reviewDueDays: 30, warningDays: W }))!;
    expect(view.versions.find((v) => v.version === 2)!.changeReason).toBe("The wound is healing: dressings every 3 days");
    expect(JSON.parse(view.timeline.find((e) => e.action === "agreement.amend")!.details).reason).toBe("The wound is healing: dressings every 3 days");
  });
});
