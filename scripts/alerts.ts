/**
 * Every alert in the region: `npm run alerts -- [--json] [--today YYYY-MM-DD]`.
 * Without --json, a readable table, and last the count. Written a batch of organisations at a
 * time as it is worked out (regionAlertBatches), each batch most urgent first: memory stays that
 * of one batch however large the region grows.
 */
import { once } from "node:events";
import { londonDate } from "~/domain/dates";
import { regionAlertBatches } from "~/models/alerts.server";
import { getSettings } from "~/models/settings.server";
import { openMigrated } from "~db/migrate";
import { checkToday, readArgs } from "./cli-args";

const usage = "npm run alerts -- [--json] [--today YYYY-MM-DD]";
const { values } = readArgs(process.argv.slice(2), { options: { json: { type: "boolean" }, today: { type: "string" } }, usage });
const today = checkToday(values.today, usage) ?? londonDate(new Date());
const file = process.env.DATABASE_URL?.replace(/^file:/, "") || "data/delegated-care.db";
const connection = await openMigrated(file);

/** Writes to standard output, waiting while a slow reader catches up. */
async function write(text: string) {
  if (!process.stdout.write(text)) await once(process.stdout, "drain");
}

let count = 0;
const widths = [8, 30, 10];
for await (const batch of regionAlertBatches(connection.db, { today, settings: await getSettings(connection.db) })) {
  let text = "";
  for (const a of batch) {
    if (values.json) {
      const item = JSON.stringify({ kind: a.kind, severity: a.severity, dueOn: a.dueOn, title: a.title, subject: a.subject, providerId: a.providerId, teamIds: a.teamIds, link: a.href }, null, 2).replace(/\n/g, "\n  ");
      text += `${count ? ",\n" : "[\n"}  ${item}`;
    } else {
      text += `${[a.severity, a.kind, a.dueOn, a.title].map((c, i) => (i < widths.length ? c.padEnd(widths[i]!) : c)).join("  ")}\n`;
    }
    count++;
  }
  await write(text);
}
await write(values.json ? (count ? "\n]\n" : "[]\n") : `\n${count} alert${count === 1 ? "" : "s"} on ${today}\n`);
await connection.close();
