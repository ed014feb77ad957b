/**
 * Sensible dates (docs/domain.md rules 7, 8 and 9) enforced by the models themselves, whatever
 * page called them; and demo data that never records an event after "now".
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { addDays, londonDate } from "~/domain/dates";
import { fixedClock } from "~/services/clock.server";
import { seedDemoData } from "~db/seed";
import { agreements, competencies, supervisedObservations } from "~db/schema";
import { createTestDatabase } from "~db/test-db";
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

  const aishaInsulin = () => d.db.select().from(competencies).where(eq(competencies.workerId, d.ids.workers.aisha)).get()!;
  const observeAisha = (observedOn: string) =>
    recordObservation(d.db, {
      actor: d.actorFor(d.ids.users.facilitator),
      input: { workerId: d.ids.workers.aisha, taskId: d.ids.tasks["INS-PEN"]!, personId: d.ids.people.edith, observedOn, outcome: "satisfactory", notes: "" },
      today: TODAY,
      at: d.at,
    });

  it("an observation dated before the e-learning was completed is refused, naming the date it may start; the day itself is accepted", () => {
    // Aisha's e-learning was recorded two months before today: 22 September 2026.
    const before = d.db.select().from(supervisedObservations).all().length;
    for (const day of ["1999-11-23", "2026-09-21"]) {
      expect(problemsOf(() => observeAisha(day))).toEqual([
        "Date of the observation must be on or after 22 September 2026, when the National insulin e-learning certificate was completed: supervised practice comes after it",
      ]);
    }
    expect(d.db.select().from(supervisedObservations).all()).toHaveLength(before);
    expect(observeAisha("2026-09-22")).not.toBeNull();
  });

  it("an observation before the worker joined their provider is refused", () => {
    // Chloe joined Brightside 14 months before today; catheter care has no prerequisite.
    const joined = d.db.select({ j: sql<string>`joined_on` }).from(sql`care_workers`).where(sql`id = ${d.ids.workers.chloe}`).get()!.j;
    const observe = (observedOn: string) =>
      recordObservation(d.db, {
        actor: d.actorFor(d.ids.users.facilitator),
        input: { workerId: d.ids.workers.chloe, taskId: d.ids.tasks.STOMA!, personId: null, observedOn, outcome: "satisfactory", notes: "" },
        today: TODAY,
        at: d.at,
      });
    expect(problemsOf(() => observe(addDays(joined, -1)))[0]).toMatch(/^Date of the observation must be on or after .*, the day the care worker joined their provider$/);
    expect(observe(joined)).not.toBeNull();
  });

  it("a sign-off dated before the last observation it counts is refused; striking out an observation drops the count", () => {
    const { db, ids, at } = d;
    const facilitator = d.actorFor(ids.users.facilitator);
    const id = aishaInsulin().id;
    observeAisha(TODAY);
    expect(signOffReadiness(db, { actor: facilitator, id, today: TODAY })?.satisfactory).toBe(3);
    expect(problemsOf(() => signOffCompetency(db, { actor: facilitator, id, signedOffOn: "2026-11-21", notes: "", today: TODAY, at }))).toEqual([
      "Sign-off date must be on or after 22 November 2026, the date of the last supervised observation it counts",
    ]);

    // The observation of a week ago was a mistake: struck out, kept, and no longer counted.
    const mistaken = db
      .select()
      .from(supervisedObservations)
      .where(and(eq(supervisedObservations.workerId, ids.workers.aisha), eq(supervisedObservations.observedOn, addDays(TODAY, -7))))
      .get()!;
    expect(problemsOf(() => strikeOutObservation(db, { actor: d.actorFor(ids.users.manager), competencyId: id, observationId: mistaken.id, reason: "Wrong worker", at }))).toHaveLength(1);
    expect(strikeOutObservation(db, { actor: facilitator, competencyId: id, observationId: mistaken.id, reason: "Recorded against the wrong worker", at })).toEqual({ observationId: mistaken.id });
    expect(signOffReadiness(db, { actor: facilitator, id, today: TODAY })?.satisfactory).toBe(2);
    expect(problemsOf(() => signOffCompetency(db, { actor: facilitator, id, signedOffOn: TODAY, notes: "", today: TODAY, at }))).toEqual([
      "Sign-off needs 3 satisfactory supervised observations; 2 are recorded",
    ]);
    const shown = getCompetency(db, { actor: facilitator, id, today: TODAY, warningDays: 90 })!.observations.find((o) => o.id === mistaken.id)!;
    expect(shown).toMatchObject({ struckOutReason: "Recorded against the wrong worker", struckOutByName: "Grace Liu", mayStrikeOut: false });
    expect(problemsOf(() => strikeOutObservation(db, { actor: facilitator, competencyId: id, observationId: mistaken.id, reason: "Again", at }))).toEqual([
      "This observation has already been struck out",
    ]);
  });

  it("an observation a sign-off counted cannot be struck out", () => {
    const { db, ids, at } = d;
    const maria = db.select().from(competencies).where(and(eq(competencies.workerId, ids.workers.maria), eq(competencies.taskId, ids.tasks.BGM!))).get()!;
    const counted = db.select().from(supervisedObservations).where(and(eq(supervisedObservations.workerId, ids.workers.maria), eq(supervisedObservations.taskId, ids.tasks.BGM!))).get()!;
    expect(problemsOf(() => strikeOutObservation(db, { actor: d.actorFor(ids.users.nurse), competencyId: maria.id, observationId: counted.id, reason: "Mistake", at }))[0]).toMatch(
      /^This observation was counted by the sign-off on/,
    );
  });

  it("a start date in 1900 or year 1 is refused; the reference takes the year the agreement was created", () => {
    const { db, ids, at } = d;
    const nurse = d.actorFor(ids.users.nurse);
    const start = (startDate: string) => createAgreement(db, { actor: nurse, personId: ids.people.winifred, taskIds: [ids.tasks.EYE!], startDate, today: TODAY, at });
    const count = () => db.select().from(agreements).all().length;
    const before = count();
    expect(problemsOf(() => start("1900-01-01"))).toEqual(["Start date must be between 22 November 2025 and 22 November 2027"]);
    expect(problemsOf(() => start("0001-01-01"))).toHaveLength(1);
    expect(count()).toBe(before);
    const id = start("2027-01-10");
    expect(db.select().from(agreements).where(eq(agreements.id, id)).get()?.reference).toMatch(/^DA-2026-\d{6}$/);
  });

  it("the review date on 'Dates and supervision' is limited by the shortest review interval from the start date", () => {
    const { db, ids, at } = d;
    const nurse = d.actorFor(ids.users.nurse);
    const id = createAgreement(db, { actor: nurse, personId: ids.people.winifred, taskIds: [ids.tasks.WOUND!, ids.tasks.EYE!], startDate: TODAY, today: TODAY, at });
    const details = (reviewDate: string) =>
      updateAgreementDetails(db, { actor: nurse, agreementId: id, details: { startDate: TODAY, reviewDate, supervisionArrangements: "", earlyReviewTriggers: "" }, today: TODAY, at });
    expect(problemsOf(() => details("2036-11-22"))).toEqual([
      "Review date must be on or before 22 February 2027: the agreement's tasks must be reviewed at least every 3 months from the start date",
    ]);
    expect(details("2027-02-22")).toBe(true);
  });

  it("a review with a next review date beyond the interval, or dated before the agreement started, is refused", () => {
    const { db, ids, at } = d;
    const nurse = d.actorFor(ids.users.nurse);
    const george = ids.agreements.george; // wound dressing: reviewed every 3 months, started 45 days ago
    const review = (reviewedOn: string, nextReviewDate: string) =>
      recordReview(db, { actor: nurse, agreementId: george, input: { reviewedOn, outcome: "continue", nextReviewDate, notes: "" }, today: TODAY, at });
    expect(problemsOf(() => review(TODAY, "2040-02-23"))).toEqual([
      "Next review date must be on or before 22 February 2027: the agreement's tasks must be reviewed at least every 3 months from the review",
    ]);
    expect(problemsOf(() => review(addDays(TODAY, -46), addDays(TODAY, 30)))[0]).toMatch(/^Date of the review must be on or after .*, the start date of the agreement$/);
    expect(db.select().from(agreements).where(eq(agreements.id, george)).get()?.reviewDate).toBe(addDays(TODAY, -5));
    expect(review(TODAY, "2027-02-22")).toBe(true);
  });

  it("consent dated before the person was born, or in 1901, is refused", () => {
    const { db, ids, at } = d;
    const consent = (givenOn: string) =>
      recordConsent(db, {
        actor: d.actorFor(ids.users.nurse),
        agreementId: ids.agreements.arthur,
        input: { kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn, notes: "" },
        today: TODAY,
        at,
        warningDays: 90,
      });
    expect(problemsOf(() => consent("1901-01-01"))).toEqual(["Date of consent must be between 22 November 2025 and 22 November 2026"]);
    expect(consent(TODAY)).toEqual({ newVersion: null });
  });

  it("a training session may be scheduled ahead, but its attendance is recorded from its date", () => {
    const { db, ids, at } = d;
    const facilitator = d.actorFor(ids.users.facilitator);
    const session = (heldOn: string, attendees: { workerId: number; outcome: "completed" }[]) =>
      createTrainingSession(db, { actor: facilitator, input: { taskId: ids.tasks.BGM!, heldOn, mode: "face_to_face", location: "", notes: "", attendees }, today: TODAY, at });
    expect(problemsOf(() => session("2026-11-23", [{ workerId: ids.workers.chloe, outcome: "completed" }]))[0]).toMatch(/^Attendance can be recorded from 23 November 2026/);
    expect(session("2026-11-23", [])).toBeGreaterThan(0);
    expect(problemsOf(() => session(TODAY, []))).toEqual(["Record at least one care worker who attended"]);
    expect(problemsOf(() => session("2036-01-01", []))).toEqual(["Date of the session must be between 22 November 2016 and 22 November 2027"]);
  });
});

/** Every column that records when something happened; scheduled dates (expiry) are left out. */
function eventColumns(db: Demo["db"]): { table: string; column: string }[] {
  const scheduled = new Set(["expires_on", "expires_at", "start_date", "review_date", "next_review_date"]);
  const tables = db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'`);
  return tables.flatMap(({ name }) =>
    db
      .all<{ name: string }>(sql.raw(`PRAGMA table_info("${name}")`))
      .filter((c) => /(^at|_at|_on|_date)$/.test(c.name) && !scheduled.has(c.name))
      .map((c) => ({ table: name, column: c.name })),
  );
}

