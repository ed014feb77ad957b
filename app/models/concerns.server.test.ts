import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { concerns, notifications, outbox } from "~db/schema";
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
  const as = (key: keyof Demo["ids"]["users"]) => d.actorFor(d.ids.users[key]);
  const concernCount = () => d.db.select({ n: count() }).from(concerns).get()!.n;

  it("the demo holds an open concern and closed ones with follow-ups for the North team and Brightside, and one of the South team's", () => {
    const nurse = listConcerns(d.db, { actor: as("nurse"), agreementId: d.ids.agreements.edith });
    expect(nurse.map((c) => [c.status, c.taskName, c.workerName, c.followUps])).toEqual([
      ["open", "Insulin administration by pen", "Maria Santos", 0],
      ["closed", "Insulin administration by pen", null, 1],
    ]);
    const reviewed = getConcern(d.db, { actor: as("manager"), id: nurse[1]!.id })!;
    expect(reviewed.followUps.map((f) => [f.kind, f.reviewOutcome])).toEqual([["agreement_reviewed", "continue"]]);
    const chloe = listConcerns(d.db, { actor: as("manager"), workerId: d.ids.workers.chloe });
    expect(chloe.map((c) => [c.status, c.followUps])).toEqual([["closed", 1]]);
    const closed = getConcern(d.db, { actor: as("manager"), id: listConcerns(d.db, { actor: as("manager"), workerId: d.ids.workers.chloe })[0]!.id })!;
    expect(closed.followUps.map((f) => [f.kind, f.workerName])).toEqual([["competency_suspended", "Chloe Barker"]]);
    expect(closed.concern.outcome).toMatch(/reassessment booked/);
    // The South team's concern is out of the North nurse's and Brightside's scope.
    expect(listConcerns(d.db, { actor: as("nurse"), agreementId: d.ids.agreements.doris })).toEqual([]);
    expect(listConcerns(d.db, { actor: as("nurseSouth"), agreementId: d.ids.agreements.doris })).toHaveLength(1);
  });

  it("concernsToActOn: the open concerns in scope for the nurse and the provider's manager, nothing for others", () => {
    const ref = (rows: { agreementReference: string | null }[]) => rows.map((r) => r.agreementReference);
    const edith = getConcern(d.db, { actor: as("nurse"), id: listConcerns(d.db, { actor: as("nurse"), agreementId: d.ids.agreements.edith })[0]!.id })!.agreementReference;
    expect(ref(concernsToActOn(d.db, as("nurse")))).toEqual([edith]);
    expect(ref(concernsToActOn(d.db, as("manager")))).toEqual([edith]);
    expect(concernsToActOn(d.db, as("manager2"))).toEqual([]);
    expect(concernsToActOn(d.db, as("nurseSouth"))).toHaveLength(1);
    expect(concernsToActOn(d.db, as("workerUser"))).toEqual([]);
    expect(concernsToActOn(d.db, as("facilitator"))).toEqual([]);
  });

  it("a care worker records a concern about an agreement naming them: the delegating nurse and the provider's managers are emailed, with the reference and initials only", () => {
    const before = d.db.select().from(outbox).all().length;
    const created = raiseConcern(d.db, {
      actor: as("workerUser"),
      subject: { agreementId: d.ids.agreements.winifred },
      input: { ...INPUT, taskId: d.ids.tasks.CATH!, workerId: d.ids.workers.maria },
      today: TODAY,
      at: d.at,
      publicUrl: URL,
    })!;
    const mail = d.db.select().from(outbox).all().slice(before);
    expect(mail.map((m) => m.toAddress).sort()).toEqual(["manager@example.org", "nurse@example.org"]);
    for (const m of mail) {
      expect(m.subject).toMatch(/^Concern recorded about agreement DA-\d{4}-\d+ \(W\. S\.\)$/);
      expect(m.body).toContain(`${URL}/concerns/${created.id}`);
      expect(m.body).not.toContain("Winifred");
      expect(m.body).not.toContain("Night bag");
    }
    // The same words on their Notifications page (docs/domain.md rule 18), linking to the concern.
    const told = d.db.select().from(notifications).where(eq(notifications.kind, "concern_recorded")).all().filter((n) => n.link === `/concerns/${created.id}`);
    expect(told.map((n) => n.userId).sort()).toEqual([d.ids.users.manager, d.ids.users.nurse].sort());
    expect(told[0]!.title).toBe(mail[0]!.subject);
    // The raiser sees it; a colleague's concern on the same agreement they do not.
    expect(getConcern(d.db, { actor: as("workerUser"), id: created.id })).not.toBeNull();
    const managers = raiseConcern(d.db, { actor: as("manager"), subject: { agreementId: d.ids.agreements.winifred }, input: { ...INPUT, taskId: null, workerId: null }, today: TODAY, at: d.at, publicUrl: URL })!;
    expect(getConcern(d.db, { actor: as("workerUser"), id: managers.id })).toBeNull();
    expect(listConcerns(d.db, { actor: as("workerUser"), agreementId: d.ids.agreements.winifred }).map((c) => c.id)).toEqual([created.id]);
    expect(listConcerns(d.db, { actor: as("nurse"), agreementId: d.ids.agreements.winifred })).toHaveLength(2);
    // It is on the agreement's timeline for the nurse.
    expect(concernTimeline(d.db, { actor: as("nurse"), agreementId: d.ids.agreements.winifred }).map((e) => e.action)).toEqual(["concern.raise", "concern.raise"]);
  });

  it("refuses a future date, a colleague named by a care worker, a task not on the agreement, and anything out of scope; nothing is written", () => {
    const n = concernCount();
    const raise = (key: keyof Demo["ids"]["users"], subject: { agreementId: number } | { workerId: number }, input: Partial<ConcernInput>) =>
      raiseConcern(d.db, { actor: as(key), subject, input: { ...INPUT, taskId: null, workerId: null, ...input }, today: TODAY, at: d.at, publicUrl: URL });
    expect(problemsOf(() => raise("workerUser", { agreementId: d.ids.agreements.edith }, { occurredOn: "2026-11-23" }))).toEqual(["Date it happened must be today or in the past"]);
    expect(problemsOf(() => raise("workerUser", { agreementId: d.ids.agreements.edith }, { occurredOn: "2025-11-21" }))[0]).toMatch(/between 22 November 2025 and 22 November 2026/);
    expect(problemsOf(() => raise("workerUser", { agreementId: d.ids.agreements.edith }, { workerId: d.ids.workers.james }))[0]).toMatch(/not about another care worker/);
    expect(problemsOf(() => raise("nurse", { agreementId: d.ids.agreements.edith }, { taskId: d.ids.tasks.PEG! }))[0]).toMatch(/Choose a task on this agreement/);
    expect(problemsOf(() => raise("nurse", { agreementId: d.ids.agreements.edith }, { workerId: d.ids.workers.chloe }))[0]).toMatch(/named on this agreement/);
    // Out of scope: another team's agreement, an agreement not naming the care worker, another provider's worker, an administrator.
    expect(raise("nurse", { agreementId: d.ids.agreements.doris }, {})).toBeNull();
    expect(raise("workerUser", { agreementId: d.ids.agreements.george }, {})).toBeNull();
    expect(raise("manager", { workerId: d.ids.workers.helen }, {})).toBeNull();
    expect(raise("workerUser", { workerId: d.ids.workers.james }, {})).toBeNull();
    expect(raise("admin", { agreementId: d.ids.agreements.edith }, {})).toBeNull();
    expect(concernCount()).toBe(n);
  });

  it("is closed once, with an outcome, by the nurse or the provider's manager; the follow-up links back and a closed concern takes none", () => {
    const id = listConcerns(d.db, { actor: as("nurse"), agreementId: d.ids.agreements.edith })[0]!.id;
    const nurseView = getConcern(d.db, { actor: as("nurse"), id })!;
    expect(nurseView.mayReview).toBe(true);
    expect(nurseView.suspendable.map((s) => [s.workerName, s.taskName])).toEqual([["Maria Santos", "Insulin administration by pen"]]);
    // The suspension and its link, in one transaction as the page does it.
    const competencyId = nurseView.suspendable[0]!.id;
    changeCompetencyState(d.db, { actor: as("nurse"), id: competencyId, action: "suspend", reason: `Suspended after concern ${id}`, at: d.at });
    expect(linkConcernFollowUp(d.db, { actor: as("nurse"), concernId: id, kind: "competency_suspended", competencyId, at: d.at })).toEqual({ id });
    const after = getConcern(d.db, { actor: as("manager"), id })!;
    expect(after.followUps.map((f) => [f.kind, f.workerName, f.byName])).toEqual([["competency_suspended", "Maria Santos", "Priya Shah"]]);
    expect(getConcern(d.db, { actor: as("nurse"), id })!.suspendable).toEqual([]);

    expect(problemsOf(() => closeConcern(d.db, { actor: as("facilitator"), id, outcome: "Fine", at: d.at }))[0]).toMatch(/Only the delegating nurse/);
    expect(problemsOf(() => closeConcern(d.db, { actor: as("manager"), id, outcome: " ", at: d.at }))[0]).toMatch(/Enter the outcome/);
    expect(closeConcern(d.db, { actor: as("manager2"), id, outcome: "Not mine", at: d.at })).toBeNull();
    expect(closeConcern(d.db, { actor: as("manager"), id, outcome: "Maria retrained on priming the pen", at: d.at })).toEqual({ id });
    expect(problemsOf(() => closeConcern(d.db, { actor: as("nurse"), id, outcome: "Again", at: d.at }))).toEqual(["This concern is already closed"]);
    const closed = d.db.select().from(concerns).where(eq(concerns.id, id)).get()!;
    expect([closed.status, closed.outcome, closed.closedBy]).toEqual(["closed", "Maria retrained on priming the pen", d.ids.users.manager]);
    expect(linkConcernFollowUp(d.db, { actor: as("nurse"), concernId: id, kind: "competency_suspended", competencyId, at: d.at })).toBeNull();
    expect(concernsToActOn(d.db, as("nurse"))).toEqual([]);
  });

  it("the printout of the version in force lists a concern recorded while it was in force, and a new concern changes the stored copy's key", () => {
    const pdf = (key: keyof Demo["ids"]["users"]) =>
      agreementPdfData(d.db, { actor: as(key), id: d.ids.agreements.edith, today: TODAY, at: d.at, publicUrl: URL, reviewDueDays: 30, warningDays: 90 })!;
    const first = pdf("nurse");
    expect(first.data.concerns).toEqual([
      expect.stringMatching(/^Concern \d+, recorded 17 November 2026 \(happened 17 November 2026\), Insulin administration by pen, low harm: closed 18 November 2026\.$/),
      expect.stringMatching(/^Concern \d+, recorded 21 November 2026 \(happened 21 November 2026\), Insulin administration by pen, no harm: open\.$/),
    ]);
    raiseConcern(d.db, { actor: as("nurse"), subject: { agreementId: d.ids.agreements.edith }, input: { ...INPUT, taskId: null, workerId: null }, today: TODAY, at: d.at, publicUrl: URL });
    const second = pdf("nurse");
    expect(second.data.concerns).toHaveLength(3);
    expect(second.printKey).not.toBe(first.printKey);
    // A care worker's printout carries only the concerns they may see.
    expect(pdf("workerUser").data.concerns).toHaveLength(1);
  });
});
