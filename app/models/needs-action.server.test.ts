import { first } from "./transaction.server";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "~/domain/settings";
import { agreements, agreementVersions, competencies, notifications, outbox, users } from "~db/tables";
import { partiesActorStillSigns, partiesActorStillSignsOnEach, partiesOfEach } from "./agreement-parties.server";
import { endAgreement } from "./agreement-lifecycle.server";
import { recordConsent } from "./agreement-consent.server";
import { recordPaperSignature, signInApp } from "./agreement-signing.server";
import { sendForSignatures, sendProblems, sendProblemsOfEach } from "./agreement-sending.server";
import { latestConsent, latestConsentOfEach } from "./agreement-content.server";
import { createAgreement } from "./agreement-create.server";
import { setNamedWorkers, updateTaskSpecifics } from "./agreement-draft.server";
import { versionOf } from "./agreement-access.server";
import { changeCompetencyState } from "./competency-state.server";
import { headerCounts, needsAction } from "./home.server";
import { countUnread, listNotifications, markAllRead } from "./notifications.server";
import { demoDatabase, writeSupervision } from "./test-helpers";

const TODAY = "2026-11-22";
type Demo = Awaited<ReturnType<typeof demoDatabase>>;

describe("needs your action (what waits for each user, in their scope)", () => {
  let d: Demo;
  beforeEach(async () => {
    d = await demoDatabase();
  });
  const listFor = async (userId: number) => {
    const { groups } = await needsAction(d.db, { actor: await d.actorFor(userId), today: TODAY, settings: DEFAULT_SETTINGS });
    return Object.fromEntries(groups.map((g) => [g.group, g.items.map((i) => `${i.title} | ${i.detail} | ${i.href}`)]));
  };
  const ref = async (id: number) => (await first(d.db.select().from(agreements).where(eq(agreements.id, id)).limit(1)))!.reference;

  it("the delegating nurse: her signature, consent, drafts, reviews, declines and sign-offs, each a link to act", async () => {
    const { ids } = d;
    const list = await listFor(ids.users.nurse);
    expect(list.sign).toEqual([`${await ref(ids.agreements.winifredBgm)} (W. S.), version 1 | Read and sign it as delegating nurse: sent 21 November 2026 | /agreements/${ids.agreements.winifredBgm}/sign`]);
    expect(list.consent).toEqual([`${await ref(ids.agreements.arthur)} (A. B.), version 1 | Record consent: it is part of what every party signs | /agreements/${ids.agreements.arthur}/consent`]);
    expect(list.draft).toEqual([`${await ref(ids.agreements.winifredHosiery)} (W. S.), version 1 | Before sending: name at least one care worker | /agreements/${ids.agreements.winifredHosiery}/draft`]);
    expect(list.review).toEqual([
      expect.stringMatching(new RegExp(`^${await ref(ids.agreements.george)} \\(G\\. W\\.\\): review 5 days overdue \\| Record the review now \\| /agreements/${ids.agreements.george}/review$`)),
      expect.stringMatching(new RegExp(`^${await ref(ids.agreements.ivy)} .*review due in 20 days .*/agreements/${ids.agreements.ivy}/review$`)),
    ]);
    expect(list.decline).toEqual([expect.stringMatching(/^Zara Ahmed declined Enteral \(PEG\) feeding and flushing for I\. T\. \| Amend the agreement/)]);
    expect(list.sign_off).toEqual([expect.stringMatching(/^Ben Ashworth: Eye drops .*\| \/competencies\/\d+\/sign-off$/)]);
    // The open concern on Edith's insulin (her team's agreement) waits for the nurse to look into it.
    expect(list.concern).toEqual([expect.stringMatching(/^Concern \d+ on DA-2026-\d+ about Maria Santos: insulin administration by pen \| Happened .* \| \/concerns\/\d+$/)]);
    expect((await headerCounts(d.db, { actor: await d.actorFor(ids.users.nurse), today: TODAY, settings: DEFAULT_SETTINGS })).actions).toBe(8);
  });

  it("scope: another team's nurse sees none of it", async () => {
    const list = await listFor(d.ids.users.nurseSouth);
    expect(JSON.stringify(list)).not.toMatch(/W\. S\.|A\. B\.|Ben Ashworth|Zara/);
  });

  it("provider managers sign for their own provider only; the one whose worker declined is told to act", async () => {
    const { ids } = d;
    expect((await listFor(ids.users.manager)).sign).toEqual([
      `${await ref(ids.agreements.winifred)} (W. S.), version 1 | Read and sign it as care provider: sent 12 November 2026 | /agreements/${ids.agreements.winifred}/sign`,
      `${await ref(ids.agreements.norman)} (N. F.), version 1 | Read and sign it as care provider: sent 19 November 2026 | /agreements/${ids.agreements.norman}/sign`,
      `${await ref(ids.agreements.winifredBgm)} (W. S.), version 1 | Read and sign it as care provider: sent 21 November 2026 | /agreements/${ids.agreements.winifredBgm}/sign`,
    ]);
    expect((await listFor(ids.users.manager)).decline).toBeUndefined();
    expect((await listFor(ids.users.manager3)).decline).toHaveLength(1);
    expect((await listFor(ids.users.manager3)).sign).toBeUndefined();
  });

  it("a care worker: only what waits for their own signature", async () => {
    const { ids } = d;
    const list = await listFor(ids.users.workerUser);
    expect(Object.keys(list)).toEqual(["sign"]);
    expect(list.sign).toHaveLength(2);
    expect(list.sign![0]).toContain("Read and sign it as named care worker");
  });

  it("a facilitator: sign-offs ready and registers to record; an administrator: a provider without insurance", async () => {
    const { ids } = d;
    const facilitator = await listFor(ids.users.facilitator);
    expect(facilitator.sign_off).toHaveLength(1);
    expect(facilitator.attendance).toEqual([expect.stringMatching(/^Eye drops, 21 November 2026 \| Record who attended \| \/training\/\d+\/attendance$/)]);
    expect(await listFor(ids.users.admin)).toEqual({ organisation: [expect.stringMatching(/^Harbour Lights Home Care \| Confirm the provider's insurance .*\/organisations\/\d+\/edit$/)] });
  });

  it("an extra source (concerns, wired by the lead) adds its items under their own heading", async () => {
    const { groups } = await needsAction(d.db, {
      actor: await d.actorFor(d.ids.users.manager),
      today: TODAY,
      settings: DEFAULT_SETTINGS,
      extraSources: [async () => [{ group: "concern", title: "A concern", detail: "Look into it", href: "/agreements" }]],
    });
    expect(groups.map((g) => g.group)).toEqual(["sign", "concern"]);
  });
});

describe("notifications: who is told what, in the app and by email", () => {
  let d: Demo;
  beforeEach(async () => {
    d = await demoDatabase();
  });
  const userId = async (email: string) => (await first(d.db.select().from(users).where(eq(users.email, email)).limit(1)))!.id;
  const told = async (key: string) =>
    await d.db.select({ to: outbox.toAddress, subject: outbox.subject, body: outbox.body }).from(outbox).where(eq(outbox.dedupeKey, key));

  it("sent, every signature, active, ended: each party with an account is told once, with initials and a link", async () => {
    const { db, ids, at } = d;
    const nurse = await d.actorFor(ids.users.nurse);
    const id = await createAgreement(db, { actor: nurse, personId: ids.people.edith, taskIds: [ids.tasks.CATH!], startDate: TODAY, today: TODAY, at });
    await updateTaskSpecifics(db, { actor: nurse, agreementId: id, taskId: ids.tasks.CATH!, specifics: { instructions: "Empty the leg bag.", deviceOrProduct: "", parameters: "", mustNotDo: "", carePlanReference: "", escalationPlan: "Call the district nurse." }, at });
    // Maria, named, signs in: she is asked to sign and told as the others are.
    await setNamedWorkers(db, { actor: nurse, agreementId: id, workerIds: [ids.workers.maria], at });
    await recordConsent(db, { actor: nurse, agreementId: id, input: { kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn: TODAY, notes: "" }, today: TODAY, at, warningDays: 90 });
    await writeSupervision(db, { actor: nurse, agreementId: id, today: TODAY, at });
    expect(await sendForSignatures(db, { actor: nurse, agreementId: id, today: TODAY, at, warningDays: 90 })).toBe(true);
    const reference = (await first(db.select().from(agreements).where(eq(agreements.id, id)).limit(1)))!.reference;

    // Sent: the nurse, Brightside's manager and Maria; nobody else.
    const sent = (await db.select().from(notifications).where(eq(notifications.kind, "agreement_sent"))).filter((n) => n.link.startsWith(`/agreements/${id}/`));
    expect(sent.map((n) => n.userId).sort()).toEqual([ids.users.nurse, ids.users.manager, ids.users.workerUser].sort());
    expect(sent[0]).toMatchObject({ title: `Agreement ${reference} (E. C.) is waiting for your signature`, link: `/agreements/${id}/sign?version=1` });
    const mail = (await told(`sent:${id}:v1:user:${ids.users.manager}`))[0]!;
    expect(mail).toMatchObject({ to: "manager@example.org", subject: `Agreement ${reference} (E. C.) is waiting for your signature` });
    expect(mail.body).toContain(`/agreements/${id}/sign?version=1`);
    expect(mail.body).toContain("Urinary catheter care");
    expect(mail.body).not.toContain("Edith");

    // The signatures; the last one activates it and everyone is told.
    const hash = (await versionOf(db, id, 1))!.contentHash!;
    await signInApp(db, { actor: nurse, agreementId: id, party: "delegator", shownHash: hash, today: TODAY, at, warningDays: 90 });
    await signInApp(db, { actor: await d.actorFor(ids.users.manager), agreementId: id, party: "provider", shownHash: hash, today: TODAY, at, warningDays: 90 });
    await signInApp(db, { actor: await d.actorFor(ids.users.workerUser), agreementId: id, party: `worker:${ids.workers.maria}`, shownHash: hash, today: TODAY, at, warningDays: 90 });
    expect(await db.select().from(notifications).where(eq(notifications.dedupeKey, `active:${id}:v1:user:${ids.users.manager}`))).toHaveLength(0);
    await recordPaperSignature(db, { actor: nurse, agreementId: id, party: "person", signerName: "Edith Clarke", signedOn: TODAY, shownHash: hash, today: TODAY, at, warningDays: 90 });
    for (const u of [ids.users.nurse, ids.users.manager, ids.users.workerUser]) {
      expect(await told(`active:${id}:v1:user:${u}`)).toEqual([expect.objectContaining({ subject: `Agreement ${reference} (E. C.) is active` })]);
    }
    expect((await db.select().from(outbox)).filter((m) => m.dedupeKey.startsWith(`active:${id}:`))).toHaveLength(3);

    // Ended: everyone it bound.
    await endAgreement(db, { actor: nurse, agreementId: id, reason: "Catheter removed in hospital.", at });
    expect((await told(`ended:${id}:user:${ids.users.workerUser}`))[0]!.body).toContain("Catheter removed in hospital.");
  });

  it("a named worker declining a task: the nurse and manager are told in the app too", async () => {
    const { db, ids, at } = d;
    const maria = await d.actorFor(ids.users.workerUser);
    // Maria's blood glucose monitoring: she is named for it on Edith's active agreement.
    const bgm = (await first(db.select().from(competencies).where(and(eq(competencies.workerId, ids.workers.maria), eq(competencies.taskId, ids.tasks.BGM!))).limit(1)))!.id;
    await changeCompetencyState(db, { actor: maria, id: bgm, action: "decline", reason: "Meter keeps failing", at });
    const declined = await db.select().from(notifications).where(eq(notifications.kind, "task_declined"));
    expect(declined.map((n) => n.userId).sort()).toEqual([ids.users.nurse, ids.users.manager].sort());
    expect(declined[0]!.body).toContain("Meter keeps failing");
  });

  it("the Notifications page: newest first, unread counted, all marked read at once, for this user only", async () => {
    const { db, ids, at } = d;
    const manager = await d.actorFor(ids.users.manager);
    const mine = await listNotifications(db, { actor: manager });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((n, i) => i === 0 || n.createdAt <= mine[i - 1]!.createdAt)).toBe(true);
    const unread = await countUnread(db, manager);
    expect(unread).toBe(mine.length);
    const nurseUnread = await countUnread(db, await d.actorFor(ids.users.nurse));
    expect(await markAllRead(db, { actor: manager, at })).toBe(unread);
    expect(await countUnread(db, manager)).toBe(0);
    expect(await countUnread(db, await d.actorFor(ids.users.nurse))).toBe(nurseUnread);
    expect(await userId("manager@example.org")).toBe(ids.users.manager);
  });
});

describe("parties read for a whole list at once", () => {
  it("give each version its own parties and signatures, as reading it alone does", async () => {
    const d = await demoDatabase();
    const rows = await d.db
      .select({ agreement: agreements, version: agreementVersions })
      .from(agreements)
      .innerJoin(agreementVersions, eq(agreementVersions.agreementId, agreements.id));
    const waiting = rows.filter((r) => r.version.state === "awaiting_signatures");
    expect(waiting.length).toBeGreaterThan(2);

    const together = await partiesOfEach(d.db, rows);
    for (const { agreement, version } of rows) {
      const alone = (await partiesOfEach(d.db, [{ agreement, version }])).get(version.id);
      expect(together.get(version.id), `version ${version.id}`).toEqual(alone);
    }
    for (const userId of [d.ids.users.nurse, d.ids.users.manager, d.ids.users.workerUser, d.ids.users.nurseSouth]) {
      const actor = await d.actorFor(userId);
      const each = await partiesActorStillSignsOnEach(d.db, actor, rows);
      for (const { agreement, version } of rows) {
        expect(each.get(version.id), `user ${userId}, version ${version.id}`).toEqual(await partiesActorStillSigns(d.db, actor, agreement, version));
      }
      // Someone in the demo still has to sign something, or this proves little.
      if (userId === d.ids.users.manager) expect([...each.values()].some((p) => p.length > 0)).toBe(true);
    }
  });

  it("give each draft its own consent and what is left before sending, as reading it alone does", async () => {
    const d = await demoDatabase();
    const rows = await d.db.select().from(agreementVersions);
    const drafts = rows.filter((v) => v.state === "draft");
    expect(drafts.length).toBeGreaterThan(1);
    const consents = await latestConsentOfEach(d.db, rows.map((v) => v.agreementId));
    for (const v of rows) expect(consents.get(v.agreementId) ?? null, `agreement ${v.agreementId}`).toEqual(await latestConsent(d.db, v.agreementId));
    expect(consents.size).toBeGreaterThan(2);
    const problems = await sendProblemsOfEach(d.db, drafts, TODAY);
    for (const v of drafts) expect(problems.get(v.id), `version ${v.id}`).toEqual(await sendProblems(d.db, v, TODAY));
    // The demo's drafts differ (one lacks consent, one a named worker), so mixing them up would show.
    expect(new Set(drafts.map((v) => JSON.stringify(problems.get(v.id)))).size).toBeGreaterThan(1);
  });
});
