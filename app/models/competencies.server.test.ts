import { first } from "./transaction.server";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { agreements, careWorkers, competencies, competencySignOffs, supervisedObservations, users } from "~db/tables";
import { changeCompetencyState } from "./competency-state.server";
import { getCompetency, listWorkerCompetencies } from "./competencies.server";
import { recordObservation } from "./observations.server";
import { recordPrerequisite } from "./prerequisites.server";
import { signOffCompetency, signOffReadiness } from "./competency-sign-off.server";
import { filteredMatrix, trainingMatrix } from "./matrix.server";
import { demoDatabase, problemsOf } from "./test-helpers";
import { createTrainingSession, getTrainingSession, listTrainingSessions } from "./training.server";
import { matrixCsvRows } from "~/domain/matrix";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";


describe("training, observations and sign-off", () => {
  let demo: Demo;
  beforeEach(async () => {
    demo = await demoDatabase();
  });

  const observe = async (d: Demo, actorId: number, workerId: number, taskCode: string, personId: number | null, observedOn = TODAY) =>
    await recordObservation(d.db, {
      actor: await d.actorFor(actorId),
      input: { workerId, taskId: d.ids.tasks[taskCode]!, personId, observedOn, outcome: "satisfactory", notes: "" },
      today: TODAY,
      at: d.at,
    });

  it("an observation of insulin is refused until the e-learning prerequisite is recorded, naming it", async () => {
    const { ids } = demo;
    expect(await problemsOf(async () => await observe(demo, ids.users.facilitator, ids.workers.chloe, "INS-PEN", ids.people.edith))).toEqual([
      "Record the prerequisite first: National insulin e-learning certificate. Supervised practice cannot start without it",
    ]);
    const insulinObservations = async () =>
      await demo.db.select().from(supervisedObservations).where(and(eq(supervisedObservations.workerId, ids.workers.chloe), eq(supervisedObservations.taskId, ids.tasks["INS-PEN"]!)));
    expect(await insulinObservations()).toHaveLength(0);

    await recordPrerequisite(demo.db, { actor: await demo.actorFor(ids.users.facilitator), workerId: ids.workers.chloe, prerequisiteId: ids.prerequisites["INS-PEN"]!, achievedOn: TODAY, evidence: "", at: demo.at });
    expect(await observe(demo, ids.users.facilitator, ids.workers.chloe, "INS-PEN", ids.people.edith)).not.toBeNull();
    expect(await insulinObservations()).toHaveLength(1);
  });

  it("sign-off needs the required satisfactory observations; too few changes nothing", async () => {
    const { ids, db } = demo;
    const aisha = (await first(db.select().from(competencies).where(eq(competencies.workerId, ids.workers.aisha)).limit(1)))!;
    const facilitator = await demo.actorFor(ids.users.facilitator);
    expect(await problemsOf(async () => await signOffCompetency(db, { actor: facilitator, id: aisha.id, signedOffOn: TODAY, notes: "", today: TODAY, at: demo.at }))).toEqual([
      "Sign-off needs 3 satisfactory supervised observations; 2 are recorded",
    ]);
    expect((await first(db.select().from(competencies).where(eq(competencies.id, aisha.id)).limit(1)))?.state).toBe("in_training");
    expect(await db.select().from(competencySignOffs).where(eq(competencySignOffs.competencyId, aisha.id))).toHaveLength(0);

    await observe(demo, ids.users.facilitator, ids.workers.aisha, "INS-PEN", ids.people.edith);
    expect(await signOffCompetency(db, { actor: facilitator, id: aisha.id, signedOffOn: TODAY, notes: "", today: TODAY, at: demo.at })).toEqual({ expiresOn: "2027-11-22" });
    const passport = await listWorkerCompetencies(db, { actor: facilitator, workerId: ids.workers.aisha, today: TODAY, warningDays: 90 });
    expect(passport).toMatchObject([{ taskName: "Insulin administration by pen", personName: "Edith Clarke", status: "competent", signedOffByName: "Grace Liu", expiresOn: "2027-11-22" }]);
  });

  it("nobody signs off their own competency", async () => {
    const { ids, db } = demo;
    // A facilitator who also works shifts as a care worker, linked to a worker record.
    await db.update(careWorkers).set({ userId: ids.users.facilitator }).where(eq(careWorkers.id, ids.workers.aisha));
    await observe(demo, ids.users.nurse, ids.workers.aisha, "INS-PEN", ids.people.edith);
    const aisha = (await first(db.select().from(competencies).where(eq(competencies.workerId, ids.workers.aisha)).limit(1)))!;
    expect(await problemsOf(async () => await signOffCompetency(db, { actor: await demo.actorFor(ids.users.facilitator), id: aisha.id, signedOffOn: TODAY, notes: "", today: TODAY, at: demo.at }))).toEqual([
      "You cannot sign off your own competency",
    ]);
    expect(await signOffCompetency(db, { actor: await demo.actorFor(ids.users.nurse), id: aisha.id, signedOffOn: TODAY, notes: "", today: TODAY, at: demo.at })).not.toBeNull();
  });

  it("a renewal adds a sign-off and a new expiry, keeping the old one in the history", async () => {
    const { ids, db } = demo;
    const facilitator = await demo.actorFor(ids.users.facilitator);
    const bgm = (await first(db.select().from(competencies).where(and(eq(competencies.workerId, ids.workers.james), eq(competencies.taskId, ids.tasks.BGM!))).limit(1)))!;
    expect((await getCompetency(db, { actor: facilitator, id: bgm.id, today: TODAY, warningDays: 90 }))?.status).toBe("expired");
    expect((await problemsOf(async () => await signOffCompetency(db, { actor: facilitator, id: bgm.id, signedOffOn: TODAY, notes: "", today: TODAY, at: demo.at })))[0]).toMatch(/renewal needs a satisfactory supervised observation/);
    await observe(demo, ids.users.facilitator, ids.workers.james, "BGM", null);
    await signOffCompetency(db, { actor: facilitator, id: bgm.id, signedOffOn: TODAY, notes: "Reassessed", today: TODAY, at: demo.at });
    const after = (await getCompetency(db, { actor: facilitator, id: bgm.id, today: TODAY, warningDays: 90 }))!;
    expect(after.status).toBe("competent");
    expect(after.signOffs.map((s) => s.kind)).toEqual(["renewal", "initial"]);
    expect(after.competency.expiresOn).toBe("2027-11-22");
  });

  it("suspend, reinstate and revoke keep who, when and why; a worker declines only their own", async () => {
    const { ids, db } = demo;
    const nurse = await demo.actorFor(ids.users.nurse);
    const maria = (await first(db.select().from(competencies).where(and(eq(competencies.workerId, ids.workers.maria), eq(competencies.taskId, ids.tasks.BGM!))).limit(1)))!;
    await changeCompetencyState(db, { actor: nurse, id: maria.id, action: "suspend", reason: "Concern raised", at: demo.at });
    expect((await getCompetency(db, { actor: nurse, id: maria.id, today: TODAY, warningDays: 90 }))?.status).toBe("suspended");
    await changeCompetencyState(db, { actor: nurse, id: maria.id, action: "reinstate", reason: "Reassessed safe", at: demo.at });
    const history = (await getCompetency(db, { actor: nurse, id: maria.id, today: TODAY, warningDays: 90 }))!;
    expect(history.status).toBe("competent");
    expect(history.changes.slice(0, 2).map((c) => [c.fromState, c.toState, c.reason, c.byName])).toEqual([
      ["suspended", "competent", "Reassessed safe", "Priya Shah"],
      ["competent", "suspended", "Concern raised", "Priya Shah"],
    ]);

    const worker = await demo.actorFor(ids.users.workerUser);
    const james = (await first(db.select().from(competencies).where(eq(competencies.workerId, ids.workers.james)).limit(1)))!;
    expect(await changeCompetencyState(db, { actor: worker, id: james.id, action: "decline", reason: "", at: demo.at })).toBeNull();
    await changeCompetencyState(db, { actor: worker, id: maria.id, action: "decline", reason: "Not confident", at: demo.at });
    expect((await first(db.select().from(competencies).where(eq(competencies.id, maria.id)).limit(1)))?.state).toBe("declined");
    expect((await problemsOf(async () => await changeCompetencyState(db, { actor: nurse, id: maria.id, action: "suspend", reason: "x", at: demo.at })))[0]).toMatch(/cannot be changed/);
  });

  it("a provider manager cannot sign off, and sees nothing of another provider's competencies", async () => {
    const { ids, db } = demo;
    const aisha = (await first(db.select().from(competencies).where(eq(competencies.workerId, ids.workers.aisha)).limit(1)))!;
    expect(await problemsOf(async () => await signOffCompetency(db, { actor: await demo.actorFor(ids.users.manager), id: aisha.id, signedOffOn: TODAY, notes: "", today: TODAY, at: demo.at }))).toContain(
      "Only a registered nurse or a blended-role facilitator can sign off competency",
    );
    expect(await getCompetency(db, { actor: await demo.actorFor(ids.users.manager2), id: aisha.id, today: TODAY, warningDays: 90 })).toBeNull();
    expect(await listWorkerCompetencies(db, { actor: await demo.actorFor(ids.users.manager2), workerId: ids.workers.maria, today: TODAY, warningDays: 90 })).toEqual([]);
  });

  it("another team's person stays hidden: their person-specific competencies are not found, listed or changeable (rule 15)", async () => {
    const { ids, db } = demo;
    const south = await demo.actorFor(ids.users.nurseSouth);
    const ivyCompetencies = await db.select().from(competencies).where(eq(competencies.personId, ids.people.ivy!));
    expect(ivyCompetencies.length).toBeGreaterThan(0);
    const ivyWorkers = [...new Set(ivyCompetencies.map((c) => c.workerId))];
    for (const c of ivyCompetencies) {
      // The North nurse, whose caseload Ivy is on, sees it; the South nurse sees the worker but not Ivy.
      expect(await getCompetency(db, { actor: await demo.actorFor(ids.users.nurse), id: c.id, today: TODAY, warningDays: 90 })).not.toBeNull();
      expect(await getCompetency(db, { actor: south, id: c.id, today: TODAY, warningDays: 90 })).toBeNull();
      expect(await signOffReadiness(db, { actor: south, id: c.id, today: TODAY })).toBeNull();
      expect(await changeCompetencyState(db, { actor: south, id: c.id, action: "suspend", reason: "Concern", at: demo.at })).toBeNull();
      expect(await signOffCompetency(db, { actor: south, id: c.id, signedOffOn: TODAY, notes: "", today: TODAY, at: demo.at })).toBeNull();
    }
    // Nothing changed: Ivy's agreement was not suspended behind the North team's back.
    expect(await db.select().from(competencies).where(eq(competencies.personId, ids.people.ivy!))).toEqual(ivyCompetencies);
    expect((await first(db.select().from(agreements).where(eq(agreements.id, ids.agreements.ivy!)).limit(1)))?.state).toBe("active");
    for (const workerId of ivyWorkers) {
      const seen = await listWorkerCompetencies(db, { actor: south, workerId, today: TODAY, warningDays: 90 });
      expect(seen.map((c) => c.personName)).not.toContain("Ivy Thompson");
    }
    const matrix = await trainingMatrix(db, { actor: south, today: TODAY, warningDays: 90 });
    expect(Object.values(matrix.cells).flat().map((c) => c.personName)).not.toContain("Ivy Thompson");
    // The worker themselves still sees their own person-specific competencies.
    expect((await listWorkerCompetencies(db, { actor: await demo.actorFor(ids.users.workerUser), workerId: ids.workers.maria, today: TODAY, warningDays: 90 })).some((c) => c.personName === "Edith Clarke")).toBe(true);
  });

  it("the demo shows every competency status", async () => {
    const { ids, db } = demo;
    const admin = await demo.actorFor(ids.users.admin);
    const all = [];
    for (const w of await db.select({ id: careWorkers.id }).from(careWorkers)) all.push(...(await listWorkerCompetencies(db, { actor: admin, workerId: w.id, today: TODAY, warningDays: 90 })));
    expect(new Set(all.map((c) => c.status))).toEqual(new Set(["in_training", "competent", "expiring", "expired", "suspended", "revoked", "declined"]));
    expect(all.some((c) => c.status === "expiring" && c.expiresOn! <= "2026-12-22")).toBe(true);
    expect(all.some((c) => c.personName !== null)).toBe(true);
  });

  it("the training matrix shows a provider manager only their own workers", async () => {
    const { ids, db } = demo;
    const matrix = await trainingMatrix(db, { actor: await demo.actorFor(ids.users.manager), today: TODAY, warningDays: 90 });
    expect(matrix.workers.map((w) => w.providerName)).toEqual(Array(matrix.workers.length).fill("Brightside Home Care"));
    expect(matrix.cells[`${ids.workers.maria}:${ids.tasks["INS-PEN"]}`]?.[0]).toMatchObject({ status: "competent", personName: "Edith Clarke" });
  });

  // Issue 14, item 4: Chloe Barker's row looked empty. Her one record, catheter care suspended after
  // a concern, sat in the last column, off screen, beside cells that said nothing at all.
  it("the training matrix: Chloe Barker's suspended catheter care with its date, and a word for every other task", async () => {
    const { ids, db } = demo;
    const m = await filteredMatrix(db, { actor: await demo.actorFor(ids.users.manager), filters: { taskIds: [] }, today: TODAY, warningDays: 90 });
    const chloe = m.workers.find((w) => w.plainName === "Chloe Barker")!;
    expect(m.cellsOf(chloe.id, ids.tasks.CATH!)).toMatchObject([{ status: "suspended", changedOn: expect.stringMatching(/^2026-11-\d\d$/) }]);
    const rows = matrixCsvRows({ workers: m.workers.map((w) => ({ ...w, name: w.plainName, staffNumber: w.staffNumberAsEntered })), tasks: m.tasks, cellsOf: m.cellsOf, trainingOf: m.trainingOf });
    const row = rows.find((r) => r[0] === "Chloe Barker")!;
    expect(row[rows[0]!.indexOf("Urinary catheter care")]).toMatch(/^Suspended since \d+ November 2026$/);
    // She went to the blood glucose session but did not complete it: not "Not trained" without a word of it.
    expect(row[rows[0]!.indexOf("Blood glucose monitoring")]).toMatch(/^Did not complete training on \d+ \w+ \d{4}$/);
    expect(row.filter((c) => c === "Not trained").length).toBe(m.tasks.length - 2);
    // Only the tasks chosen; a status filter keeps a worker's other cells as they are.
    const chosen = await filteredMatrix(db, { actor: await demo.actorFor(ids.users.manager), filters: { taskIds: [ids.tasks.CATH!, ids.tasks.BGM!], status: "suspended" }, today: TODAY, warningDays: 90 });
    expect(chosen.tasks.map((t) => t.name)).toEqual(["Blood glucose monitoring", "Urinary catheter care"]);
    expect(chosen.workers.map((w) => w.plainName)).toEqual(["Chloe Barker"]);
  });

  it("the training matrix a page at a time reads only that page's cells, and they are the whole matrix's cells", async () => {
    const { ids, db } = demo;
    const actor = await demo.actorFor(ids.users.manager);
    const whole = await filteredMatrix(db, { actor, filters: { taskIds: [] }, today: TODAY, warningDays: 90 });
    const size = 2;
    const pages = Math.ceil(whole.workers.length / size);
    expect(pages).toBeGreaterThan(1);
    for (let number = 1; number <= pages; number++) {
      const paged = await filteredMatrix(db, { actor, filters: { taskIds: [] }, today: TODAY, warningDays: 90, page: { number, size } });
      const onPage = whole.workers.slice((number - 1) * size, number * size);
      expect(paged.workers.map((w) => w.id)).toEqual(whole.workers.map((w) => w.id));
      expect(paged.shown!.items.map((w) => w.id)).toEqual(onPage.map((w) => w.id));
      for (const w of whole.workers) {
        for (const t of whole.tasks) {
          const here = onPage.some((x) => x.id === w.id);
          expect(paged.cellsOf(w.id, t.id)).toEqual(here ? whole.cellsOf(w.id, t.id) : []);
          expect(paged.trainingOf(w.id, t.id)).toEqual(here ? whole.trainingOf(w.id, t.id) : null);
        }
      }
    }
    // A status filter needs every worker's cells: it reads them all, then pages.
    const suspended = await filteredMatrix(db, { actor, filters: { taskIds: [], status: "suspended" }, today: TODAY, warningDays: 90, page: { number: 1, size } });
    expect(suspended.shown!.items.map((w) => w.plainName)).toContain("Chloe Barker");
  });

  it("training sessions record attendees in scope only", async () => {
    const { ids, db } = demo;
    const facilitator = await demo.actorFor(ids.users.facilitator);
    const input = { taskId: ids.tasks.BGM!, heldOn: TODAY, mode: "face_to_face" as const, location: "", notes: "", attendees: [{ workerId: ids.workers.chloe, outcome: "completed" as const }] };
    const id = await createTrainingSession(db, { actor: facilitator, input, today: TODAY, at: demo.at });
    expect((await getTrainingSession(db, { actor: facilitator, id }))?.attendees.map((a) => a.name)).toEqual(["Chloe Barker"]);
    expect((await listTrainingSessions(db, { actor: await demo.actorFor(ids.users.manager2), today: TODAY })).past.map((s) => s.id)).not.toContain(id);
    expect((await listTrainingSessions(db, { actor: facilitator, today: TODAY })).past.map((s) => s.id)).toContain(id);
    expect(await getTrainingSession(db, { actor: await demo.actorFor(ids.users.manager), id })).not.toBeNull();
    expect(await problemsOf(async () => await createTrainingSession(db, { actor: await demo.actorFor(ids.users.nurseSouth), input, today: TODAY, at: demo.at }))).toEqual(["Select care workers from the list"]);
    expect((await first(db.select().from(users).where(eq(users.id, ids.users.facilitator)).limit(1)))?.name).toBe("Grace Liu");
  });

  // Issue 12, finding 9: the same worker twice on one register was a unique-constraint 500.
  it("a register naming one care worker twice is refused with a message, and nothing is written", async () => {
    const { ids, db } = demo;
    const facilitator = await demo.actorFor(ids.users.facilitator);
    const all = async () => Object.values(await listTrainingSessions(db, { actor: facilitator, today: TODAY })).flat();
    const before = (await all()).length;
    const attendees = [{ workerId: ids.workers.chloe, outcome: "completed" as const }, { workerId: ids.workers.chloe, outcome: "did_not_complete" as const }];
    const input = { taskId: ids.tasks.BGM!, heldOn: TODAY, mode: "face_to_face" as const, location: "", notes: "", attendees };
    expect(await problemsOf(async () => await createTrainingSession(db, { actor: facilitator, input, today: TODAY, at: demo.at }))).toEqual(["Choose one outcome for each care worker"]);
    expect(await all()).toHaveLength(before);
  });
});

