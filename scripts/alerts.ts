/**
 * Every alert in the region: `npm run alerts -- [--json] [--today YYYY-MM-DD]`.
 * Without --json, a readable table.
 */
import { londonDate } from "~/domain/dates";
import { listAlerts } from "~/models/alerts.server";
import { getSettings } from "~/models/settings.server";
import { openMigrated } from "~db/migrate";
import { checkToday, readArgs } from "./cli-args";

const usage = "npm run alerts -- [--json] [--today YYYY-MM-DD]";
const { values } = readArgs(process.argv.slice(2), { options: { json: { type: "boolean" }, today: { type: "string" } }, usage });
const today = checkToday(values.today, usage) ?? londonDate(new Date());
const file = process.env.DATABASE_URL?.replace(/^file:/, "") || "data/delegated-care.db";
const connection = await openMigrated(file);
const alerts = await listAlerts(connection.db, { actor: null, today, settings: await getSettings(connection.db) });
if (values.json) {
  console.log(JSON.stringify(alerts.map((a) => ({ kind: a.kind, severity: a.severity, dueOn: a.dueOn, title: a.title, subject: a.subject, providerId: a.providerId, teamIds: a.teamIds, link: a.href })), null, 2));
} else {
  const rows = alerts.map((a) => [a.severity, a.kind, a.dueOn, a.title]);
  const widths = [8, 30, 10];
  console.log(`${alerts.length} alert${alerts.length === 1 ? "" : "s"} on ${today}\n`);
  for (const r of rows) console.log(r.map((c, i) => (i < widths.length ? c.padEnd(widths[i]!) : c)).join("  "));
}
await connection.close();
