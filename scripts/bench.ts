/**
 * The benchmark: `npm run bench [-- --duration 10 --engines sqlite,postgres --processes 1,2 --scales 0.1,1,10 --no-build]`.
 * Builds the app and the bare Remix reference (bench/bare), generates the scales (or reuses
 * bench/scale-*.db), and for each engine and number of server processes starts the production
 * server on a copy of scale 1 and measures, in one run: the bare reference, the main pages, the
 * write paths people use in bursts, and PDFs. Then, with one process, the pages whose cost must
 * stay flat at each scale, and the whole-region alerts run at the largest. For PostgreSQL it
 * starts a throwaway server that flushes to disk as a production one does, and copies the
 * generated data in with `npm run db:copy-to-postgres`. Prints every figure beside its goal
 * (issue 18) and whether it is met, and writes everything to bench/results.json. Figures, not
 * assertions: docs/performance.md and docs/deployment.md discuss them.
 */
import autocannon from "autocannon";
import { execSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import { gzipSync } from "node:zlib";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { londonDate } from "~/domain/dates";
import { listAlerts } from "~/models/alerts.server";
import { getSettings } from "~/models/settings.server";
import { loadActor } from "~/models/users.server";
import { connect, engineOf, openDatabase, type Connection } from "~db/client";
import { applyMigrations } from "~db/migrate";
import { readArgs, stop } from "./cli-args";
import { seedLarge } from "./seed-large";
import { startPostgres, type ThrowawayPostgres } from "./test-support/postgres";
import { freePort, runScript, signInCookie, startServer } from "./test-support/server-process";

type EngineName = "sqlite" | "postgres";
const usage = "npm run bench [-- --duration 10 --engines sqlite,postgres --processes 1,2 --scales 0.1,1,10 --no-build]";
const { values } = readArgs(process.argv.slice(2), {
  options: {
    duration: { type: "string", default: "10" },
    engines: { type: "string", default: "sqlite,postgres" },
    processes: { type: "string", default: "1,2" },
    scales: { type: "string", default: "0.1,1,10" },
    "no-build": { type: "boolean" },
  },
  usage,
});
const DURATION = Number(values.duration);
if (!Number.isFinite(DURATION) || DURATION < 1 || DURATION > 120) stop(`--duration must be a number of seconds from 1 to 120\nUsage: ${usage}`);
const ENGINES = values.engines.split(",").map((e) => e.trim()) as EngineName[];
if (!ENGINES.length || ENGINES.some((e) => e !== "sqlite" && e !== "postgres")) stop(`--engines is a list of sqlite and postgres\nUsage: ${usage}`);
const PROCESSES = values.processes.split(",").map(Number);
if (!PROCESSES.length || PROCESSES.some((n) => !Number.isInteger(n) || n < 1 || n > 8)) stop(`--processes is a list of whole numbers from 1 to 8\nUsage: ${usage}`);
const SCALES = values.scales.split(",").map(Number);
if (!SCALES.length || SCALES.some((n) => !Number.isFinite(n) || n <= 0 || n > 10)) stop(`--scales is a list of scales above 0, at most 10\nUsage: ${usage}`);
const OUT = path.resolve("bench");
fs.mkdirSync(OUT, { recursive: true });

if (!values["no-build"]) {
  console.log("Building…");
  execSync("npm run build", { stdio: "ignore" });
  execSync("npx remix build bench/bare", { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
}

const dbFor = (scale: number) => path.join(OUT, `scale-${scale}.db`);
for (const scale of [...new Set([0.1, 1, ...SCALES])].sort((a, b) => a - b)) {
  if (!fs.existsSync(dbFor(scale))) {
    const s = await seedLarge({ scale, file: dbFor(scale) });
    console.log(`Generated scale ${scale}: ${s.workers} workers, ${s.competencies} competencies, ${s.agreements} agreements in ${s.seconds} s`);
  }
}

function round(n: number, places = 1) {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

/** Median time of `runs` calls, after one warm-up. */
async function median(fn: () => unknown, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** One row of a raw query, on either engine. */
async function one(connection: Connection, query: ReturnType<typeof sql>) {
  return (await engineOf(connection.db).all<Record<string, number>>(connection.db, query))[0]!;
}

async function alertsMs(url: string): Promise<number> {
  const connection = await connect(url);
  try {
    const today = londonDate(new Date());
    const settings = await getSettings(connection.db);
    const times: number[] = [];
    for (const email of ["manager.p1@example.org", "nurse.t1@example.org"]) {
      const { id } = await one(connection, sql`SELECT id FROM users WHERE email = ${email}`);
      const actor = (await loadActor(connection.db, id!))!;
      times.push(await median(() => listAlerts(connection.db, { actor, today, settings })));
    }
    return Math.max(...times);
  } finally {
    await connection.close();
  }
}

/** Databases the server may write to (sessions, stored PDFs), made once per engine and name. */
const copies = new Map<string, string>();

/**
 * A copy of scale `scale` on `engine` named `name`: for SQLite a migrated copy of bench/scale-N.db,
 * for PostgreSQL the data copied in with `npm run db:copy-to-postgres` (copied again rather than made
 * with CREATE DATABASE … TEMPLATE, which fails while autovacuum is at work on the template, as it is
 * after a bulk load).
 */
async function copyOf(engine: EngineName, postgres: ThrowawayPostgres | null, scale: number, name: string): Promise<string> {
  const key = `${engine}:${name}`;
  const made = copies.get(key);
  if (made) return made;
  const t = performance.now();
  let url: string;
  if (engine === "sqlite") {
    url = path.join(OUT, `${name}.db`);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${url}${suffix}`, { force: true });
    const source = openDatabase(dbFor(scale));
    applyMigrations(source);
    await source.sqlite.backup(url);
    source.close();
  } else {
    url = await postgres!.createDatabase(name);
    const r = await runScript("scripts/db-copy-to-postgres.ts", [dbFor(scale)], { DATABASE_URL: url }, 30 * 60_000);
    if (r.code !== 0) throw new Error(`Copying scale ${scale} to PostgreSQL failed:\n${r.stdout}${r.stderr}`);
  }
  console.log(`Copied scale ${scale} for ${engine} (${name}) in ${round((performance.now() - t) / 1000)} s`);
  copies.set(key, url);
  return url;
}

/** The databases of one engine: scale 0.1 and 1 read-only for alerts, and a copy of scale 1 for the server. */
async function databasesOn(engine: EngineName, postgres: ThrowawayPostgres | null) {
  const run = await copyOf(engine, postgres, 1, "bench_run");
  if (engine === "sqlite") return { small: dbFor(0.1), large: dbFor(1), run };
  return { small: await copyOf(engine, postgres, 0.1, "bench_small"), large: await copyOf(engine, postgres, 1, "bench_large"), run };
}

/** A copy of `scale` for one engine, for the pages whose cost must stay flat and the region's alerts. */
function scaleDatabase(engine: EngineName, postgres: ThrowawayPostgres | null, scale: number): Promise<string> {
  return copyOf(engine, postgres, scale, `bench_scale_${String(scale).replace(".", "_")}`);
}

async function databaseSizeMb(url: string): Promise<number> {
  const connection = await connect(url);
  try {
    if (connection.engine === "sqlite") return fs.statSync(url).size / 2 ** 20;
    return (await one(connection, sql`SELECT pg_database_size(current_database()) AS bytes`)).bytes! / 2 ** 20;
  } finally {
    await connection.close();
  }
}

type Load = { rps: number; p50: number; p99: number };
type PageFigure = Load & { name: string; ratioToBaseline: number; ratioToBare: number };
type WriteFigure = Load & { name: string; requests: number };
type PdfFigures = { freshColdMs: number; freshWarmMs: number; storedMs: number; batch200Seconds?: number; pageP99IdleMs?: number; pageP99DuringBatchMs?: number; rssGrowthMb1000?: number };

/** autocannon against one address; every answer must have the status expected (200, or a redirect after a form). */
async function loadOf(options: autocannon.Options & { expect?: number }): Promise<Load & { requests: number }> {
  const r = await autocannon({ connections: 10, ...options });
  const expected = options.expect ?? 200;
  const got = r.statusCodeStats ?? {};
  const wrong = Object.entries(got).filter(([code]) => Number(code) !== expected);
  if (wrong.length || r.errors || r.timeouts) {
    throw new Error(`${options.url}: expected ${expected}, got ${JSON.stringify(got)}; ${r.errors} errors, ${r.timeouts} timeouts`);
  }
  return { rps: round(r.requests.average), p50: round(r.latency.p50), p99: round(r.latency.p99), requests: r.requests.total };
}

async function waitForServer(base: string, child: ReturnType<typeof spawn>) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error("The bare Remix reference exited early");
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("The bare Remix reference did not start");
}

/** The reference (issue 18): a bare Remix app with one empty route, same Remix and express adapter. */
async function measureBare(): Promise<Load> {
  const port = await freePort();
  const child = spawn(process.execPath, ["bench/bare/server.mjs"], { env: { ...process.env, PORT: String(port), NODE_ENV: "production" }, stdio: "ignore" });
  try {
    const base = `http://127.0.0.1:${port}/`;
    await waitForServer(base, child);
    await loadOf({ url: base, duration: 1 });
    const m = await loadOf({ url: base, duration: DURATION });
    console.log(`  bare Remix: ${m.rps} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms`);
    return m;
  } finally {
    child.kill("SIGTERM");
  }
}

/** The first load of a page in a browser: the requests its HTML asks for, and their gzipped JavaScript. */
async function shellOf(base: string, cookie: string, pathname: string) {
  const html = await (await fetch(`${base}${pathname}`, { headers: { cookie } })).text();
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  const links = [...html.matchAll(/<link[^>]*\shref="([^"]+)"/g)].map((m) => m[1]!);
  let javaScriptGzipBytes = 0;
  for (const src of scripts) javaScriptGzipBytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return { requests: 1 + scripts.length + links.length, javaScriptKb: round(javaScriptGzipBytes / 1024) };
}

/**
 * Write paths at 10 connections: supervised observations recorded by a facilitator (a new form each
 * time), and agreements signed by their delegating nurse, each once (a burst of signatures).
 * `team` picks whose records, so that each run signs agreements no run signed before.
 */
async function measureWrites(base: string, connection: Connection, team: number): Promise<WriteFigure[]> {
  const facilitator = `facilitator.t${team}@example.org`;
  const teamId = (await one(connection, sql`SELECT organisation_id AS id FROM users WHERE email = ${`nurse.t${team}@example.org`}`)).id!;
  const task = (await one(connection, sql`SELECT id FROM tasks t WHERE NOT t.person_specific AND t.active AND NOT EXISTS (SELECT 1 FROM task_prerequisites p WHERE p.task_id = t.id) ORDER BY id LIMIT 1`)).id!;
  // A worker who may still be observed in it (not one who declined it or had it revoked).
  const worker = (
    await one(
      connection,
      sql`SELECT w.id FROM care_workers w JOIN team_providers tp ON tp.provider_id = w.provider_id WHERE tp.team_id = ${teamId} AND w.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM competencies c WHERE c.worker_id = w.id AND c.task_id = ${task} AND c.state IN ('declined', 'revoked')) ORDER BY w.id LIMIT 1`,
    )
  ).id!;
  const today = londonDate(new Date());
  const [year, month, day] = today.split("-");
  const observe = await signInCookie(base, facilitator);
  const observation = await loadOf({
    url: `${base}/workers/${worker}/observe`,
    method: "POST",
    duration: DURATION,
    expect: 302,
    headers: { cookie: observe, "content-type": "application/x-www-form-urlencoded", origin: base },
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          body: new URLSearchParams({
            submissionToken: crypto.randomBytes(18).toString("base64url"),
            taskId: String(task),
            personId: "",
            "observedOn-day": day!,
            "observedOn-month": month!,
            "observedOn-year": year!,
            outcome: "not_yet",
            notes: "Bench: observed with the nurse present.",
          }).toString(),
        }),
      },
    ],
  });
  console.log(`  recording observations: ${observation.rps} req/s, p50 ${observation.p50} ms, p99 ${observation.p99} ms`);

  // Agreements awaiting signatures in two teams, each signed by its delegating nurse: the first
  // few one at a time to warm the path (not counted), then the rest as a burst at 10 connections.
  const toSign: { id: number; hash: string; cookie: string }[] = [];
  for (const t of [team, team + 20]) {
    const email = `nurse.t${t}@example.org`;
    const id = (await one(connection, sql`SELECT organisation_id AS id FROM users WHERE email = ${email}`)).id!;
    const cookie = await signInCookie(base, email);
    const rows = await engineOf(connection.db).all<{ id: number; hash: string }>(
      connection.db,
      sql`SELECT a.id, v.content_hash AS hash FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id AND v.state = 'awaiting_signatures'
          WHERE a.team_id = ${id} AND NOT EXISTS (SELECT 1 FROM signatures s WHERE s.version_id = v.id AND s.party = 'delegator') ORDER BY a.id`,
    );
    toSign.push(...rows.map((r) => ({ ...r, cookie })));
  }
  const signAll = async (list: typeof toSign, connections: number) => {
    let next = 0;
    return await loadOf({
      url: base,
      method: "POST",
      amount: list.length,
      connections,
      expect: 302,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
      requests: [
        {
          setupRequest: (req) => {
            const a = list[next++ % list.length]!;
            return { ...req, path: `/agreements/${a.id}/sign`, headers: { ...req.headers, cookie: a.cookie }, body: new URLSearchParams({ contentHash: a.hash, confirm: "yes" }).toString() };
          },
        },
      ],
    });
  };
  await signAll(toSign.slice(0, 5), 1);
  const burst = toSign.slice(5);
  const signing = await signAll(burst, 10);
  console.log(`  signing ${burst.length} agreements: p50 ${signing.p50} ms, p99 ${signing.p99} ms`);
  return [
    { name: "recording an observation", ...observation },
    { name: "signing an agreement", ...signing, requests: burst.length },
  ];
}

/** Who asks for the pages (the first provider's manager, the first team's nurse) and what they open: an active agreement and a worker of that provider. */
async function subjects(base: string, connection: Connection) {
  const manager = await signInCookie(base, "manager.p1@example.org");
  const nurse = await signInCookie(base, "nurse.t1@example.org");
  const providerId = (await one(connection, sql`SELECT organisation_id AS id FROM users WHERE email = 'manager.p1@example.org'`)).id!;
  const agreement = (await one(connection, sql`SELECT id FROM agreements WHERE provider_id = ${providerId} AND state = 'active' ORDER BY id LIMIT 1`)).id!;
  const worker = (await one(connection, sql`SELECT id FROM care_workers WHERE provider_id = ${providerId} AND status = 'active' ORDER BY id LIMIT 1`)).id!;
  return { manager, nurse, agreement, worker };
}

/** Pages, write paths and PDFs of a server on `database` with `processes` server processes. The batch and memory figures only with one process. */
async function measureServer(database: string, processes: number, team: number): Promise<{ bare: Load; pages: PageFigure[]; writes: WriteFigure[]; shell: { requests: number; javaScriptKb: number }; pdf: PdfFigures }> {
  const bare = await measureBare();
  const server = await startServer({ database, port: await freePort(), env: { WEB_CONCURRENCY: String(processes) } });
  const pid = server.child.pid!;
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
  const connection = await connect(database);
  try {
    const { manager, nurse, agreement: activeAgreement, worker } = await subjects(server.base, connection);
    const drafts = (
      await engineOf(connection.db).all<{ id: number }>(connection.db, sql`SELECT id FROM agreements WHERE team_id = 1 AND state = 'awaiting_signatures' ORDER BY id LIMIT 60`)
    ).map((r) => r.id);

    const load = async (pathname: string, cookie: string, duration = DURATION) => await loadOf({ url: `${server.base}${pathname}`, duration, headers: { cookie } });

    const pages: PageFigure[] = [];
    let baselineRps = 0;
    for (const [name, pathname, cookie] of PAGES(activeAgreement, worker, manager, nurse)) {
      // A second of load first, not counted: each process compiles its hot code and fills its caches.
      await load(pathname, cookie, 1);
      const m = await load(pathname, cookie);
      if (name === "baseline") baselineRps = m.rps;
      pages.push({ name, rps: m.rps, p50: m.p50, p99: m.p99, ratioToBaseline: round(m.rps / baselineRps, 2), ratioToBare: round(m.rps / bare.rps, 2) });
      console.log(`  ${name}: ${m.rps} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms`);
    }
    const shell = await shellOf(server.base, nurse, `/agreements/${activeAgreement}`);
    const writes = await measureWrites(server.base, connection, team);

    const get = async (pathname: string, cookie: string) => {
      const t = performance.now();
      const r = await fetch(`${server.base}${pathname}`, { headers: { cookie } });
      const bytes = (await r.arrayBuffer()).byteLength;
      if (r.status !== 200 || bytes < 1000) throw new Error(`${pathname}: ${r.status}`);
      return { ms: performance.now() - t, source: r.headers.get("x-pdf-source") };
    };
    const freshColdMs = round((await get(`/agreements/${drafts[0]}/pdf`, nurse)).ms);
    const warm: number[] = [];
    for (const id of drafts.slice(1, 6)) warm.push((await get(`/agreements/${id}/pdf`, nurse)).ms);
    const freshWarmMs = round(warm.sort((a, b) => a - b)[2]!);
    await get(`/agreements/${activeAgreement}/pdf`, manager);
    const stored: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await get(`/agreements/${activeAgreement}/pdf`, manager);
      if (r.source !== "stored") throw new Error("signed PDF not served from storage");
      stored.push(r.ms);
    }
    const pdf: PdfFigures = { freshColdMs, freshWarmMs, storedMs: round(stored.sort((a, b) => a - b)[2]!, 2) };
    console.log(`  PDF fresh cold ${pdf.freshColdMs} ms, warm ${pdf.freshWarmMs} ms, stored ${pdf.storedMs} ms`);
    if (processes > 1) return { bare, pages, writes, shell, pdf };

    // Page p99 idle, then during a batch of 200 PDF renders.
    const idle = await load("/", manager, 5);
    const batchIds = Array.from({ length: 200 }, (_, i) => drafts[i % drafts.length]!);
    const batchStart = performance.now();
    const batch = (async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < batchIds.length) await get(`/agreements/${batchIds[next++]}/pdf`, nurse);
        }),
      );
      return (performance.now() - batchStart) / 1000;
    })();
    const during = await load("/", manager, 5);
    pdf.batch200Seconds = round(await batch, 1);
    pdf.pageP99IdleMs = idle.p99;
    pdf.pageP99DuringBatchMs = during.p99;

    // RSS growth over 1,000 renders.
    const rssBefore = rssMb();
    for (let i = 0; i < 1000; i += 4) {
      await Promise.all([0, 1, 2, 3].map(async (k) => await get(`/agreements/${drafts[(i + k) % drafts.length]}/pdf`, nurse)));
    }
    pdf.rssGrowthMb1000 = round(rssMb() - rssBefore, 1);
    console.log(`  Batch of 200: ${pdf.batch200Seconds} s; page p99 idle ${pdf.pageP99IdleMs} ms, during ${pdf.pageP99DuringBatchMs} ms; RSS growth over 1,000 renders ${pdf.rssGrowthMb1000} MB`);
    return { bare, pages, writes, shell, pdf };
  } finally {
    await connection.close();
    await server.stop();
  }
}

