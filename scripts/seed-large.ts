/**
 * A regional-scale database for benchmarks: `npm run seed:large -- --scale 1 [--db <file>]`.
 * Deterministic (seeded generator): scale 1 is 50 NHS teams, 300 providers, 30,000 care workers,
 * 150,000 competencies and 20,000 agreements, with statuses and dates spread over two years.
 * Batched prepared inserts in transactions.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { agreementReference } from "~/domain/agreement";
import type { TaskSpecifics, VersionContent } from "~/domain/agreement-content";
import { canonicalJson } from "~/domain/canonical-json";
import { addDays, addMonths, londonDate } from "~/domain/dates";
import { sameNameKey } from "~/domain/worker-labels";
import { recordAudit } from "~/models/audit-log.server";
import { hashPassword } from "~/services/password.server";
import { openDatabase } from "~db/client";
import { applyMigrations } from "~db/migrate";
import { CATALOGUE } from "~db/seed-catalogue";
import { DEMO_PASSWORD, withCheckDigit } from "~db/seed";
import { readArgs, stop } from "./cli-args";

const Args = z.object({
  scale: z.coerce.number().positive("--scale must be a positive number").max(10, "--scale is at most 10").default(1),
  db: z.string().min(1).optional(),
});

function readSeedArgs(argv: string[]) {
  const usage = "npm run seed:large -- --scale 1 [--db <file>]";
  const { values } = readArgs(argv, { options: { scale: { type: "string" }, db: { type: "string" } }, usage });
  const parsed = Args.safeParse(values);
  return parsed.success ? parsed.data : stop(`${parsed.error.issues[0]?.message}\nUsage: ${usage}`);
}

/** mulberry32: small, fast, deterministic. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const FIRST = ["Amira", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Harry", "Isla", "Jack", "Kiran", "Lily", "Mo", "Nina", "Omar", "Poppy", "Raj", "Sara", "Tom", "Una", "Vik", "Wendy", "Yusuf", "Zoe"];
const LAST = ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Moore", "Nowak", "Owen", "Patel", "Quinn", "Roberts", "Smith", "Taylor", "Usman", "Vaughan", "Walker", "Young"];

/** Writes the file whole or not at all: generated beside it and renamed into place, so a failed run never leaves a half-filled database that a later bench would reuse. */
export async function seedLarge({ scale, file }: { scale: number; file: string }) {
  const started = Date.now();
  const partial = `${file}.partial`;
  const remove = (f: string) => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${f}${suffix}`, { force: true });
  };
  remove(file);
  remove(partial);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const connection = openDatabase(partial);
  applyMigrations(connection);
  const { sqlite, db } = connection;
  // Bulk load: durability is not needed for generated data; the server reopens with FULL.
  sqlite.pragma("synchronous = OFF");
  const rnd = random(20261122);
  const today = londonDate(new Date());
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const teams = Math.max(1, Math.round(50 * scale));
  const providers = Math.max(2, Math.round(300 * scale));
  const workersPerProvider = 100;
  const agreementsTotal = Math.round(20_000 * scale);
  const name = () => `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`;

  const insert = <T extends unknown[]>(sqlText: string) => {
    const stmt = sqlite.prepare(sqlText);
    return (...values: T) => stmt.run(...values);
  };

  sqlite.transaction(() => {
    const org = insert<[string, string, string | null, string | null, string]>(
      "INSERT INTO organisations (kind, name, ods_code, cqc_location_id, regulated_activities, insurance_confirmed, insurer, insurance_confirmed_on, phone, escalation_in_hours, escalation_out_of_hours) VALUES (?, ?, ?, ?, ?, 1, 'Allied Care Insurance', '2026-01-01', '0161 496 0000', 'District nurse coordinator 0161 496 0101', 'Out-of-hours 0161 496 0199, or 111')",
    );
    for (let t = 1; t <= teams; t++) org("nhs_team", `Region Team ${t}`, `RT${String(t).padStart(3, "0")}`, null, "[]");
    for (let p = 1; p <= providers; p++) org("provider", `Region Provider ${p}`, null, `1-9${String(p).padStart(8, "0")}`, '["personal_care","treatment_disease_disorder_injury"]');
    const link = insert<[number, number]>("INSERT INTO team_providers (team_id, provider_id) VALUES (?, ?)");
    const teamOf = (p: number) => ((p - 1) % teams) + 1;
    for (let p = 1; p <= providers; p++) link(teamOf(p), teams + p);

    const userStmt = sqlite.prepare("INSERT INTO users (email, name, role, organisation_id, password_hash, professional_registration) VALUES (?, ?, ?, ?, ?, ?)");
    userStmt.run("admin@example.org", "Region Admin", "admin", null, passwordHash, null);
    const nurseOf: number[] = [];
    const nurseNamed: { name: string; nmcPin: string }[] = [];
    for (let t = 1; t <= teams; t++) {
      const nurse = { name: name(), nmcPin: `${String(10 + (t % 89)).padStart(2, "0")}A${String(1000 + t).slice(-4)}E` };
      nurseNamed[t] = nurse;
      nurseOf[t] = Number(userStmt.run(`nurse.t${t}@example.org`, nurse.name, "nurse", t, passwordHash, nurse.nmcPin).lastInsertRowid);
      userStmt.run(`facilitator.t${t}@example.org`, name(), "facilitator", t, passwordHash, null);
    }
    for (let p = 1; p <= providers; p++) userStmt.run(`manager.p${p}@example.org`, name(), "provider_manager", teams + p, passwordHash, null);
    // As in the demo: these made-up accounts sign in with the password alone, so the bench reaches the pages
    // (a deployment requires two-factor authentication of nurses and admins by default).
    sqlite.prepare("INSERT INTO settings (key, value, updated_by, updated_at) VALUES ('twoFactorRequiredRoles', '[]', NULL, ?)").run(now);

    const taskIds: number[] = [];
    const taskInsert = sqlite.prepare(
      "INSERT INTO tasks (code, name, category, in_scope, excluded, person_specific, required_observations, validity_months, review_interval_months, escalation_guidance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    for (const t of CATALOGUE) {
      taskIds.push(Number(taskInsert.run(t.code, t.name, t.category, t.inScope, t.excluded, t.personSpecific ? 1 : 0, t.requiredObservations, t.validityMonths, t.reviewIntervalMonths, t.escalationGuidance).lastInsertRowid));
    }
    const generic = CATALOGUE.map((t, i) => ({ ...t, id: taskIds[i]! })).filter((t) => !t.personSpecific);

    const worker = sqlite.prepare("INSERT INTO care_workers (provider_id, name, name_key, job_title, care_certificate_on, status) VALUES (?, ?, ?, 'Care worker', ?, ?)");
    const competency = sqlite.prepare(
      "INSERT INTO competencies (worker_id, task_id, state, signed_off_by, signed_off_on, expires_on, state_reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    const signOff = sqlite.prepare("INSERT INTO competency_sign_offs (competency_id, kind, signed_off_by, signed_off_on, expires_on) VALUES (?, 'initial', ?, ?, ?)");
    const workersOf: number[][] = [];
    const workerNames = new Map<number, string>();
    for (let p = 1; p <= providers; p++) {
      workersOf[p] = [];
      const signer = nurseOf[teamOf(p)]!;
      for (let w = 0; w < workersPerProvider; w++) {
        const left = rnd.chance(0.04);
        const workerName = name();
        const wid = Number(worker.run(teams + p, workerName, sameNameKey(workerName), addDays(today, -rnd.int(30, 2000)), left ? "left" : "active").lastInsertRowid);
        workerNames.set(wid, workerName);
        if (!left) workersOf[p]!.push(wid);
        const chosen = [...generic].sort(() => rnd.next() - 0.5).slice(0, 5);
        for (const t of chosen) {
          const roll = rnd.next();
          const state = roll < 0.8 ? "competent" : roll < 0.88 ? "in_training" : roll < 0.93 ? "suspended" : roll < 0.96 ? "revoked" : "declined";
          const signed = state === "in_training" ? null : addDays(today, -rnd.int(0, 730));
          const expires = signed ? addMonths(signed, t.validityMonths) : null;
          const cid = Number(competency.run(wid, t.id, state, signed ? signer : null, signed, expires, state === "competent" || state === "in_training" ? "" : "Generated").lastInsertRowid);
          if (signed && expires) signOff.run(cid, signer, signed, expires);
        }
      }
    }

    const person = sqlite.prepare("INSERT INTO people (name, nhs_number, date_of_birth, setting, provider_id, team_id, capacity_notes) VALUES (?, ?, ?, ?, ?, ?, 'Has capacity.')");
    const agreement = sqlite.prepare(
      "INSERT INTO agreements (reference, person_id, team_id, provider_id, delegator_id, state, current_version, in_force_version, start_date, review_date, state_reason, awaiting_signatures_since, state_changed_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
    );
    const setReference = sqlite.prepare("UPDATE agreements SET reference = ? WHERE id = ?");
    const version = sqlite.prepare(
      "INSERT INTO agreement_versions (agreement_id, version, state, start_date, review_date, content, content_hash, verification_code, frozen_at, activated_at, created_by, supervision_arrangements) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'The district nurse visits fortnightly.')",
    );
    const aTask = sqlite.prepare("INSERT INTO agreement_tasks (version_id, task_id, instructions, escalation_plan, care_plan_reference) VALUES (?, ?, ?, ?, ?)");
    const specifics = (escalationPlan: string, aid: number): TaskSpecifics => ({
      instructions: "As in the care plan.",
      carePlanReference: `CP-${aid}`,
      deviceOrProduct: "",
      parameters: "",
      mustNotDo: "",
      escalationPlan,
    });
    const aWorker = sqlite.prepare("INSERT INTO agreement_workers (version_id, worker_id) VALUES (?, ?)");
    const signature = sqlite.prepare(
      "INSERT INTO signatures (version_id, party, worker_id, signer_name, signer_role, signed_at, method, recorded_by, content_hash) VALUES (?, ?, ?, ?, '', ?, 'on_paper', ?, ?)",
    );
    const consent = sqlite.prepare("INSERT INTO consents (agreement_id, kind, given_on, recorded_by) VALUES (?, 'person', ?, ?)");
    const CODE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    // Unique per agreement (a bijection of the id), in the same alphabet as real codes.
    const codeFor = (id: number) => {
      let n = id * 7919 + 104_729;
      let out = "";
      for (let k = 0; k < 8; k++) {
        out = CODE[n % 32] + out;
        n = Math.floor(n / 32);
      }
      return `${out.slice(0, 4)}-${out.slice(4)}`;
    };
    let nhs = 10_000_001;
    for (let i = 0; i < agreementsTotal; i++) {
      const p = (i % providers) + 1;
      const team = teamOf(p);
      const delegator = nurseOf[team]!;
      let number: string | null = null;
      while (!number) number = withCheckDigit(`9${String(nhs++).padStart(8, "0")}`.slice(0, 9));
      const personName = name();
      const born = addDays("1930-01-01", rnd.int(0, 20000));
      const pid = Number(person.run(personName, number, born, rnd.chance(0.7) ? "own_home" : "care_home", teams + p, team).lastInsertRowid);
      const roll = rnd.next();
      const state = roll < 0.65 ? "active" : roll < 0.73 ? "awaiting_signatures" : roll < 0.78 ? "draft" : roll < 0.85 ? "suspended" : "ended";
      const start = addDays(today, -rnd.int(0, 700));
      const review = addMonths(start, 6 * rnd.int(1, 4));
      const signed = state === "active" || state === "suspended" || state === "ended";
      const frozen = state !== "draft";
      const aid = Number(
        agreement.run(`tmp-${i}`, pid, team, teams + p, delegator, state, signed ? 1 : null, start, review, state === "suspended" ? "Generated suspension" : state === "ended" ? "Generated end" : "", state === "awaiting_signatures" ? `${addDays(today, -rnd.int(0, 20))}T10:00:00.000Z` : null, now).lastInsertRowid,
      );
      const reference = agreementReference(Number(start.slice(0, 4)), aid);
      setReference.run(reference, aid);
      const tasksHere = [...generic].sort(() => rnd.next() - 0.5).slice(0, rnd.int(1, 2));
      const named = [...workersOf[p]!].sort(() => rnd.next() - 0.5).slice(0, rnd.int(2, 3));
      // What the parties sign, in the shape the app freezes (app/domain/agreement-content.ts), so printouts and sign pages read it.
      const content: VersionContent = {
        reference,
        version: 1,
        person: { name: personName, nhsNumber: number, dateOfBirth: born },
        team: { name: `Region Team ${team}`, odsCode: `RT${String(team).padStart(3, "0")}` },
        provider: { name: `Region Provider ${p}`, cqcLocationId: `1-9${String(p).padStart(8, "0")}` },
        delegator: nurseNamed[team]!,
        startDate: start,
        reviewDate: review,
        supervisionArrangements: "The district nurse visits fortnightly.",
        earlyReviewTriggers: "",
        tasks: tasksHere.map((t) => ({ code: t.code, name: t.name, inScope: t.inScope, excluded: t.excluded, ...specifics(t.escalationGuidance, aid) })),
        workers: named.map((w) => ({ id: w, name: workerNames.get(w)!, jobTitle: "Care worker" })),
        consent: { kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn: start },
      };
      const hash = frozen ? crypto.createHash("sha256").update(canonicalJson(content)).digest("hex") : null;
      const code = frozen ? codeFor(aid) : null;
      const vid = Number(
        version.run(aid, signed ? "signed" : frozen ? "awaiting_signatures" : "draft", start, review, frozen ? canonicalJson(content) : null, hash, code, frozen ? `${start}T09:00:00.000Z` : null, signed ? `${start}T12:00:00.000Z` : null, delegator).lastInsertRowid,
      );
      for (const t of tasksHere) {
        const s = specifics(t.escalationGuidance, aid);
        aTask.run(vid, t.id, s.instructions, s.escalationPlan, s.carePlanReference);
      }
      for (const w of named) aWorker.run(vid, w);
      if (frozen) consent.run(aid, start, delegator);
      if (signed) {
        for (const party of ["delegator", "provider", "person", ...named.map((w) => `worker:${w}`)]) {
          signature.run(vid, party, party.startsWith("worker:") ? Number(party.slice(7)) : null, "Generated signer", `${start}T12:00:00.000Z`, delegator, hash);
        }
      }
    }
  })();
  await recordAudit(db, { actorId: null, action: "seed.large", entityType: "deployment", entityId: "large", details: { scale }, at: new Date() });
  sqlite.pragma("synchronous = FULL");
  sqlite.exec("ANALYZE");
  const count = (t: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  const summary = {
    teams: count("organisations WHERE kind = 'nhs_team'"),
    providers: count("organisations WHERE kind = 'provider'"),
    workers: count("care_workers"),
    competencies: count("competencies"),
    agreements: count("agreements"),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  sqlite.close();
  // Closing the last connection folds the write-ahead log into the file; moved too, should one remain.
  for (const suffix of ["", "-wal", "-shm"]) if (fs.existsSync(`${partial}${suffix}`)) fs.renameSync(`${partial}${suffix}`, `${file}${suffix}`);
  return summary;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const args = readSeedArgs(process.argv.slice(2));
  const file = args.db ?? `bench/scale-${args.scale}.db`;
  const summary = await seedLarge({ scale: args.scale, file });
  console.log(`${file}: ${summary.teams} teams, ${summary.providers} providers, ${summary.workers} care workers, ${summary.competencies} competencies, ${summary.agreements} agreements in ${summary.seconds} s`);
}
