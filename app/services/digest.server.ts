/**
 * The daily digest: one message per user who has alerts, written to the outbox (once per user
 * per day, whatever happens), then sent by SMTP. A failed send stays in the outbox and is tried
 * again on the next run.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { ALERT_KIND_LABELS, countAlerts, SEVERITY_LABELS } from "~/domain/alerts";
import { formatDate, type IsoDate } from "~/domain/dates";
import type { Settings } from "~/domain/settings";
import { listAlerts } from "~/models/alerts.server";
import { loadActor } from "~/models/users.server";
import type { Db } from "~db/client";
import { outbox, users } from "~db/schema";

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
    const result = db
      .insert(outbox)
      .values({ dedupeKey: `digest:${today}:user:${id}`, toUserId: id, toAddress: actor.email, subject, body })
      .onConflictDoNothing()
      .run();
    queued += result.changes;
  }
  return queued;
}

export async function sendOutbox(db: Db, { transport, from, now }: { transport: Transporter; from: string; now: () => Date }) {
  const due = db.select().from(outbox).where(inArray(outbox.state, ["pending", "failed"])).orderBy(outbox.id).all();
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    try {
      await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.body });
      db.update(outbox).set({ state: "sent", sentAt: now().toISOString(), attempts: message.attempts + 1, lastError: "" }).where(and(eq(outbox.id, message.id))).run();
      sent++;
    } catch (error) {
      db.update(outbox)
        .set({ state: "failed", attempts: message.attempts + 1, lastError: error instanceof Error ? error.message.slice(0, 500) : String(error) })
        .where(eq(outbox.id, message.id))
        .run();
      failed++;
    }
  }
  return { sent, failed };
}