/** The pages measured: name, address, who asks. */
function PAGES(agreement: number, worker: number, manager: string, nurse: string): [string, string, string][] {
  return [
    ["baseline", "/baseline", manager],
    ["dashboard (provider manager)", "/", manager],
    ["dashboard (nurse)", "/", nurse],
    ["alerts (nurse)", "/alerts", nurse],
    ["agreement page", `/agreements/${agreement}`, manager],
    ["worker passport page", `/workers/${worker}`, manager],
    ["training matrix (100 workers)", "/training/matrix", manager],
    ["agreements list (nurse)", "/agreements", nurse],
    ["care workers list (provider manager)", "/workers", manager],
  ];
}

/** The pages whose cost must not grow with the region (issue 18, goal 3), at one scale: milliseconds a request (1,000 / req/s). */
const FLAT_PAGES = ["agreement page", "dashboard (provider manager)", "alerts (nurse)"];
async function measureFlat(database: string): Promise<Record<string, number>> {
  const server = await startServer({ database, port: await freePort(), env: { WEB_CONCURRENCY: "1" } });
  const connection = await connect(database);
  try {
    const { manager, nurse, agreement, worker } = await subjects(server.base, connection);
    const out: Record<string, number> = {};
    for (const [name, pathname, cookie] of PAGES(agreement, worker, manager, nurse).filter(([n]) => FLAT_PAGES.includes(n))) {
      await loadOf({ url: `${server.base}${pathname}`, duration: 1, headers: { cookie } });
      const m = await loadOf({ url: `${server.base}${pathname}`, duration: DURATION, headers: { cookie } });
      out[name] = round(1000 / m.rps, 2);
    }
    return out;
  } finally {
    await connection.close();
    await server.stop();
  }
}

