/**
 * Daily digest, for cron: `npm run alerts:digest [-- --today YYYY-MM-DD]`.
 * Queues one message per user with alerts (never twice a day) and sends the outbox by SMTP
 * when SMTP_URL is set; otherwise messages wait in the outbox.
 */
import nodemailer from "nodemailer";
import { londonDate } from "~/domain/dates";
import { getSettings } from "~/models/settings.server";
import { ConfigError, loadJobConfig } from "~/services/config.server";
import { queueDigests } from "~/services/digest.server";
import { sendOutbox } from "~/services/mail.server";
import { openMigrated } from "~db/migrate";
import { checkToday, readArgs } from "./cli-args";

const usage = "npm run alerts:digest [-- --today YYYY-MM-DD]";
const { values } = readArgs(process.argv.slice(2), { options: { today: { type: "string" } }, usage });
const args = { today: checkToday(values.today, usage) };
let config;
try {
  config = loadJobConfig(process.env, { sendsLinks: true });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const connection = await openMigrated(config.databaseUrl);
const today = args.today ?? londonDate(new Date());
const queued = await queueDigests(connection.db, { today, settings: await getSettings(connection.db), publicUrl: config.publicUrl });
console.log(`Queued ${queued} digest message${queued === 1 ? "" : "s"} for ${today}.`);
if (config.smtpUrl) {
  const transport = nodemailer.createTransport(config.smtpUrl);
  const { sent, failed } = await sendOutbox(connection.db, { transport, from: config.mailFrom, now: () => new Date() });
  console.log(`Sent ${sent}; ${failed} failed and will be tried again on the next run.`);
  transport.close();
} else {
  console.log("SMTP_URL is not set: messages wait in the outbox.");
}
await connection.close();