function eventsAfter(db: Demo["db"], now: Date): string[] {
  const today = londonDate(now);
  return eventColumns(db).flatMap(({ table, column }) => {
    // A session scheduled ahead is a plan, not an event (docs/domain.md rule 8): only sessions with a register happened.
    const held = table === "training_sessions" && column === "held_on" ? " WHERE id IN (SELECT session_id FROM training_attendances)" : "";
    const latest = db.get<{ v: string | null }>(sql.raw(`SELECT max("${column}") AS v FROM "${table}"${held}`))?.v;
    if (!latest) return [];
    const late = /(^at|_at)$/.test(column) ? latest > now.toISOString() : latest > today;
    return late ? [`${table}.${column} = ${latest}`] : [];
  });
}

describe("the demo's history is never in the future", () => {
  it("with the real clock: every event is at or before the moment the demo was written", async () => {
    const { db } = createTestDatabase();
    await seedDemoData(db, { clock: fixedClock(new Date()) });
    expect(eventColumns(db).map((c) => `${c.table}.${c.column}`)).toEqual(expect.arrayContaining(["audit_events.at", "supervised_observations.observed_on", "signatures.signed_at", "reviews.reviewed_on"]));
    expect(eventsAfter(db, new Date())).toEqual([]);
  });

  it("started just after midnight: nothing is dated later that day", async () => {
    const { db } = createTestDatabase();
    const now = new Date(`${addDays(londonDate(new Date()), 1)}T00:30:00Z`);
    await seedDemoData(db, { clock: fixedClock(now) });
    expect(eventsAfter(db, now)).toEqual([]);
  });
});

describe("attendance at a session scheduled ahead", () => {
  it("is refused before the day, accepted on it, and recorded once", async () => {
    const d = await demoDatabase();
    const { db, ids, at } = d;
    const facilitator = d.actorFor(ids.users.facilitator);
    const id = createTrainingSession(db, { actor: facilitator, input: { taskId: ids.tasks.EYE!, heldOn: "2026-12-01", mode: "face_to_face", location: "", notes: "", attendees: [] }, today: TODAY, at });
    const attend = (today: string) => recordAttendance(db, { actor: facilitator, sessionId: id, attendees: [{ workerId: ids.workers.maria, outcome: "completed" }], today, at });
    expect(problemsOf(() => attend("2026-11-30"))).toEqual(["Attendance can be recorded from 1 December 2026, the day of the session"]);
    expect(attend("2026-12-01")).toEqual({ id });
    expect(problemsOf(() => attend("2026-12-02"))).toEqual(["Attendance at this session has already been recorded"]);
    expect(recordAttendance(db, { actor: d.actorFor(ids.users.nurseSouth), sessionId: id, attendees: [], today: "2026-12-02", at })).toBeNull();
  });
});