/** The whole-region alerts run (`npm run alerts`, as the digest's job does), in a process of its own: seconds and peak memory. */
async function measureRegionAlerts(database: string): Promise<{ seconds: number; peakMb: number; alerts: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/alerts.ts"], { env: { ...process.env, DATABASE_URL: database }, stdio: ["ignore", "pipe", "inherit"] });
  let peakKb = 0;
  const watch = setInterval(() => {
    try {
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0));
    } catch {
      // Gone.
    }
  }, 50);
  // Only the end is kept: the last line is "N alerts on <date>" (the table before it is long).
  let tail = "";
  child.stdout.on("data", (d: Buffer) => {
    tail = (tail + d.toString()).slice(-200);
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(watch);
  if (code !== 0) throw new Error(`npm run alerts failed on ${database}`);
  return { seconds: round((performance.now() - started) / 1000, 1), peakMb: Math.round(peakKb / 1024), alerts: Number(/(\d+) alerts? on \S+\s*$/.exec(tail)?.[1] ?? NaN) };
}

type Run = { engine: EngineName; processes: number; bare: Load; pages: PageFigure[]; writes: WriteFigure[]; shell: { requests: number; javaScriptKb: number }; pdf: PdfFigures };
const postgres = ENGINES.includes("postgres") ? await startPostgres({ durable: true }) : null;
const runs: Run[] = [];
const alerts: Partial<Record<EngineName, { scale0_1Ms: number; scale1Ms: number }>> = {};
const flat: Partial<Record<EngineName, Record<string, Record<string, number>>>> = {};
const regionAlerts: Partial<Record<EngineName, { scale: number; seconds: number; peakMb: number; alerts: number }>> = {};
/** The size of scale 1 on each engine, for sizing a deployment (docs/deployment.md). */
const sizeMb: Partial<Record<EngineName, number>> = {};
try {
  let team = 1;
  for (const engine of ENGINES) {
    const databases = await databasesOn(engine, postgres);
    sizeMb[engine] = round(await databaseSizeMb(databases.large));
    console.log(`${engine}: scale 1 takes ${sizeMb[engine]} MB`);
    alerts[engine] = { scale0_1Ms: round(await alertsMs(databases.small)), scale1Ms: round(await alertsMs(databases.large)) };
    console.log(`${engine}: alerts for one scope ${alerts[engine].scale0_1Ms} ms at scale 0.1, ${alerts[engine].scale1Ms} ms at scale 1`);
    for (const processes of PROCESSES) {
      console.log(`${engine}, ${processes} server process${processes === 1 ? "" : "es"}:`);
      runs.push({ engine, processes, ...(await measureServer(databases.run, processes, team++)) });
    }
    flat[engine] = {};
    for (const scale of SCALES) {
      const database = scale === 1 ? databases.run : await scaleDatabase(engine, postgres, scale);
      flat[engine][String(scale)] = await measureFlat(database);
      console.log(`${engine}, scale ${scale}: ${JSON.stringify(flat[engine][String(scale)])} ms a request`);
    }
    const largest = Math.max(...SCALES);
    regionAlerts[engine] = { scale: largest, ...(await measureRegionAlerts(largest === 1 ? databases.large : await scaleDatabase(engine, postgres, largest))) };
    console.log(`${engine}: whole-region alerts at scale ${largest}: ${regionAlerts[engine].alerts} alerts in ${regionAlerts[engine].seconds} s, peak ${regionAlerts[engine].peakMb} MB`);
  }
} finally {
  await postgres?.stop();
}

const machine = { cores: os.cpus().length, memoryGb: round(os.totalmem() / 2 ** 30), node: process.version };

/** Every goal of issue 18 beside its figure, per engine (pages with one server process: the goals' setting). */
type Goal = { engine: EngineName; figure: string; value: string; goal: string; met: boolean };
const goals: Goal[] = [];
for (const run of runs.filter((r) => r.processes === 1)) {
  const e = run.engine;
  const baseline = run.pages.find((p) => p.name === "baseline")!;
  goals.push({ engine: e, figure: "baseline / bare Remix", value: `${baseline.ratioToBare} (${baseline.rps} / ${run.bare.rps} req/s)`, goal: ">= 0.6", met: baseline.ratioToBare >= 0.6 });
  for (const p of run.pages.filter((x) => x.name !== "baseline")) {
    goals.push({ engine: e, figure: `${p.name}: ratio to baseline`, value: String(p.ratioToBaseline), goal: ">= 0.5", met: p.ratioToBaseline >= 0.5 });
    goals.push({ engine: e, figure: `${p.name}: p99`, value: `${p.p99} ms`, goal: "< 100 ms", met: p.p99 < 100 });
  }
  goals.push({ engine: e, figure: "first load: gzipped JavaScript", value: `${run.shell.javaScriptKb} KB`, goal: "<= 90 KB", met: run.shell.javaScriptKb <= 90 });
  goals.push({ engine: e, figure: "first load: requests for the shell", value: String(run.shell.requests), goal: "<= 12", met: run.shell.requests <= 12 });
  const pdf = run.pdf;
  goals.push({ engine: e, figure: "PDF: fresh render, warm", value: `${pdf.freshWarmMs} ms`, goal: "<= 150 ms", met: pdf.freshWarmMs <= 150 });
  goals.push({ engine: e, figure: "PDF: stored copy, times faster", value: `${round(pdf.freshWarmMs / pdf.storedMs)} (${pdf.storedMs} ms)`, goal: ">= 20", met: pdf.freshWarmMs / pdf.storedMs >= 20 });
  goals.push({ engine: e, figure: "page p99 during 200 PDFs / idle", value: `${round(pdf.pageP99DuringBatchMs! / pdf.pageP99IdleMs!, 2)} (${pdf.pageP99DuringBatchMs} / ${pdf.pageP99IdleMs} ms)`, goal: "<= 1.5", met: pdf.pageP99DuringBatchMs! <= 1.5 * pdf.pageP99IdleMs! });
  // "No growth": within what one garbage collection moves (the heap shrinks and grows by tens of MB).
  goals.push({ engine: e, figure: "RSS growth over 1,000 PDFs", value: `${pdf.rssGrowthMb1000} MB`, goal: "<= 25 MB", met: pdf.rssGrowthMb1000! <= 25 });
  for (const w of run.writes) goals.push({ engine: e, figure: `${w.name}: p99 (10 connections)`, value: `${w.p99} ms`, goal: "< 150 ms", met: w.p99 < 150 });
}
for (const [engine, byScale] of Object.entries(flat) as [EngineName, Record<string, Record<string, number>>][]) {
  const scales = Object.keys(byScale).map(Number).sort((a, b) => a - b);
  if (scales.length < 2) continue;
  const [low, high] = [String(scales[0]), String(scales[scales.length - 1])];
  for (const page of FLAT_PAGES) {
    const growth = round(byScale[high]![page]! / byScale[low]![page]!, 2);
    goals.push({ engine, figure: `${page}: time a request, scale ${low} to ${high}`, value: `x${growth} (${byScale[low]![page]} to ${byScale[high]![page]} ms)`, goal: "< x1.5", met: growth < 1.5 });
  }
}
for (const [engine, r] of Object.entries(regionAlerts) as [EngineName, { scale: number; seconds: number; peakMb: number; alerts: number }][]) {
  goals.push({ engine, figure: `whole-region alerts at scale ${r.scale} (${r.alerts} alerts)`, value: `${r.seconds} s, ${r.peakMb} MB`, goal: "< 10 s, < 1 GB", met: r.seconds < 10 && r.peakMb < 1024 });
}

const results = { measuredAt: new Date().toISOString(), durationSeconds: DURATION, machine, runs, alerts, flat, regionAlerts, sizeMb, goals };
fs.writeFileSync(path.join(OUT, "results.json"), `${JSON.stringify(results, null, 2)}\n`);

for (const run of runs) {
  console.log(`\n${run.engine}, ${run.processes} process${run.processes === 1 ? "" : "es"} (bare Remix: ${run.bare.rps} req/s)`);
  console.log("Page                                    req/s     p50 ms   p99 ms   to baseline   to bare");
  for (const p of run.pages) {
    console.log(`${p.name.padEnd(38)} ${String(p.rps).padStart(7)} ${String(p.p50).padStart(9)} ${String(p.p99).padStart(8)} ${String(p.ratioToBaseline).padStart(13)} ${String(p.ratioToBare).padStart(9)}`);
  }
  for (const w of run.writes) console.log(`${w.name.padEnd(38)} ${String(w.rps).padStart(7)} ${String(w.p50).padStart(9)} ${String(w.p99).padStart(8)}   (${w.requests} requests)`);
}
console.log("\nGoals (issue 18), one server process");
for (const g of goals) console.log(`${g.met ? "met   " : "MISSED"}  ${g.engine.padEnd(9)} ${g.figure.padEnd(62)} ${g.value.padEnd(28)} goal ${g.goal}`);
for (const [engine, a] of Object.entries(alerts)) console.log(`Alerts for one scope on ${engine}: ${a.scale0_1Ms} ms at 0.1, ${a.scale1Ms} ms at 1`);
for (const [engine, mb] of Object.entries(sizeMb)) console.log(`Scale 1 (30,000 care workers) on ${engine}: ${mb} MB`);
console.log(`\n${goals.filter((g) => g.met).length} of ${goals.length} goals met. Written to ${path.join(OUT, "results.json")}`);
