/**
 * The benchmark: `npm run bench [-- --duration 10 --no-build]`. Builds, generates scale 0.1 and 1
 * (or reuses bench/*.db), starts the production server on scale 1 and measures pages, PDFs and
 * alerts. Prints a table and writes bench/results.json. Figures, not assertions: budgets are
 * compared in the table and discussed in docs/performance.md.
 */
import autocannon from "autocannon";
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { londonDate } from "~/domain/dates";
import { listAlerts } from "~/models/alerts.server";
import { getSettings } from "~/models/settings.server";
import { loadActor } from "~/models/users.server";
import { openDatabase } from "~db/client";
import { applyMigrations } from "~db/migrate";
import { readArgs, stop } from "./cli-args";
import { seedLarge } from "./seed-large";
import { freePort, signInCookie, startServer } from "./test-support/server-process";

const usage = "npm run bench [-- --duration 10 --no-build]";
const { values } = readArgs(process.argv.slice(2), { options: { duration: { type: "string", default: "10" }, "no-build": { type: "boolean" } }, usage });
const DURATION = Number(values.duration);
if (!Number.isFinite(DURATION) || DURATION < 1 || DURATION > 120) stop(`--duration must be a number of seconds from 1 to 120\nUsage: ${usage}`);
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

async function alertsMs(scale: number): Promise<number> {
  const connection = openDatabase(dbFor(scale));
  applyMigrations(connection);
  const today = londonDate(new Date());
  const settings = await getSettings(connection.db);
  const id = (email: string) => (connection.sqlite.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: number }).id;
  const times: number[] = [];
  for (const email of ["manager.p1@example.org", "nurse.t1@example.org"]) {
    const actor = (await loadActor(connection.db, id(email)))!;
    times.push(await median(() => listAlerts(connection.db, { actor, today, settings })));
  }
  connection.close();
  return Math.max(...times);
}

const alerts = { scale0_1Ms: round(await alertsMs(0.1)), scale1Ms: round(await alertsMs(1)) };
console.log(`Alerts for one scope: ${alerts.scale0_1Ms} ms at scale 0.1, ${alerts.scale1Ms} ms at scale 1`);

