// Starts every app server of an end-to-end run at once (each as e2e/start-server.mjs, on its own
// port and database, listed by playwright.config.ts in E2E_SERVERS), then, once all of them answer,
// the test OpenID provider (e2e/support/identity-provider.ts), whose health check Playwright waits
// for. Started one by one, as separate webServer entries are, the servers' start-ups (migrations,
// demo data, its printout) queued behind each other for a minute or two on one busy core.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** @type {{ port: number; database: "sqlite" | "postgres"; env: Record<string, string> }[]} */
const servers = JSON.parse(process.env.E2E_SERVERS ?? "[]");
if (!servers.length) throw new Error("E2E_SERVERS lists no servers");
const START_TIMEOUT_MS = 120_000;

/** @type {import("node:child_process").ChildProcess[]} */
const children = [];
let stopping = false;
/** What else to stop once the servers are told to: the PostgreSQL server of the run, if any. */
const alsoStop = [];

function stop(code) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
  Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : undefined))).then(() => {
    for (const other of alsoStop.splice(0)) other();
  });
}
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => stop(0));

function start(args, env, what) {
  // Each server logs a JSON line per request to stdout (not wanted); warnings and errors (stderr) are shown.
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...env } });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${what} stopped (${signal ?? `exit code ${code}`}): stopping the others`);
    stop(1);
  });
  children.push(child);
}

async function answers(port) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!stopping && Date.now() < deadline) {
    try {
      if ((await fetch(`http://localhost:${port}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!stopping) throw new Error(`The server on port ${port} did not answer within ${START_TIMEOUT_MS / 1000} s`);
}

/**
 * The servers that run on PostgreSQL (playwright.config.ts says which) share one throwaway server
 * for the run (scripts/test-support/postgres.ts), with an empty database each (named by port,
 * e2e/support/database.ts), its URL in a file the tests read; stopped and deleted when the run ends.
 */
const onPostgres = servers.filter((s) => s.database === "postgres");
if (onPostgres.length) {
  const { tsImport } = await import("tsx/esm/api");
  const { startPostgres } = await tsImport("../scripts/test-support/postgres.ts", import.meta.url);
  const { POSTGRES_URL_FILE, postgresDatabaseName } = await tsImport("./support/database.ts", import.meta.url);
  const postgres = await startPostgres({ maxConnections: 300 });
  alsoStop.push(() => postgres.stopNow());
  process.on("exit", () => postgres.stopNow());
  for (const server of onPostgres) server.env.DATABASE_URL = await postgres.createDatabase(postgresDatabaseName(server.port));
  fs.mkdirSync(path.dirname(POSTGRES_URL_FILE), { recursive: true });
  fs.writeFileSync(POSTGRES_URL_FILE, postgres.url);
}

for (const { port, env } of servers) start(["e2e/start-server.mjs"], { ...env, PORT: String(port) }, `The server on port ${port}`);
try {
  await Promise.all(servers.map(({ port }) => answers(port)));
} catch (error) {
  console.error(String(error));
  stop(1);
}
if (!stopping) start(["--import", "tsx", "e2e/support/identity-provider.ts"], {}, "The identity provider");
