// Starts the production build on a fresh temporary database with the demo data.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const db = process.env.DATABASE_URL;
if (!db || !db.includes(".cache")) throw new Error("e2e needs a DATABASE_URL under .cache/");
fs.rmSync(path.dirname(path.resolve(db)), { recursive: true, force: true });
const clockFile = path.join(path.dirname(db), "clock");
const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts", "--demo", `--test-clock-file=${clockFile}`], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
