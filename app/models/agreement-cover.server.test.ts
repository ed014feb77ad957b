import { first } from "./transaction.server";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { agreements, careWorkers, competencies } from "~db/tables";
import { agreementPdfData } from "./agreement-pdf.server";
import { listAlerts } from "./alerts.server";
import { getSettings } from "./settings.server";
import { getAgreement } from "./agreement-view.server";
import { changeCompetencyState } from "./competency-state.server";
import { demoDatabase } from "./test-helpers";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";
const START = "2026-11-29";

describe("who may carry out each task (docs/domain.md rules 3 and 4)", () => {
  let d: Demo;
  beforeEach(async () => {
    d = await demoDatabase();
  });
  const view = async (userId: number, id: number, today = TODAY) => (await getAgreement(d.db, { actor: await d.actorFor(userId), id, today, at: d.at, reviewDueDays: 30, warningDays: 90 }))!;

  it("a signed agreement whose start date is ahead: nobody may carry out its tasks until the start date", async () => {
    const before = await view(d.ids.users.nurseSouth, d.ids.agreements.stanley);
    expect(before.status).toBe("not_yet_in_force");
    const peter = before.inForceCover[0]!.workers[0]!;
    expect(peter).toMatchObject({
      workerName: "Peter Nowak",
      current: true,
      decision: { may: false, code: "agreement_not_yet_in_force", words: "the agreement comes into force on 29 November 2026" },
      label: { text: "Will be able to carry out from 29 November 2026", tone: "blue" },
    });
    const onTheDay = (await view(d.ids.users.nurseSouth, d.ids.agreements.stanley, START)).inForceCover[0]!.workers[0]!;
    expect(onTheDay.decision).toMatchObject({ may: true, code: "competent" });
    expect(onTheDay.label.text).toBe("May carry out");
  });

  it("an agreement awaiting signatures shows no one as able to carry out a task", async () => {
    const winifred = await view(d.ids.users.nurse, d.ids.agreements.winifred);
    const labels = winifred.cover.flatMap((t) => t.workers.map((w) => w.label.text));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels).not.toContain("May carry out");
    expect(winifred.cover.flatMap((t) => t.workers.map((w) => w.decision.code))).toEqual(labels.map(() => "agreement_awaiting_signatures"));
  });

  it("the interlock still protects an agreement that is not yet in force", async () => {
    const eye = (await first(d.db
      .select({ id: competencies.id })
      .from(competencies)
      .where(and(eq(competencies.workerId, d.ids.workers.peter), eq(competencies.taskId, d.ids.tasks.EYE!))).limit(1)))!;
    await changeCompetencyState(d.db, { actor: await d.actorFor(d.ids.users.nurseSouth), id: eye.id, action: "suspend", reason: "Concern raised", at: d.at });
    const stanley = (await first(d.db.select().from(agreements).where(eq(agreements.id, d.ids.agreements.stanley)).limit(1)))!;
    expect(stanley).toMatchObject({ state: "suspended", suspendedAutomatically: true });
    expect(stanley.stateReason).toContain("Peter Nowak: competency suspended");
  });

  it("the printed agreement's named workers follow the same rule: a worker who has left is shown so", async () => {
    await d.db.update(careWorkers).set({ status: "left", leftOn: TODAY }).where(eq(careWorkers.id, d.ids.workers.james));
    const built = (await agreementPdfData(d.db, { actor: await d.actorFor(d.ids.users.nurse), id: d.ids.agreements.edith, today: TODAY, at: d.at, publicUrl: "http://localhost", reviewDueDays: 30, warningDays: 90 }))!;
    const james = built.data.workers.find((w) => w.name === "James Whitfield")!;
    expect(james.competencies.map((c) => c.status)).toEqual(["Has left the provider", "Has left the provider"]);
    const maria = built.data.workers.find((w) => w.name === "Maria Santos")!;
    expect(maria.competencies.map((c) => c.status)).toEqual(["Competent", "Competent"]);
  });
});

describe("cover forecast alerts (docs/domain.md rule 13)", () => {
  it("the nurse is warned when a task's cover will drop below two competent workers inside the window, which is a setting", async () => {
    const d = await demoDatabase();
    const nurse = await d.actorFor(d.ids.users.nurse);
    const settings = await getSettings(d.db);
    expect(settings.coverForecastDays).toBe(28);
    const forecasts = async (days: number) => (await listAlerts(d.db, { actor: nurse, today: TODAY, settings: { ...settings, coverForecastDays: days } })).filter((a) => a.kind === "agreement_cover_forecast");
    // Liam's PEG competency for Ivy expires on 12 December; from the 13th only Fatima is left.
    expect(await forecasts(28)).toMatchObject([
      { severity: "warning", dueOn: "2026-12-13", title: "DA-2026-000004 (I. T.): from 13 December 2026 only one named worker will be able to carry out Enteral (PEG) feeding and flushing", href: `/agreements/${d.ids.agreements.ivy}` },
    ]);
    expect(await forecasts(20)).toEqual([]);
  });
});
