/**
 * PostgreSQL's own programs for backups (pg_dump, pg_restore, psql): from PG_BIN when set, else
 * from the PATH (Debian's postgresql-client puts them in /usr/bin). A program that fails stops the
 * script with its own message.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function postgresProgram(program: "pg_dump" | "pg_restore" | "psql", args: string[]): Promise<string> {
  const file = process.env.PG_BIN ? path.join(process.env.PG_BIN, program) : program;
  try {
    return (await run(file, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string };
    if (e.code === "ENOENT") throw new Error(`${program} was not found: install PostgreSQL's client programs (apt-get install postgresql-client), or set PG_BIN to their folder`);
    throw new Error(`${program} failed: ${(e.stderr || e.message).trim()}`);
  }
}
