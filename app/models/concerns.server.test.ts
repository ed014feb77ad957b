import { first } from "./transaction.server";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { concerns, notifications, outbox } from "~db/tables";
import { agreementPdfData } from "./agreement-pdf.server";
import { changeCompetencyState } from "./competency-state.server";
import { closeConcern, concernsToActOn, concernTimeline, linkConcernFollowUp, listConcerns } from "./concerns.server";
import { getConcern } from "./concern-detail.server";
import { raiseConcern, type ConcernInput } from "./concern-raising.server";
import { demoDatabase, problemsOf } from "./test-helpers";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";
const URL = "https://dc.example.nhs.uk";
const INPUT: Omit<ConcernInput, "taskId" | "workerId"> = {
  occurredOn: "2026-11-21",
  whatHappened: "Night bag not changed; Winifred Shaw was uncomfortable",
  actionTaken: "Changed it",
  harm: "low",
};

describe("concerns (app/domain/concerns.ts)", () => {
  let d: Demo;
  beforeEach(async () => {
    d = await demoDatabase();
  });
  const as = async (key: keyof Demo["ids"]["users"]) => await d.actorFor(d.ids.users[key]);
  const concernCount = async () => (await first(d.db.select({ n: count() }).from(concerns).limit(1)))!.n;

  it("the demo holds an open concern and closed ones with follow-ups for the North team and Brightside, and one of the South team's", async () => {
    const nurse = await listConcerns(d.db, { actor: await as("nurse"), agreementId: d.ids.agreements.edith });
    expect(nurse.map((c) => [c.status, c.taskName, c.workerName, c.followUps])).toEqual([
      ["open", "Insulin administration by pen", "Maria Santos", 0],
      ["closed", "Insulin administration by pen", null, 1],
    ]);
    const reviewed = (await getConcern(d.db, { actor: await as("manager"), id: nurse[1]!.id }))!;
    expect(reviewed.followUps.map((f) => [f.kind, f.reviewOutcome])).toEqual([["agreement_reviewed", "continue"]]);
    const chloe = await listConcerns(d.db, { actor: await as("manager"), workerId: d.ids.workers.chloe });
    expect(chloe.map((c) => [c.status, c.followUps])).toEqual([["closed", 1]]);
    const closed = (await getConcern(d.db, { actor: await as("manager"), id: (await listConcerns(d.db, { actor: await as("manager"), workerId: d.ids.workers.chloe }))[0]!.id }))!;
    expect(closed.followUps.map((f) => [f.kind, f.workerName])).toEqual([["competency_suspended", "Chloe Barker"]]);
    expect(closed.concern.outcome).toMatch(/reassessment booked/);
    // The South team's concern is out of the North nurse's and Brightside's scope.
    expect(await listConcerns(d.db, { actor: await as("nurse"), agreementId: d.ids.agreements.doris })).toEqual([]);
    expect(await listConcerns(d.db, { actor: await as("nurseSouth"), agreementId: d.ids.agreements.doris })).toHaveLength(1);
  });

  it("concernsToActOn: the open concerns in scope for the nurse and the provider's manager, nothing for others", async () => {
    const ref = (rows: { agreementReference: string | null }[]) => rows.map((r) => r.agreementReference);
    const edith = (await getConcern(d.db, { actor: await as("nurse"), id: (await listConcerns(d.db, { actor: await as("nurse"), agreementId: d.ids.agreements.edith }))[0]!.id }))!.agreementReference;
    expect(ref(await concernsToActOn(d.db, await as("nurse")))).toEqual([edith]);
    expect(ref(await concernsToActOn(d.db, await as("manager")))).toEqual([edith]);
    expect(await concernsToActOn(d.db, await as("manager2"))).toEqual([]);
    expect(await concernsToActOn(d.db, await as("nurseSouth"))).toHaveLength(1);
    expect(await concernsToActOn(d.db, await as("workerUser"))).toEqual([]);
    expect(await concernsToActOn(d.db, await as("facilitator"))).toEqual([]);
  });

  it("a care worker records a concern about an agreement naming them: the delegating nurse and the provider's managers are emailed, with the reference and initials only", async () => {
    const before = (await d.db.select().from(outbox)).length;
    const created = (await raiseConcern(d.db, {
      actor: await as("workerUser"),
      subject: { agreementId: d.ids.agreements.winifred },
      input: { ...INPUT, taskId: d.ids.tasks.CATH!, workerId: d.ids.workers.maria },
      today: TODAY,
      at: d.at,
      publicUrl: URL,
    }))!;
    const mail = (await d.db.select().from(outbox)).slice(before);
    expect(mail.map((m) => m.toAddress).sort()).toEqual(["manager@example.org", "nurse@example.org"]);
    for (const m of mail) {
      expect(m.subject).toMatch(/^Concern recorded about agreement DA-\d{4}-\d+ \(W\. S\.\)$/);
      expect(m.body).toContain(`${URL}/concerns/${created.id}`);
      expect(m.body).not.toContain("Winifred");
      expect(m.body).not.toContain("Night bag");
    }
    // The same words on their Notifications page (docs/domain.md rule 18), linking to the concern.
    const told = (await d.db.select().from(notifications).where(eq(notifications.kind, "concern_recorded"))).filter((n) => n.link === `/concerns/${created.id}`);
    expect(told.map((n) => n.userId).sort()).toEqual([d.ids.users.manager, d.ids.users.nurse].sort());
    expect(told[0]!.title).toBe(mail[0]!.subject);
    // The raiser sees it; a colleague's concern on the same agreement they do not.
    expect(await getConcern(d.db, { actor: await as("workerUser"), id: created.id })).not.toBeNull();
    const managers = (await raiseConcern(d.db, { actor: await as("manager"), subject: { agreementId: d.ids.agreements.winifred }, input: { ...INPUT, taskId: null, workerId: null }, today: TODAY, at: d.at, publicUrl: URL }))!;
    expect(await getConcern(d.db, { actor: await as("workerUser"), id: managers.id })).toBeNull();
    expect((await listConcerns(d.db, { actor: await as("workerUser"), agreementId: d.ids.agreements.winifred })).map((c) => c.id)).toEqual([created.id]);
    expect(await listConcerns(d.db, { actor: await as("nurse"), agreementId: d.ids.agreements.winifred })).toHaveLength(2);
    // It is on the agreement's timeline for the nurse.
    expect((await concernTimeline(d.db, { actor: await as("nurse"), agreementId: d.ids.agreements.winifred })).map((e) => e.action)).toEqual(["concern.raise", "concern.raise"]);
  });

  it("refuses a future date, a colleague named by a care worker, a task not on the agreement, and anything out of scope; nothing is written", async () => {
    const n = await concernCount();
    const raise = async (key: keyof Demo["ids"]["users"], subject: { agreementId: number } | { workerId: number }, input: Partial<ConcernInput>) =>
      await raiseConcern(d.db, { actor: await as(key), subject, input: { ...INPUT, taskId: null, workerId: null, ...input }, today: TODAY, at: d.at, publicUrl: URL });
    expect(await problemsOf(async () => await raise("workerUser", { agreementId: d.ids.agreements.edith }, { occurredOn: "2026-11-23" }))).toEqual(["Date it happened must be today or in the past"]);
    expect((await problemsOf(async () => await raise("workerUser", { agreementId: d.ids.agreements.edith }, { occurredOn: "2025-11-21" })))[0]).toMatch(/between 22 November 2025 and 22 November 2026/);
    expect((await problemsOf(async () => await raise("workerUser", { agreementId: d.ids.agreements.edith }, { workerId: d.ids.workers.james })))[0]).toMatch(/not about another care worker/);
    expect((await problemsOf(async () => await raise("nurse", { agreementId: d.ids.agreements.edith }, { taskId: d.ids.tasks.PEG! })))[0]).toMatch(/Choose a task on this agreement/);
    expect((await problemsOf(async () => await raise("nurse", { agreementId: d.ids.agreements.edith }, { workerId: d.ids.workers.chloe })))[0]).toMatch(/named on this agreement/);
    // Out of scope: another team's agreement, an agreement not naming the care worker, another provider's worker, an administrator.
    expect(await raise("nurse", { agreementId: d.ids.agreements.doris }, {})).toBeNull();
    expect(await raise("workerUser", { agreementId: d.ids.agreements.george }, {})).toBeNull();
    expect(await raise("manager", { workerId: d.ids.workers.helen }, {})).toBeNull();
    expect(await raise("workerUser", { workerId: d.ids.workers.james }, {})).toBeNull();
    expect(await raise("admin", { agreementId: d.ids.agreements.edith }, {})).toBeNull();
    expect(await concernCount()).toBe(n);
  });

  it("is closed once, with an outcome, by the nurse or the provider's manager; the follow-up links back and a closed concern takes none", async () => {
    const id = (await listConcerns(d.db, { actor: await as("nurse"), agreementId: d.ids.agreements.edith }))[0]!.id;
    const nurseView = (await getConcern(d.db, { actor: await as("nurse"), id }))!;
    expect(nurseView.mayReview).toBe(true);
    expect(nurseView.suspendable.map((s) => [s.workerName, s.taskName])).toEqual([["Maria Santos", "Insulin administration by pen"]]);
    // The suspension and its link, in one transaction as the page does it.
    const competencyId = nurseView.suspendable[0]!.id;
    await changeCompetencyState(d.db, { actor: await as("nurse"), id: competencyId, action: "suspend", reason: `Suspended after concern ${id}`, at: d.at });
    expect(await linkConcernFollowUp(d.db, { actor: await as("nurse"), concernId: id, kind: "competency_suspended", competencyId, at: d.at })).toEqual({ id });
    const after = (await getConcern(d.db, { actor: await as("manager"), id }))!;
    expect(after.followUps.map((f) => [f.kind, f.workerName, f.byName])).toEqual([["competency_suspended", "Maria Santos", "Priya Shah"]]);
    expect((await getConcern(d.db, { actor: await as("nurse"), id }))!.suspendable).toEqual([]);

    expect((await problemsOf(async () => await closeConcern(d.db, { actor: await as("facilitator"), id, outcome: "Fine", at: d.at })))[0]).toMatch(/Only the delegating nurse/);
    expect((await problemsOf(async () => await closeConcern(d.db, { actor: await as("manager"), id, outcome: " ", at: d.at })))[0]).toMatch(/Enter the outcome/);
    expect(await closeConcern(d.db, { actor: await as("manager2"), id, outcome: "Not mine", at: d.at })).toBeNull();
    expect(await closeConcern(d.db, { actor: await as("manager"), id, outcome: "Maria retrained on priming the pen", at: d.at })).toEqual({ id });
    expect(await problemsOf(async () => await closeConcern(d.db, { actor: await as("nurse"), id, outcome: "Again", at: d.at }))).toEqual(["This concern is already closed"]);
    const closed = (await first(d.db.select().from(concerns).where(eq(concerns.id, id)).limit(1)))!;
    expect([closed.status, closed.outcome, closed.closedBy]).toEqual(["closed", "Maria retrained on priming the pen", d.ids.users.manager]);
    expect(await linkConcernFollowUp(d.db, { actor: await as("nurse"), concernId: id, kind: "competency_suspended", competencyId, at: d.at })).toBeNull();
    expect(await concernsToActOn(d.db, await as("nurse"))).toEqual([]);
  });

  it("the printout of the version in force lists a concern recorded while it was in force, and a new concern changes the stored copy's key", async () => {
    const pdf = async (key: keyof Demo["ids"]["users"]) =>
      (await agreementPdfData(d.db, { actor: await as(key), id: d.ids.agreements.edith, today: TODAY, at: d.at, publicUrl: URL, reviewDueDays: 30, warningDays: 90 }))!;
    const first = await pdf("nurse");
    expect(first.data.concerns).toEqual([
      expect.stringMatching(/^Concern \d+, recorded 17 November 2026 \(happened 17 November 2026\), Insulin administration by pen, low harm: closed 18 November 2026\.$/),
      expect.stringMatching(/^Concern \d+, recorded 21 November 2026 \(happened 21 November 2026\), Insulin administration by pen, no harm: open\.$/),
    ]);
    await raiseConcern(d.db, { actor: await as("nurse"), subject: { agreementId: d.ids.agreements.edith }, input: { ...INPUT, taskId: null, workerId: null }, today: TODAY, at: d.at, publicUrl: URL });
    const second = await pdf("nurse");
    expect(second.data.concerns).toHaveLength(3);
    expect(second.printKey).not.toBe(first.printKey);
    // A care worker's printout carries only the concerns they may see.
    expect((await pdf("workerUser")).data.concerns).toHaveLength(1);
  });
});