function round(n: number, places = 1) {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

// The server runs on a copy of scale 1: it writes sessions and stored PDFs.
const runDb = path.join(OUT, "run.db");
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${runDb}${suffix}`, { force: true });
{
  const source = openDatabase(dbFor(1));
  applyMigrations(source);
  await source.sqlite.backup(runDb);
  source.close();
}
const server = await startServer({ database: runDb, port: await freePort() });
const pid = server.child.pid!;
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

try {
  const manager = await signInCookie(server.base, "manager.p1@example.org");
  const nurse = await signInCookie(server.base, "nurse.t1@example.org");
  const q = (text: string, ...params: unknown[]) => {
    const c = openDatabase(runDb);
    try {
      return c.sqlite.prepare(text).get(...params) as Record<string, number>;
    } finally {
      c.close();
    }
  };
  const providerId = q("SELECT organisation_id AS id FROM users WHERE email = 'manager.p1@example.org'").id!;
  const activeAgreement = q("SELECT id FROM agreements WHERE provider_id = ? AND state = 'active' ORDER BY id LIMIT 1", providerId).id!;
  const worker = q("SELECT id FROM care_workers WHERE provider_id = ? AND status = 'active' ORDER BY id LIMIT 1", providerId).id!;

  const load = async (pathname: string, cookie: string, duration = DURATION) => {
    const r = await autocannon({ url: `${server.base}${pathname}`, connections: 10, duration, headers: { cookie } });
    if (r.non2xx) throw new Error(`${pathname}: ${r.non2xx} non-2xx responses`);
    return { rps: round(r.requests.average), p50: round(r.latency.p50), p99: round(r.latency.p99) };
  };

  const pages: { name: string; rps: number; p50: number; p99: number; ratioToBaseline: number }[] = [];
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
    const m = await load(pathname, cookie);
    if (name === "baseline") baselineRps = m.rps;
    pages.push({ name, ...m, ratioToBaseline: round(m.rps / baselineRps, 2) });
    console.log(`${name}: ${m.rps} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms`);
  }

  // PDFs.
  const get = async (pathname: string, cookie: string) => {
    const t = performance.now();
    const r = await fetch(`${server.base}${pathname}`, { headers: { cookie } });
    const bytes = (await r.arrayBuffer()).byteLength;
    if (r.status !== 200 || bytes < 1000) throw new Error(`${pathname}: ${r.status}`);
    return { ms: performance.now() - t, source: r.headers.get("x-pdf-source") };
  };
  const unsigned = (offset: number, limit: number) => {
    const c = openDatabase(runDb);
    try {
      return (c.sqlite.prepare("SELECT id FROM agreements WHERE team_id = 1 AND state = 'awaiting_signatures' ORDER BY id LIMIT ? OFFSET ?").all(limit, offset) as { id: number }[]).map((r) => r.id);
    } finally {
      c.close();
    }
  };
  const drafts = unsigned(0, 60);
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
  const storedMs = round(stored.sort((a, b) => a - b)[2]!, 2);

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
  const batch200Seconds = round(await batch, 1);

  // RSS growth over 1,000 renders.
  const rssBefore = rssMb();
  for (let i = 0; i < 1000; i += 4) {
    await Promise.all([0, 1, 2, 3].map(async (k) => await get(`/agreements/${drafts[(i + k) % drafts.length]}/pdf`, nurse)));
  }
  const rssGrowthMb1000 = round(rssMb() - rssBefore, 1);

  const pdf = { freshColdMs, freshWarmMs, storedMs, batch200Seconds, pageP99IdleMs: idle.p99, pageP99DuringBatchMs: during.p99, rssGrowthMb1000 };
  const results = { measuredAt: new Date().toISOString(), durationSeconds: DURATION, pages, pdf, alerts };
  fs.writeFileSync(path.join(OUT, "results.json"), `${JSON.stringify(results, null, 2)}\n`);

  const budget = (ok: boolean) => (ok ? "meets budget" : "MISSES budget");
  console.log("\nPage                              req/s     p50 ms   p99 ms   ratio   budget (p99 < 100 ms, ratio >= 0.5)");
  for (const p of pages) {
    console.log(`${p.name.padEnd(32)} ${String(p.rps).padStart(7)} ${String(p.p50).padStart(9)} ${String(p.p99).padStart(8)} ${String(p.ratioToBaseline).padStart(7)}   ${budget(p.p99 < 100 && p.ratioToBaseline >= 0.5)}`);
  }
  console.log(`\nPDF fresh cold ${pdf.freshColdMs} ms; warm ${pdf.freshWarmMs} ms (${budget(pdf.freshWarmMs <= 150)}); stored ${pdf.storedMs} ms (${budget(pdf.freshWarmMs / pdf.storedMs >= 20)})`);
  console.log(`Batch of 200: ${pdf.batch200Seconds} s; page p99 idle ${pdf.pageP99IdleMs} ms, during ${pdf.pageP99DuringBatchMs} ms (${budget(pdf.pageP99DuringBatchMs <= 2 * pdf.pageP99IdleMs)})`);
  console.log(`RSS growth over 1,000 renders: ${pdf.rssGrowthMb1000} MB (${budget(pdf.rssGrowthMb1000 <= 50)})`);
  console.log(`Alerts for one scope: ${alerts.scale0_1Ms} ms at 0.1, ${alerts.scale1Ms} ms at 1 (${budget(alerts.scale1Ms < 2 * alerts.scale0_1Ms)})`);
  console.log(`\nWritten to ${path.join(OUT, "results.json")}`);
} finally {
  await server.stop();
}
