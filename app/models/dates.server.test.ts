import { first, rawRows } from "./transaction.server";
/**
 * Sensible dates (docs/domain.md rules 7, 8 and 9) enforced by the models themselves, whatever
 * page called them; and demo data that never records an event after "now".
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { addDays, londonDate } from "~/domain/dates";
import { fixedClock } from "~/services/clock.server";
import { seedDemoData } from "~db/seed";
import { agreements, competencies, supervisedObservations } from "~db/tables";
import { createTestDatabase } from "~db/test-db";
import { engineOf } from "~db/client";
import { recordReview } from "./agreement-lifecycle.server";
import { recordConsent } from "./agreement-consent.server";
import { createAgreement } from "./agreement-create.server";
import { updateAgreementDetails } from "./agreement-draft.server";
import { getCompetency } from "./competencies.server";
import { recordObservation, strikeOutObservation } from "./observations.server";
import { signOffCompetency, signOffReadiness } from "./competency-sign-off.server";
import { demoDatabase, problemsOf } from "./test-helpers";
import { createTrainingSession, recordAttendance } from "./training.server";

type Demo = Awaited<ReturnType<typeof demoDatabase>>;
const TODAY = "2026-11-22";

describe("dates the models refuse", () => {
  let d: Demo;
  beforeEach(async () => {
    d = await demoDatabase();
  });

  const aishaInsulin = async () => (await first(d.db.select().from(competencies).where(eq(competencies.workerId, d.ids.workers.aisha)).limit(1)))!;
  const observeAisha = async (observedOn: string) =>
    await recordObservation(d.db, {
      actor: await d.actorFor(d.ids.users.facilitator),
      input: { workerId: d.ids.workers.aisha, taskId: d.ids.tasks["INS-PEN"]!, personId: d.ids.people.edith, observedOn, outcome: "satisfactory", notes: "" },
      today: TODAY,
      at: d.at,
    });

  it("an observation dated before the e-learning was completed is refused, naming the date it may start; the day itself is accepted", async () => {
    // Aisha's e-learning was recorded two months before today: 22 September 2026.
    const before = (await d.db.select().from(supervisedObservations)).length;
    for (const day of ["1999-11-23", "2026-09-21"]) {
      expect(await problemsOf(async () => await observeAisha(day))).toEqual([
        "Date of the observation must be on or after 22 September 2026, when the National insulin e-learning certificate was completed: supervised practice comes after it",
      ]);
    }
    expect(await d.db.select().from(supervisedObservations)).toHaveLength(before);
    expect(await observeAisha("2026-09-22")).not.toBeNull();
  });

  it("an observation before the worker joined their provider is refused", async () => {
    // Chloe joined Brightside 14 months before today; catheter care has no prerequisite.
    const joined = (await first(d.db.select({ j: sql<string>`joined_on` }).from(sql`care_workers`).where(sql`id = ${d.ids.workers.chloe}`).limit(1)))!.j;
    const observe = async (observedOn: string) =>
      await recordObservation(d.db, {
        actor: await d.actorFor(d.ids.users.facilitator),
        input: { workerId: d.ids.workers.chloe, taskId: d.ids.tasks.STOMA!, personId: null, observedOn, outcome: "satisfactory", notes: "" },
        today: TODAY,
        at: d.at,
      });
    expect((await problemsOf(async () => await observe(addDays(joined, -1))))[0]).toMatch(/^Date of the observation must be on or after .*, the day the care worker joined their provider$/);
    expect(await observe(joined)).not.toBeNull();
  });

  it("a sign-off dated before the last observation it counts is refused; striking out an observation drops the count", async () => {
    const { db, ids, at } = d;
    const facilitator = await d.actorFor(ids.users.facilitator);
    const id = (await aishaInsulin()).id;
    await observeAisha(TODAY);
    expect((await signOffReadiness(db, { actor: facilitator, id, today: TODAY }))?.satisfactory).toBe(3);
    expect(await problemsOf(async () => await signOffCompetency(db, { actor: facilitator, id, signedOffOn: "2026-11-21", notes: "", today: TODAY, at }))).toEqual([
      "Sign-off date must be on or after 22 November 2026, the date of the last supervised observation it counts",
    ]);

    // The observation of a week ago was a mistake: struck out, kept, and no longer counted.
    const mistaken = (await first(db
      .select()
      .from(supervisedObservations)
      .where(and(eq(supervisedObservations.workerId, ids.workers.aisha), eq(supervisedObservations.observedOn, addDays(TODAY, -7)))).limit(1)))!;
    expect(await problemsOf(async () => await strikeOutObservation(db, { actor: await d.actorFor(ids.users.manager), competencyId: id, observationId: mistaken.id, reason: "Wrong worker", at }))).toHaveLength(1);
    expect(await strikeOutObservation(db, { actor: facilitator, competencyId: id, observationId: mistaken.id, reason: "Recorded against the wrong worker", at })).toEqual({ observationId: mistaken.id });
    expect((await signOffReadiness(db, { actor: facilitator, id, today: TODAY }))?.satisfactory).toBe(2);
    expect(await problemsOf(async () => await signOffCompetency(db, { actor: facilitator, id, signedOffOn: TODAY, notes: "", today: TODAY, at }))).toEqual([
      "Sign-off needs 3 satisfactory supervised observations; 2 are recorded",
    ]);
    const shown = (await getCompetency(db, { actor: facilitator, id, today: TODAY, warningDays: 90 }))!.observations.find((o) => o.id === mistaken.id)!;
    expect(shown).toMatchObject({ struckOutReason: "Recorded against the wrong worker", struckOutByName: "Grace Liu", mayStrikeOut: false });
    expect(await problemsOf(async () => await strikeOutObservation(db, { actor: facilitator, competencyId: id, observationId: mistaken.id, reason: "Again", at }))).toEqual([
      "This observation has already been struck out",
    ]);
  });

  it("an observation a sign-off counted cannot be struck out", async () => {
    const { db, ids, at } = d;
    const maria = (await first(db.select().from(competencies).where(and(eq(competencies.workerId, ids.workers.maria), eq(competencies.taskId, ids.tasks.BGM!))).limit(1)))!;
    const counted = (await first(db.select().from(supervisedObservations).where(and(eq(supervisedObservations.workerId, ids.workers.maria), eq(supervisedObservations.taskId, ids.tasks.BGM!))).limit(1)))!;
    expect((await problemsOf(async () => await strikeOutObservation(db, { actor: await d.actorFor(ids.users.nurse), competencyId: maria.id, observationId: counted.id, reason: "Mistake", at })))[0]).toMatch(
      /^This observation was counted by the sign-off on/,
    );
  });

  it("a start date in 1900 or year 1 is refused; the reference takes the year the agreement was created", async () => {
    const { db, ids, at } = d;
    const nurse = await d.actorFor(ids.users.nurse);
    const start = async (startDate: string) => await createAgreement(db, { actor: nurse, personId: ids.people.winifred, taskIds: [ids.tasks.EYE!], startDate, today: TODAY, at });
    const count = async () => (await db.select().from(agreements)).length;
    const before = await count();
    expect(await problemsOf(async () => await start("1900-01-01"))).toEqual(["Start date must be between 22 November 2025 and 22 November 2027"]);
    expect(await problemsOf(async () => await start("0001-01-01"))).toHaveLength(1);
    expect(await count()).toBe(before);
    const id = await start("2027-01-10");
    expect((await first(db.select().from(agreements).where(eq(agreements.id, id)).limit(1)))?.reference).toMatch(/^DA-2026-\d{6}$/);
  });

  it("the review date on 'Dates and supervision' is limited by the shortest review interval from the start date", async () => {
    const { db, ids, at } = d;
    const nurse = await d.actorFor(ids.users.nurse);
    const id = await createAgreement(db, { actor: nurse, personId: ids.people.winifred, taskIds: [ids.tasks.WOUND!, ids.tasks.EYE!], startDate: TODAY, today: TODAY, at });
    const details = async (reviewDate: string) =>
      await updateAgreementDetails(db, { actor: nurse, agreementId: id, details: { startDate: TODAY, reviewDate, supervisionArrangements: "", earlyReviewTriggers: "" }, today: TODAY, at });
    expect(await problemsOf(async () => await details("2036-11-22"))).toEqual([
      "Review date must be on or before 22 February 2027: the agreement's tasks must be reviewed at least every 3 months from the start date",
    ]);
    expect(await details("2027-02-22")).toBe(true);
  });

  it("a review with a next review date beyond the interval, or dated before the agreement started, is refused", async () => {
    const { db, ids, at } = d;
    const nurse = await d.actorFor(ids.users.nurse);
    const george = ids.agreements.george; // wound dressing: reviewed every 3 months, started 45 days ago
    const review = async (reviewedOn: string, nextReviewDate: string) =>
      await recordReview(db, { actor: nurse, agreementId: george, input: { reviewedOn, outcome: "continue", nextReviewDate, notes: "" }, today: TODAY, at });
    expect(await problemsOf(async () => await review(TODAY, "2040-02-23"))).toEqual([
      "Next review date must be on or before 22 February 2027: the agreement's tasks must be reviewed at least every 3 months from the review",
    ]);
    expect((await problemsOf(async () => await review(addDays(TODAY, -46), addDays(TODAY, 30))))[0]).toMatch(/^Date of the review must be on or after .*, the start date of the agreement$/);
    expect((await first(db.select().from(agreements).where(eq(agreements.id, george)).limit(1)))?.reviewDate).toBe(addDays(TODAY, -5));
    expect(await review(TODAY, "2027-02-22")).toBe(true);
  });

  it("consent dated before the person was born, or in 1901, is refused", async () => {
    const { db, ids, at } = d;
    const consent = async (givenOn: string) =>
      await recordConsent(db, {
        actor: await d.actorFor(ids.users.nurse),
        agreementId: ids.agreements.arthur,
        input: { kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn, notes: "" },
        today: TODAY,
        at,
        warningDays: 90,
      });
    expect(await problemsOf(async () => await consent("1901-01-01"))).toEqual(["Date of consent must be between 22 November 2025 and 22 November 2026"]);
    expect(await consent(TODAY)).toEqual({ newVersion: null });
  });

  it("a training session may be scheduled ahead, but its attendance is recorded from its date", async () => {
    const { db, ids, at } = d;
    const facilitator = await d.actorFor(ids.users.facilitator);
    const session = async (heldOn: string, attendees: { workerId: number; outcome: "completed" }[]) =>
      await createTrainingSession(db, { actor: facilitator, input: { taskId: ids.tasks.BGM!, heldOn, mode: "face_to_face", location: "", notes: "", attendees }, today: TODAY, at });
    expect((await problemsOf(async () => await session("2026-11-23", [{ workerId: ids.workers.chloe, outcome: "completed" }])))[0]).toMatch(/^Attendance can be recorded from 23 November 2026/);
    expect(await session("2026-11-23", [])).toBeGreaterThan(0);
    expect(await problemsOf(async () => await session(TODAY, []))).toEqual(["Record at least one care worker who attended"]);
    expect(await problemsOf(async () => await session("2036-01-01", []))).toEqual(["Date of the session must be between 22 November 2016 and 22 November 2027"]);
  });
});

/** Every column that records when something happened; scheduled dates (expiry) are left out. */
async function eventColumns(db: Demo["db"]): Promise<{ table: string; column: string }[]> {
  const scheduled = new Set(["expires_on", "expires_at", "start_date", "review_date", "next_review_date"]);
  const all =
    engineOf(db).name === "postgres"
      ? await rawRows<{ table: string; column: string }>(db, sql`SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '__drizzle%'`)
      : await rawRows<{ table: string; column: string }>(db, sql`SELECT m.name AS "table", c.name AS "column" FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__drizzle%'`);
  const columns = all.filter((c) => /(^at|_at|_on|_date)$/.test(c.column) && !scheduled.has(c.column));
  return columns;
}