describe("ready for sign-off (docs/domain.md rule 7): what the sign-off page offers", () => {
  it("the demo's Ben has both eye-drop observations: ready, nothing in the way; Aisha's insulin (2 of 3) says why not", async () => {
    const d = await demoDatabase();
    const facilitator = await d.actorFor(d.ids.users.facilitator);
    const competencyOf = async (workerId: number) => await d.db.select().from(competencies).where(and(eq(competencies.workerId, workerId), eq(competencies.state, "in_training")));
    const benEye = (await competencyOf(d.ids.workers.ben)).find((c) => c.taskId === d.ids.tasks.EYE)!;
    expect(await signOffReadiness(d.db, { actor: facilitator, id: benEye.id, today: TODAY })).toMatchObject({ satisfactory: 2, required: 2, problems: [] });
    const aisha = (await competencyOf(d.ids.workers.aisha))[0]!;
    expect((await signOffReadiness(d.db, { actor: facilitator, id: aisha.id, today: TODAY }))?.problems).toEqual([
      { field: "form", message: "Sign-off needs 3 satisfactory supervised observations; 2 are recorded", cause: "observations" },
    ]);
    // A provider manager may read it, but is not offered the declaration.
    expect((await signOffReadiness(d.db, { actor: await d.actorFor(d.ids.users.manager2), id: benEye.id, today: TODAY }))?.problems.map((p) => p.cause)).toEqual(["role"]);
  });
});
