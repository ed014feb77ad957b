/**
 * The daily digest: one message per user who has alerts, written to the outbox (once per user
 * per day, whatever happens), then sent by SMTP. A failed send stays in the outbox and is tried
 * again on the next run.
 */
import { eq } from "drizzle-orm";
import { ALERT_KIND_LABELS, countAlerts, SEVERITY_LABELS } from "~/domain/alerts";
import { formatDate, type IsoDate } from "~/domain/dates";
import type { Settings } from "~/domain/settings";
import { listAlerts } from "~/models/alerts.server";
import { loadActor } from "~/models/users.server";
import type { Db } from "~db/client";
import { users } from "~db/schema";
import { queueMail } from "./mail.server";

export function queueDigests(db: Db, { today, settings, publicUrl }: { today: IsoDate; settings: Settings; publicUrl: string }) {
  let queued = 0;
  const everyone = db.select({ id: users.id }).from(users).where(eq(users.active, true)).all();
  for (const { id } of everyone) {
    const actor = loadActor(db, id);
    if (!actor) continue;
    const alerts = listAlerts(db, { actor, today, settings });
    if (!alerts.length) continue;
    const counts = countAlerts(alerts);
    const lines = alerts.map((a) => `- [${SEVERITY_LABELS[a.severity]}] ${a.title}\n  ${ALERT_KIND_LABELS[a.kind]}. ${a.detail}\n  ${publicUrl}${a.href}`);
    const subject = `Delegated Care: ${counts.total} alert${counts.total === 1 ? "" : "s"} for ${formatDate(today)}${counts.bySeverity.critical ? ` (${counts.bySeverity.critical} critical)` : ""}`;
    const body = `Hello ${actor.name},\n\nThese need attention in Delegated Care today, most urgent first:\n\n${lines.join("\n\n")}\n\nSee them all at ${publicUrl}/alerts\n`;
    if (queueMail(db, { dedupeKey: `digest:${today}:user:${id}`, toUserId: id, toAddress: actor.email, subject, body })) queued++;
  }
  return queued;
}