async function eventsAfter(db: Demo["db"], now: Date): Promise<string[]> {
  const today = londonDate(now);
  const late: string[] = [];
  for (const { table, column } of await eventColumns(db)) {
    // A session scheduled ahead is a plan, not an event (docs/domain.md rule 8): only sessions with a register happened.
    const held = table === "training_sessions" && column === "held_on" ? " WHERE id IN (SELECT session_id FROM training_attendances)" : "";
    const latest = (await first(rawRows<{ v: string | null }>(db, sql.raw(`SELECT max("${column}") AS v FROM "${table}"${held}`))))?.v;
    if (!latest) continue;
    if (/(^at|_at)$/.test(column) ? latest > now.toISOString() : latest > today) late.push(`${table}.${column} = ${latest}`);
  }
  return late;
}

describe("the demo's history is never in the future", () => {
  it("with the real clock: every event is at or before the moment the demo was written", async () => {
    const { db } = await createTestDatabase();
    await seedDemoData(db, { clock: fixedClock(new Date()) });
    expect((await eventColumns(db)).map((c) => `${c.table}.${c.column}`)).toEqual(expect.arrayContaining(["audit_events.at", "supervised_observations.observed_on", "signatures.signed_at", "reviews.reviewed_on"]));
    expect(await eventsAfter(db, new Date())).toEqual([]);
  });

  it("started just after midnight: nothing is dated later that day", async () => {
    const { db } = await createTestDatabase();
    const now = new Date(`${addDays(londonDate(new Date()), 1)}T00:30:00Z`);
    await seedDemoData(db, { clock: fixedClock(now) });
    expect(await eventsAfter(db, now)).toEqual([]);
  });
});

describe("attendance at a session scheduled ahead", () => {
  it("is refused before the day, accepted on it, and recorded once", async () => {
    const d = await demoDatabase();
    const { db, ids, at } = d;
    const facilitator = await d.actorFor(ids.users.facilitator);
    const id = await createTrainingSession(db, { actor: facilitator, input: { taskId: ids.tasks.EYE!, heldOn: "2026-12-01", mode: "face_to_face", location: "", notes: "", attendees: [] }, today: TODAY, at });
    const attend = async (today: string) => await recordAttendance(db, { actor: facilitator, sessionId: id, attendees: [{ workerId: ids.workers.maria, outcome: "completed" }], today, at });
    expect(await problemsOf(async () => await attend("2026-11-30"))).toEqual(["Attendance can be recorded from 1 December 2026, the day of the session"]);
    expect(await attend("2026-12-01")).toEqual({ id });
    expect(await problemsOf(async () => await attend("2026-12-02"))).toEqual(["Attendance at this session has already been recorded"]);
    expect(await recordAttendance(db, { actor: await d.actorFor(ids.users.nurseSouth), sessionId: id, attendees: [], today: "2026-12-02", at })).toBeNull();
  });
});
