import { rawRows, inserted } from "./transaction.server";
/**
 * The one rule (docs/domain.md rule 4) has a domain form (app/domain/carry-out.ts) and a SQL form
 * (carry-out-sql.server.ts). On random workers, competencies, people, agreement states, versions
 * and dates, every query built on the SQL form gives the domain's answer: the cover table, the
 * named-worker picker, the alert counts and the interlock.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { competence, mayCarryOut, type AgreementFacts, type CompetencyFacts } from "~/domain/carry-out";
import type { VersionState } from "~/domain/enums";
import type { StoredCompetencyState } from "~/domain/enums";
import { addDays } from "~/domain/dates";
import type { StoredAgreementState } from "~/domain/agreement";
import { createTestDatabase, testEngine } from "~db/test-db";
import { agreements, agreementTasks, agreementVersions, agreementWorkers, careWorkers, competencies, organisations, people, tasks, users } from "~db/tables";
import { sql } from "drizzle-orm";
import { candidateWorkers, enforceInterlock, taskCover } from "./agreement-cover.server";
import { carryOutCodeSql, competenceCodeSql } from "./carry-out-sql.server";
import { listAlerts } from "./alerts.server";

const BASE_DAY = "2026-11-22";
const WORKERS = 3;
/** Task 0 is generic, task 1 person-specific; the agreement is for person 0, never person 1. */
const TASKS = [false, true];
const day = (offset: number) => addDays(BASE_DAY, offset);

const competencyArb = fc.record({
  state: fc.constantFrom<StoredCompetencyState>("in_training", "competent", "suspended", "revoked", "declined"),
  expiresIn: fc.integer({ min: -10, max: 40 }),
  hasExpiry: fc.boolean(),
});

