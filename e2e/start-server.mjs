// Starts the production build on a fresh database (an SQLite file, or an empty PostgreSQL database
// made by e2e/start-servers.mjs) with the demo data, and a local SMTP
// server beside it that keeps every message the app sends as a file the tests read (e2e/fixtures.ts `waitForMail`).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

// The server's own folder (its clock, the mail it sent, and its SQLite file unless it runs on PostgreSQL).
const folder = process.env.E2E_FOLDER;
if (!folder || !folder.includes(".cache")) throw new Error("e2e needs an E2E_FOLDER under .cache/");
if (!process.env.DATABASE_URL) throw new Error("e2e needs a DATABASE_URL");
fs.rmSync(folder, { recursive: true, force: true });
const mailFolder = path.join(folder, "mail");
fs.mkdirSync(mailFolder, { recursive: true });

let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      const n = String(++received).padStart(5, "0");
      const message = { to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw: Buffer.concat(chunks).toString("utf8") };
      // Written whole, then renamed: a reader never sees half a message.
      fs.writeFileSync(path.join(mailFolder, `${n}.tmp`), JSON.stringify(message));
      fs.renameSync(path.join(mailFolder, `${n}.tmp`), path.join(mailFolder, `${n}.json`));
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpPort = smtp.server.address().port;

const clockFile = path.join(folder, "clock");
const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts", "--demo", `--test-clock-file=${clockFile}`], {
  stdio: "inherit",
  env: { ...process.env, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => {
  smtp.close(() => process.exit(code ?? 0));
});
