/** Starts the real server (production build, demo mode) on a temporary database, for integration tests. */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Runs one of the scripts (`scripts/….ts`) as an operator would, with `env` added; its exit code and output. */
export function runScript(script: string, args: string[], env: Record<string, string>, timeoutMs = 120_000) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export function tempDatabase(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dc-int-")), "dc.db");
}

export type RunningServer = { base: string; child: ChildProcess; output(): string; stop(signal?: NodeJS.Signals): Promise<number | null> };

export async function startServer({ database, port, env = {}, demo = true }: { database: string; port: number; env?: Record<string, string>; demo?: boolean }): Promise<RunningServer> {
  if (!fs.existsSync("build/index.js")) throw new Error("No production build: run `npm run build` first (npm test does).");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts", ...(demo ? ["--demo"] : [])], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: database, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  // A guard against a server that never starts, not a speed check: a busy machine may take a while.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      // Never leave a server behind a failed test: it would hold its port and the machine's cores.
      child.kill("SIGKILL");
      throw new Error(`Server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    base,
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

/** Signs in over HTTP as a browser would (same-site Origin) and returns the session cookie. */
export async function signInCookie(base: string, email: string, password = "delegated-care-demo"): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed for ${email}: ${response.status}`);
  return cookie.split(";")[0]!;
}

export function postForm(base: string, pathname: string, cookie: string, form: Record<string, string>) {
  return fetch(`${base}${pathname}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Cookie: cookie },
    body: new URLSearchParams(form),
    redirect: "manual",
  });
}

/** Adds a care worker as a provider manager does (Brightside Home Care, the demo's provider 3). */
export function addWorker(base: string, cookie: string, name: string) {
  return postForm(base, "/workers/new", cookie, { providerId: "3", name, jobTitle: "Care worker", submissionToken: crypto.randomUUID(), "careCertificateOn-day": "", "careCertificateOn-month": "", "careCertificateOn-year": "", "joinedOn-day": "1", "joinedOn-month": "9", "joinedOn-year": "2023" });
}

/**
 * Adds workers on three lanes at once until the server has acknowledged a score of them, however
 * slow the machine, then kills it with SIGKILL mid-stream: the names it acknowledged.
 */
async function killMidStream(server: RunningServer): Promise<string[]> {
  const acknowledged: string[] = [];
  try {
    const cookie = await signInCookie(server.base, "manager@example.org");
    let n = 0;
    const stream = Promise.all(
      [0, 1, 2].map(async (lane) => {
        for (;;) {
          const name = `Crash Worker ${lane}-${n++}`;
          try {
            if ((await addWorker(server.base, cookie, name)).status === 302) acknowledged.push(name);
          } catch {
            return; // The server is gone.
          }
        }
      }),
    );
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 50));
    await server.stop("SIGKILL");
    await stream;
  } finally {
    await server.stop("SIGKILL");
  }
  return acknowledged;
}

/**
 * Starts the server on `database`, kills it with SIGKILL mid-stream (killMidStream), and starts it
 * again on the same port: the names it acknowledged before it died, and the restarted server's
 * /healthz status.
 */
export async function crashAndRestart(database: string): Promise<{ acknowledged: string[]; healthAfterRestart: number }> {
  const port = await freePort();
  const acknowledged = await killMidStream(await startServer({ database, port }));
  const restarted = await startServer({ database, port });
  try {
    return { acknowledged, healthAfterRestart: (await fetch(`${restarted.base}/healthz`)).status };
  } finally {
    await restarted.stop();
  }
}

/** The operator the footer names (© and its name), on a page anyone may open. */
export async function operatorShown(base: string): Promise<string | undefined> {
  const html = await (await fetch(`${base}/accessibility`)).text();
  return /\u00a9 ([^<]+)</.exec(html)?.[1];
}

/**
 * Runs `during` once the server is writing (a provider manager adding workers named "Backup Worker
 * N", one after another) and stops writing when it ends: its result, and how many were added.
 */
export async function whileWriting<T>(server: RunningServer, during: () => Promise<T>): Promise<{ result: T; written: number }> {
  const cookie = await signInCookie(server.base, "manager@example.org");
  let stop = false;
  let written = 0;
  const writer = (async () => {
    while (!stop) if ((await addWorker(server.base, cookie, `Backup Worker ${written}`)).status === 302) written++;
  })();
  while (written === 0) await new Promise((r) => setTimeout(r, 50));
  try {
    return { result: await during(), written };
  } finally {
    stop = true;
    await writer;
  }
}