const worldArb = fc.record({
  today: fc.integer({ min: -5, max: 5 }),
  warningDays: fc.integer({ min: 1, max: 30 }),
  agreementState: fc.constantFrom<StoredAgreementState>("draft", "awaiting_signatures", "active", "suspended", "ended"),
  startIn: fc.integer({ min: -5, max: 5 }),
  versions: fc.array(fc.constantFrom<VersionState>("draft", "awaiting_signatures", "signed", "superseded", "withdrawn"), { minLength: 1, maxLength: 2 }),
  inForce: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
  workerLeft: fc.array(fc.boolean(), { minLength: WORKERS, maxLength: WORKERS }),
  /** Per version, per worker: named on it? */
  named: fc.array(fc.array(fc.boolean(), { minLength: WORKERS, maxLength: WORKERS }), { minLength: 2, maxLength: 2 }),
  /** Per worker, per task, per holder (general, person 0, person 1): a competency or none. */
  held: fc.array(fc.array(fc.array(fc.option(competencyArb, { nil: null }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 2 }), { minLength: WORKERS, maxLength: WORKERS }),
});
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

/** Writes a world into a fresh migrated database; returns its ids and the facts the domain needs. */
async function build(world: World) {
  const { db } = await createTestDatabase();
  const today = day(world.today);
  const team = (await inserted(db.insert(organisations).values({ kind: "nhs_team", name: "Team", odsCode: "T1" }).returning())).id;
  const provider = (await inserted(db.insert(organisations).values({ kind: "provider", name: "Provider", cqcLocationId: "1-1" }).returning())).id;
  const nurse = (await inserted(db.insert(users).values({ email: "n@example.org", name: "Nurse", role: "nurse", organisationId: team, professionalRegistration: "12A3456B", passwordHash: "x" }).returning())).id;
  const taskIds: number[] = [];
  for (const [i, personSpecific] of TASKS.entries()) taskIds.push((await inserted(db.insert(tasks).values({ code: `T${i}`, name: `Task ${i}`, category: "other", personSpecific }).returning())).id);
  const personIds: number[] = [];
  for (const i of [0, 1]) personIds.push((await inserted(db.insert(people).values({ name: `Person ${i}`, nhsNumber: `900000000${i}`, dateOfBirth: "1940-01-01", setting: "own_home", providerId: provider, teamId: team }).returning())).id);
  const workerIds: number[] = [];
  for (const [i, left] of world.workerLeft.entries()) {
    workerIds.push((await inserted(db.insert(careWorkers).values({ providerId: provider, name: `Worker ${i}`, nameKey: `worker ${i}`, status: left ? "left" : "active", leftOn: left ? BASE_DAY : null }).returning())).id);
  }
  const facts: CompetencyFacts[][][] = workerIds.map(() => TASKS.map(() => []));
  for (const [w, byTask] of world.held.entries()) {
    for (const [t, byHolder] of byTask.entries()) {
      for (const [h, c] of byHolder.entries()) {
        if (!c) continue;
        const personId = h === 0 ? null : personIds[h - 1]!;
        const signedOff = c.state === "competent" || c.hasExpiry;
        const expiresOn = signedOff ? day(c.expiresIn) : null;
        await db.insert(competencies)
          .values({ workerId: workerIds[w]!, taskId: taskIds[t]!, personId, state: c.state, signedOffBy: signedOff ? nurse : null, signedOffOn: signedOff ? day(-400) : null, expiresOn });
        facts[w]![t]!.push({ personId, state: c.state, expiresOn });
      }
    }
  }
  const startDate = day(world.startIn);
  const inForceVersion = world.inForce !== null && world.inForce <= world.versions.length ? world.inForce : null;
  const agreementId = (await inserted(db
    .insert(agreements)
    .values({ reference: "DA-2026-000001", personId: personIds[0]!, teamId: team, providerId: provider, delegatorId: nurse, state: world.agreementState, currentVersion: world.versions.length, inForceVersion, startDate, reviewDate: day(200) })
    .returning())).id;
  const versions: { id: number; version: number; state: VersionState }[] = [];
  for (const [i, state] of world.versions.entries()) {
    const id = (await inserted(db
      .insert(agreementVersions)
      .values({ agreementId, version: i + 1, state, startDate, reviewDate: day(200), content: state === "draft" ? null : "{}", contentHash: state === "draft" ? null : `h${i}`, createdBy: nurse })
      .returning())).id;
    for (const taskId of taskIds) await db.insert(agreementTasks).values({ versionId: id, taskId });
    for (const [w, workerId] of workerIds.entries()) {
      if (world.named[i]![w]) await db.insert(agreementWorkers).values({ versionId: id, workerId });
    }
    versions.push({ id, version: i + 1, state });
  }
  const agreementFacts = (v: { version: number; state: VersionState }): AgreementFacts => ({ state: world.agreementState, startDate, inForceVersion, version: v });
  const question = (v: { version: number; state: VersionState }, w: number, t: number) => ({
    agreement: agreementFacts(v),
    named: world.named[v.version - 1]![w]!,
    worker: { status: world.workerLeft[w] ? ("left" as const) : ("active" as const) },
    task: { personSpecific: TASKS[t]! },
    personId: personIds[0]!,
    competencies: facts[w]![t]!,
    today,
    warningDays: world.warningDays,
  });
  return { db, today, provider, taskIds, personIds, workerIds, versions, agreementId, inForceVersion, question };
}

/**
 * A hundred random worlds on SQLite; on PostgreSQL, where the same SQL runs again to prove the
 * dialect reads it alike, a quarter of them (each world is a database of its own, slower to build there).
 */
const RUNS = { numRuns: testEngine() === "postgres" ? 25 : 100 };
/** Each run builds a fresh migrated database; generous, so a busy machine never fails it. */
const TIMEOUT = 120_000;

describe("one rule, two forms: the SQL answer equals the domain answer (docs/domain.md rule 4)", () => {
  it("for every version, task and worker: the reason code, and the competence code", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const w = await build(world);
        for (const v of w.versions) {
          const rows = await rawRows<{ taskId: number; workerId: number; code: string; competence: string }>(w.db, sql`
            SELECT k.id AS "taskId", cw.id AS "workerId",
              ${carryOutCodeSql({
                today: w.today,
                warningDays: world.warningDays,
                named: sql`EXISTS (SELECT 1 FROM agreement_workers aw WHERE aw.version_id = v.id AND aw.worker_id = cw.id)`,
                workerId: sql`cw.id`,
                workerStatus: sql`cw.status`,
                taskId: sql`k.id`,
                personSpecific: sql`k.person_specific`,
                personId: sql`a.person_id`,
                agreement: { state: sql`a.state`, startDate: sql`a.start_date`, inForceVersion: sql`a.in_force_version`, version: sql`v.version`, versionState: sql`v.state` },
              })} AS code,
              ${competenceCodeSql({ today: w.today, warningDays: world.warningDays, named: sql`TRUE`, workerId: sql`cw.id`, workerStatus: sql`cw.status`, taskId: sql`k.id`, personSpecific: sql`k.person_specific`, personId: sql`a.person_id` })} AS competence
            FROM agreement_versions v JOIN agreements a ON a.id = v.agreement_id, care_workers cw, tasks k
            WHERE v.id = ${v.id}
          `);
          expect(rows).toHaveLength(WORKERS * TASKS.length);
          for (const r of rows) {
            const q = w.question(v, w.workerIds.indexOf(r.workerId), w.taskIds.indexOf(r.taskId));
            expect(r.code).toBe(mayCarryOut(q).code);
            expect(r.competence).toBe(competence({ ...q, named: true }).code);
          }
        }
      }),
      RUNS,
    );
  }, TIMEOUT);

  it("the cover table, the named-worker picker, the alert counts and the interlock", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const w = await build(world);
        const { db, today } = w;
        const warningDays = world.warningDays;
        // The cover table of every version: each named worker, by the domain rule.
        for (const v of w.versions) {
          for (const task of await taskCover(db, { versionId: v.id, today, warningDays })) {
            const t = w.taskIds.indexOf(task.taskId);
            const expected = w.workerIds.map((_, i) => i).filter((i) => world.named[v.version - 1]![i]);
            expect(task.workers.map((x) => x.workerId)).toEqual(expected.map((i) => w.workerIds[i]));
            for (const x of task.workers) {
              const q = w.question(v, w.workerIds.indexOf(x.workerId), t);
              expect(x.decision).toEqual(mayCarryOut(q));
              expect({ current: x.current, reason: x.reason }).toEqual({ current: competence(q).may, reason: competence(q).words });
            }
          }
        }
        // The picker: every active worker's competence for the person, named or not.
        const picked = await candidateWorkers(db, { providerId: w.provider, personId: w.personIds[0]!, taskIds: w.taskIds, today, warningDays });
        for (const c of picked) {
          for (const t of c.tasks) {
            const q = w.question(w.versions[0]!, w.workerIds.indexOf(c.id), w.taskIds.indexOf(t.taskId));
            expect(t.code).toBe(competence({ ...q, named: true }).code);
          }
        }
        // Alerts: a live agreement's cover alerts count exactly who may carry out each task.
        const inForceV = w.versions.find((v) => v.version === w.inForceVersion);
        if (inForceV && (world.agreementState === "active" || world.agreementState === "suspended")) {
          const settings = { competencyWarningDays: warningDays, competencyReminderDays: [warningDays], reviewDueDays: 30, awaitingSignaturesDays: 7, coverForecastDays: 28 };
          const coverAlerts = (await listAlerts(db, { actor: null, today, settings })).filter((a) => a.kind === "agreement_no_competent_worker" || a.kind === "agreement_cover_risk");
          const expected = w.taskIds.flatMap((_, t) => {
            const qs = w.workerIds.map((__, i) => w.question(inForceV, i, t)).filter((q) => q.named);
            const live = world.agreementState === "active" && w.question(inForceV, 0, t).agreement.startDate <= today;
            const n = qs.filter((q) => (live ? mayCarryOut(q).may : competence(q).may)).length;
            if (live && n === 0) return [`no:Task ${t}`];
            if (live && n === 1) return [`one:Task ${t}`];
            if (world.agreementState === "suspended" && n === 0) return [`no:Task ${t}`];
            return [];
          });
          expect(coverAlerts.map((a) => `${a.kind === "agreement_cover_risk" ? "one" : "no"}:${a.subject.taskName}`).sort()).toEqual(expected.sort());
        }
        // The interlock: an active agreement is suspended exactly when a task has no competent named worker.
        const uncovered =
          world.agreementState === "active" &&
          inForceV !== undefined &&
          w.taskIds.some((_, t) => !w.workerIds.some((__, i) => competence(w.question(inForceV, i, t)).may));
        expect(await enforceInterlock(db, { today, at: new Date(`${today}T10:00:00Z`), warningDays, ids: [w.agreementId] })).toEqual(uncovered ? [w.agreementId] : []);
      }),
      RUNS,
    );
  }, TIMEOUT);
});
