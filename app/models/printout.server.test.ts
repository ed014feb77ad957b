import { first } from "./transaction.server";
/**
 * docs/domain.md rule 11 through the models: the verify answer, the printout's status line and the stored copy
 * follow the agreement's status on the day, for each case.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { workerParty } from "~/domain/agreement";
import { addDays } from "~/domain/dates";
import { agreements } from "~db/tables";
import { amendAgreement, endAgreement, suspendAgreement } from "./agreement-lifecycle.server";
import { agreementPdfData, getStoredPdf, storePdf } from "./agreement-pdf.server";
import { recordConsent } from "./agreement-consent.server";
import { recordPaperSignature, signInApp } from "./agreement-signing.server";
import { sendForSignatures } from "./agreement-sending.server";
import { listAgreements, listPersonAgreements } from "./agreements.server";
import { versionOf } from "./agreement-access.server";
import { demoDatabase } from "./test-helpers";
import { verifyCode } from "./verify.server";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";
const W = 90;

describe("printouts and verify pages on the day (rule 11)", () => {
  let d: Demo;
  beforeEach(async () => {
    d = await demoDatabase();
  });

  const agreementRow = async (id: number) => (await first(d.db.select().from(agreements).where(eq(agreements.id, id)).limit(1)))!;
  const pdf = async (id: number, { version, today = TODAY }: { version?: number; today?: string } = {}) =>
    (await agreementPdfData(d.db, { actor: await d.actorFor(d.ids.users.admin), id, version, today, at: new Date(`${today}T10:00:00Z`), publicUrl: "https://dc.example.nhs.uk", reviewDueDays: 30, warningDays: W }))!;
  const verify = async (id: number, version: number, today = TODAY) => (await verifyCode(d.db, { code: (await versionOf(d.db, id, version))!.verificationCode!, today, reviewDueDays: 30 }))!;

  /** Arthur's demo draft (blood glucose by Maria, starting in 7 days) sent and signed by every party today. */
  async function signArthurToday() {
    const { db, ids, at } = d;
    const id = ids.agreements.arthur;
    const common = { agreementId: id, today: TODAY, at, warningDays: W };
    const nurse = await d.actorFor(ids.users.nurse);
    await recordConsent(db, { actor: nurse, ...common, input: { kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn: TODAY, notes: "" } });
    await sendForSignatures(db, { actor: nurse, ...common });
    const hash = (await versionOf(db, id, 1))!.contentHash!;
    await signInApp(db, { actor: nurse, ...common, party: "delegator", shownHash: hash });
    await signInApp(db, { actor: await d.actorFor(ids.users.manager), ...common, party: "provider", shownHash: hash });
    await signInApp(db, { actor: await d.actorFor(ids.users.workerUser), ...common, party: workerParty(ids.workers.maria), shownHash: hash });
    await recordPaperSignature(db, { actor: nurse, ...common, party: "person", signerName: "Arthur Bennett", signedOn: TODAY, shownHash: hash });
    return id;
  }

  it("a fully signed agreement starting next week is 'Signed, starts …' everywhere, and its printout and code say not yet in force", async () => {
    const id = await signArthurToday();
    const a = await agreementRow(id);
    const startDate = addDays(TODAY, 7);
    expect(a.state).toBe("active");
    // The agreement's start date is its in-force version's.
    expect(a.startDate).toBe((await versionOf(d.db, id, 1))!.startDate);
    expect(a.startDate).toBe(startDate);

    const listed = (await listAgreements(d.db, { actor: await d.actorFor(d.ids.users.nurse), filters: {}, today: TODAY, at: d.at, reviewDueDays: 30, warningDays: W })).find((r) => r.id === id)!;
    expect(listed.status).toBe("not_yet_in_force");
    expect((await listPersonAgreements(d.db, { actor: await d.actorFor(d.ids.users.nurse), personId: a.personId, today: TODAY, reviewDueDays: 30 })).find((r) => r.id === id)!.status).toBe("not_yet_in_force");

    const printed = await pdf(id);
    expect(printed.data.status.usable).toBe(false);
    expect(printed.data.status.line).toBe(
      "Status on 22 November 2026, the day this was printed: Not yet in force. Version 1 is signed by every party, and starts on 29 November 2026. Nobody may carry out its tasks before 29 November 2026.",
    );
    const v = await verify(id, 1);
    expect(v.status).toEqual({ kind: "not_yet_in_force", startsOn: startDate });
    expect(v.canBeUsed).toBe(false);
    expect(v.agreementStatus).toBe("Signed, starts 29 November 2026");

    // On the start date it is in force, from the start date (not the day it was signed).
    const later = await pdf(id, { today: startDate });
    expect(later.data.status.usable).toBe(true);
    expect(later.data.status.line).toContain("has been in force since 29 November 2026");
    expect((await verify(id, 1, startDate)).words.heading).toBe("This printout is the version in force");
  });

  it("an amendment keeps the agreement's start date at the version in force until the new version is signed", async () => {
    const edith = d.ids.agreements.edith;
    const before = (await agreementRow(edith)).startDate;
    await amendAgreement(d.db, { actor: await d.actorFor(d.ids.users.nurse), agreementId: edith, keepInForce: true, reason: "The dose changed", at: d.at });
    expect((await agreementRow(edith)).startDate).toBe(before);
    expect((await agreementRow(edith)).inForceVersion).toBe(1);
  });

  it("a suspended agreement: the printout and verify page both say suspended, since when and why, and never 'in force'", async () => {
    const margaret = d.ids.agreements.margaret;
    const printed = await pdf(margaret);
    expect(printed.data.status.usable).toBe(false);
    expect(printed.data.status.line).toMatch(/^Status on 22 November 2026, the day this was printed: Suspended\. The agreement has been suspended since 14 October 2026: No named care worker is competent for Urinary catheter care/);
    expect(printed.data.status.watermark).toBe("Suspended: do not use");
    expect(JSON.stringify(printed.data)).not.toMatch(/in force from|has been in force/);

    const v = await verify(margaret, 1);
    expect(v.status.kind).toBe("suspended");
    expect(v.words.heading).toBe("This agreement is suspended");
    expect(v.canBeUsed).toBe(false);
    expect(`${v.words.heading} ${v.words.sentence}`).not.toContain("is the version in force");
  });

  it("an ended agreement's draft prints as ended, not as a draft waiting to be sent", async () => {
    const arthur = d.ids.agreements.arthur;
    await endAgreement(d.db, { actor: await d.actorFor(d.ids.users.nurse), agreementId: arthur, reason: "Arthur moved out of the area.", at: d.at });
    const printed = await pdf(arthur);
    expect(printed.data.status.line).toBe(
      "Status on 22 November 2026, the day this was printed: Ended. The agreement ended on 22 November 2026: Arthur moved out of the area. Nobody may carry out its tasks. Do not use this printout. Contact the delegating nurse.",
    );
    expect(printed.data.status.watermark).toBe("Ended: do not use");
  });

  it("a version 2 awaiting signatures is 'awaiting signatures', not 'replaced by version 1'; version 1 stays in force meanwhile", async () => {
    const edith = d.ids.agreements.edith;
    const nurse = await d.actorFor(d.ids.users.nurse);
    await amendAgreement(d.db, { actor: nurse, agreementId: edith, keepInForce: true, reason: "The dose changed", at: d.at });
    await sendForSignatures(d.db, { actor: nurse, agreementId: edith, today: TODAY, at: d.at, warningDays: W });
    const v2 = await verify(edith, 2);
    expect(v2.status).toEqual({ kind: "pending" });
    expect(v2.words.sentence).toBe("Version 2 is still waiting for signatures, so it is not in force.");
    expect((await pdf(edith, { version: 2 })).data.status.line).toContain("Awaiting signatures");
    expect((await verify(edith, 1)).status.kind).toBe("in_force");
  });

  it("a superseded version names the version that replaced it", async () => {
    const doris = d.ids.agreements.doris;
    expect((await verify(doris, 1)).status).toEqual({ kind: "superseded", byVersion: 2 });
    expect((await verify(doris, 2)).status.kind).toBe("in_force");
  });

  it("a stored copy is served only while today's printout would be identical: not after the status or the day changes", async () => {
    const edith = d.ids.agreements.edith;
    const first = await pdf(edith);
    expect(first.storable).toBe(true);
    const bytes = new Uint8Array([37, 80, 68, 70]);
    await storePdf(d.db, { versionId: first.versionId, printKey: first.printKey, printedOn: TODAY, bytes });
    expect(await getStoredPdf(d.db, await pdf(edith))).toEqual(bytes);

    // The next day: a new print date, so a fresh printout.
    expect((await pdf(edith, { today: addDays(TODAY, 1) })).printKey).not.toBe(first.printKey);
    expect(await getStoredPdf(d.db, await pdf(edith, { today: addDays(TODAY, 1) }))).toBeNull();

    // Suspended the same day: the stored "in force" copy is never served again.
    await suspendAgreement(d.db, { actor: await d.actorFor(d.ids.users.nurse), agreementId: edith, reason: "Concern about the insulin dose", at: d.at });
    const after = await pdf(edith);
    expect(after.data.status.line).toContain("Suspended");
    expect(await getStoredPdf(d.db, after)).toBeNull();
  });
});
