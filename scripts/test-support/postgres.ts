/**
 * A throwaway PostgreSQL server for tests: a fresh cluster in a temporary folder, on a free port
 * on 127.0.0.1, with trust authentication and, unless asked to be durable, no fsync (nothing in it
 * outlives the test run), stopped and deleted afterwards. It uses the machine's PostgreSQL programs (Debian's
 * `postgresql` package puts them under /usr/lib/postgresql/<version>/bin; PG_BIN overrides).
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./server-process";

const run = promisify(execFile);

export type ThrowawayPostgres = {
  /** postgres://… of an empty database in the cluster. */
  url: string;
  /** The temporary folder holding the cluster: gone once stopped. */
  folder: string;
  /** Creates another empty database in the same cluster and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
  /** The same, at once: for a process that is exiting. */
  stopNow(): void;
};

/** The folder holding initdb and pg_ctl: PG_BIN, else the newest Debian install. */
export function postgresBin(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0]!, "bin") : null;
}

const USER = "delegated_care";

/**
 * `maxConnections`: PostgreSQL's limit (100 by default); a test run that keeps many databases open asks for more.
 * `durable`: flush to disk as a production server does (the bench); tests skip it, as nothing they write outlives them.
 */
export async function startPostgres({ maxConnections = 100, durable = false }: { maxConnections?: number; durable?: boolean } = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed: apt-get install postgresql (as .ci/run does), or set PG_BIN to the folder holding initdb and pg_ctl");
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dc-pg-"));
  const data = path.join(folder, "data");
  const asRoot = process.getuid?.() === 0;
  // As root, the folder is handed to the postgres user and each program runs as that user.
  const command = (program: string, args: string[]): [string, string[]] => {
    const file = path.join(bin, program);
    return asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  };
  const as = async (program: string, args: string[]) => await run(...command(program, args));
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: group } = await run("id", ["-g", "postgres"]);
    fs.chownSync(folder, Number(stdout.trim()), Number(group.trim()));
  }
  await as("initdb", ["-D", data, "-A", "trust", "-U", USER, "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  const unsafe = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1${unsafe} -c max_connections=${maxConnections}`;
  await as("pg_ctl", ["-D", data, "-o", options, "-l", path.join(folder, "log"), "-w", "start"]);
  const base = `postgres://${USER}@127.0.0.1:${port}`;
  const createDatabase = async (name: string) => {
    await as("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", USER, name]);
    return `${base}/${name}`;
  };
  return {
    url: await createDatabase("delegated_care_test"),
    folder,
    createDatabase,
    async stop() {
      await as("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      fs.rmSync(folder, { recursive: true, force: true });
    },
    stopNow() {
      if (!fs.existsSync(folder)) return;
      try {
        execFileSync(...command("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]), { stdio: "ignore" });
      } catch {
        // Already stopped.
      }
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
