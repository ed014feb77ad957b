/**
 * The benchmark: `npm run bench [-- --duration 10 --engines sqlite,postgres --processes 1,2 --no-build]`.
 * Builds, generates scale 0.1 and 1 (or reuses bench/*.db), and for each engine and number of
 * server processes starts the production server on a copy of scale 1 and measures the main pages
 * and PDFs; alerts for one scope are timed in-process on each engine. For PostgreSQL it starts a
 * throwaway server that flushes to disk as a production one does, and copies the generated data in
 * with `npm run db:copy-to-postgres`. Prints a table and writes bench/results.json. Figures, not
 * assertions: budgets are compared in the table and discussed in docs/performance.md and
 * docs/deployment.md.
 */
import autocannon from "autocannon";
import { execSync } from "node:child_process";
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
const usage = "npm run bench [-- --duration 10 --engines sqlite,postgres --processes 1,2 --no-build]";
const { values } = readArgs(process.argv.slice(2), {
  options: {
    duration: { type: "string", default: "10" },
    engines: { type: "string", default: "sqlite,postgres" },
    processes: { type: "string", default: "1,2" },
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
const OUT = path.resolve("bench");
fs.mkdirSync(OUT, { recursive: true });

if (!values["no-build"]) {
  console.log("Building…");
  execSync("npm run build", { stdio: "ignore" });
}

const dbFor = (scale: number) => path.join(OUT, `scale-${scale}.db`);
for (const scale of [0.1, 1]) {
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

/** The databases of one engine: scale 0.1 and 1 read-only for alerts, and a copy of scale 1 for the server. */
async function databasesOn(engine: EngineName, postgres: ThrowawayPostgres | null) {
  if (engine === "sqlite") {
    const runDb = path.join(OUT, "run.db");
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${runDb}${suffix}`, { force: true });
    const source = openDatabase(dbFor(1));
    applyMigrations(source);
    await source.sqlite.backup(runDb);
    source.close();
    return { small: dbFor(0.1), large: dbFor(1), run: runDb };
  }
  const copy = async (scale: number, name: string) => {
    const url = await postgres!.createDatabase(name);
    const t = performance.now();
    const r = await runScript("scripts/db-copy-to-postgres.ts", [dbFor(scale)], { DATABASE_URL: url });
    if (r.code !== 0) throw new Error(`Copying scale ${scale} to PostgreSQL failed:\n${r.stdout}${r.stderr}`);
    console.log(`Copied scale ${scale} into PostgreSQL in ${round((performance.now() - t) / 1000)} s`);
    return url;
  };
  const small = await copy(0.1, "bench_small");
  const large = await copy(1, "bench_large");
  // The server writes (sessions, stored PDFs): it runs on its own copy of scale 1. Copied again rather
  // than made with CREATE DATABASE … TEMPLATE, which fails while autovacuum is at work on the template,
  // as it is after a bulk load.
  const run = await copy(1, "bench_run");
  return { small, large, run };
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

type PageFigure = { name: string; rps: number; p50: number; p99: number; ratioToBaseline: number };
type PdfFigures = { freshColdMs: number; freshWarmMs: number; storedMs: number; batch200Seconds?: number; pageP99IdleMs?: number; pageP99DuringBatchMs?: number; rssGrowthMb1000?: number };

/** Pages and PDFs of a server on `database` with `processes` server processes. The batch and memory figures only with one process. */
async function measureServer(database: string, processes: number): Promise<{ pages: PageFigure[]; pdf: PdfFigures }> {
  const server = await startServer({ database, port: await freePort(), env: { WEB_CONCURRENCY: String(processes) } });
  const pid = server.child.pid!;
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
  const connection = await connect(database);
  try {
    const manager = await signInCookie(server.base, "manager.p1@example.org");
    const nurse = await signInCookie(server.base, "nurse.t1@example.org");
    const providerId = (await one(connection, sql`SELECT organisation_id AS id FROM users WHERE email = 'manager.p1@example.org'`)).id!;
    const activeAgreement = (await one(connection, sql`SELECT id FROM agreements WHERE provider_id = ${providerId} AND state = 'active' ORDER BY id LIMIT 1`)).id!;
    const worker = (await one(connection, sql`SELECT id FROM care_workers WHERE provider_id = ${providerId} AND status = 'active' ORDER BY id LIMIT 1`)).id!;
    const drafts = (
      await engineOf(connection.db).all<{ id: number }>(connection.db, sql`SELECT id FROM agreements WHERE team_id = 1 AND state = 'awaiting_signatures' ORDER BY id LIMIT 60`)
    ).map((r) => r.id);

    const load = async (pathname: string, cookie: string, duration = DURATION) => {
      const r = await autocannon({ url: `${server.base}${pathname}`, connections: 10, duration, headers: { cookie } });
      if (r.non2xx) throw new Error(`${pathname}: ${r.non2xx} non-2xx responses`);
      return { rps: round(r.requests.average), p50: round(r.latency.p50), p99: round(r.latency.p99) };
    };

    const pages: PageFigure[] = [];
    const pageList: [string, string, string][] = [
      ["baseline", "/baseline", manager],
      ["dashboard (provider manager)", "/", manager],
      ["dashboard (nurse)", "/", nurse],
      ["alerts (nurse)", "/alerts", nurse],
      ["agreement page", `/agreements/${activeAgreement}`, manager],
      ["worker passport page", `/workers/${worker}`, manager],
      ["training matrix (100 workers)", "/training/matrix", manager],
    ];
    let baselineRps = 0;
    for (const [name, pathname, cookie] of pageList) {
      // A second of load first, not counted: each process compiles its hot code and fills its caches.
      await load(pathname, cookie, 1);
      const m = await load(pathname, cookie);
      if (name === "baseline") baselineRps = m.rps;
      pages.push({ name, ...m, ratioToBaseline: round(m.rps / baselineRps, 2) });
      console.log(`  ${name}: ${m.rps} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms`);
    }

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
    if (processes > 1) return { pages, pdf };

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
    return { pages, pdf };
  } finally {
    await connection.close();
    await server.stop();
  }
}

const postgres = ENGINES.includes("postgres") ? await startPostgres({ durable: true }) : null;
const runs: { engine: EngineName; processes: number; pages: PageFigure[]; pdf: PdfFigures }[] = [];
const alerts: Partial<Record<EngineName, { scale0_1Ms: number; scale1Ms: number }>> = {};
/** The size of scale 1 on each engine, for sizing a deployment (docs/deployment.md). */
const sizeMb: Partial<Record<EngineName, number>> = {};
try {
  for (const engine of ENGINES) {
    const databases = await databasesOn(engine, postgres);
    sizeMb[engine] = round(await databaseSizeMb(databases.large));
    console.log(`${engine}: scale 1 takes ${sizeMb[engine]} MB`);
    alerts[engine] = { scale0_1Ms: round(await alertsMs(databases.small)), scale1Ms: round(await alertsMs(databases.large)) };
    console.log(`${engine}: alerts for one scope ${alerts[engine].scale0_1Ms} ms at scale 0.1, ${alerts[engine].scale1Ms} ms at scale 1`);
    for (const processes of PROCESSES) {
      console.log(`${engine}, ${processes} server process${processes === 1 ? "" : "es"}:`);
      runs.push({ engine, processes, ...(await measureServer(databases.run, processes)) });
    }
  }
} finally {
  await postgres?.stop();
}

const machine = { cores: os.cpus().length, memoryGb: round(os.totalmem() / 2 ** 30), node: process.version };
const results = { measuredAt: new Date().toISOString(), durationSeconds: DURATION, machine, runs, alerts, sizeMb };
fs.writeFileSync(path.join(OUT, "results.json"), `${JSON.stringify(results, null, 2)}\n`);

const budget = (ok: boolean) => (ok ? "meets budget" : "MISSES budget");
for (const run of runs) {
  console.log(`\n${run.engine}, ${run.processes} process${run.processes === 1 ? "" : "es"}`);
  console.log("Page                              req/s     p50 ms   p99 ms   ratio   budget (p99 < 100 ms, ratio >= 0.5)");
  for (const p of run.pages) {
    console.log(`${p.name.padEnd(32)} ${String(p.rps).padStart(7)} ${String(p.p50).padStart(9)} ${String(p.p99).padStart(8)} ${String(p.ratioToBaseline).padStart(7)}   ${budget(p.p99 < 100 && p.ratioToBaseline >= 0.5)}`);
  }
  const pdf = run.pdf;
  console.log(`PDF fresh cold ${pdf.freshColdMs} ms; warm ${pdf.freshWarmMs} ms (${budget(pdf.freshWarmMs <= 150)}); stored ${pdf.storedMs} ms (${budget(pdf.freshWarmMs / pdf.storedMs >= 20)})`);
  if (pdf.batch200Seconds !== undefined) {
    console.log(`Batch of 200: ${pdf.batch200Seconds} s; page p99 idle ${pdf.pageP99IdleMs} ms, during ${pdf.pageP99DuringBatchMs} ms (${budget(pdf.pageP99DuringBatchMs! <= 2 * pdf.pageP99IdleMs!)})`);
    console.log(`RSS growth over 1,000 renders: ${pdf.rssGrowthMb1000} MB (${budget(pdf.rssGrowthMb1000! <= 50)})`);
  }
}
for (const [engine, a] of Object.entries(alerts)) {
  console.log(`Alerts for one scope on ${engine}: ${a.scale0_1Ms} ms at 0.1, ${a.scale1Ms} ms at 1 (${budget(a.scale1Ms < 2 * a.scale0_1Ms)})`);
}
for (const [engine, mb] of Object.entries(sizeMb)) console.log(`Scale 1 (30,000 care workers) on ${engine}: ${mb} MB`);
console.log(`\nWritten to ${path.join(OUT, "results.json")}`);
