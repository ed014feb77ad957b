/**
 * The daily digest: one message per user with anything waiting (what needs their action, first
 * what waits for their signature; then their alerts), written to the outbox (once per user per
 * day, whatever happens), then sent by SMTP. A failed send stays in the outbox and is tried again
 * on the next run.
 */
import { eq } from "drizzle-orm";
import { ALERT_KIND_LABELS, countAlerts, SEVERITY_LABELS } from "~/domain/alerts";
import { formatDate, type IsoDate } from "~/domain/dates";
import { actionCountWords } from "~/domain/needs-action";
import { can } from "~/domain/roles";
import type { Settings } from "~/domain/settings";
import { listAlerts } from "~/models/alerts.server";
import { needsAction } from "~/models/home.server";
import { loadActor } from "~/models/users.server";
import type { Db } from "~db/client";
import { users } from "~db/tables";
import { queueMail } from "./mail.server";

export async function queueDigests(db: Db, { today, settings, publicUrl }: { today: IsoDate; settings: Settings; publicUrl: string }) {
  let queued = 0;
  const everyone = await db.select({ id: users.id }).from(users).where(eq(users.active, true));
  for (const { id } of everyone) {
    const actor = await loadActor(db, id);
    if (!actor) continue;
    const alerts = await listAlerts(db, { actor, today, settings });
    // The same list the user's home page opens with (app/models/home.server.ts).
    const actions = await needsAction(db, { actor, today, settings, alerts });
    if (!alerts.length && !actions.count) continue;
    const counts = countAlerts(alerts);
    const sections: string[] = [];
    if (actions.count) {
      const groups = actions.groups.map((g) => `${g.label}:\n${g.items.map((i) => `- ${i.title}\n  ${i.detail}\n  ${publicUrl}${i.href}`).join("\n")}`);
      sections.push(`${actionCountWords(actions.count)}:\n\n${groups.join("\n\n")}`);
    }
    if (alerts.length) {
      const lines = alerts.map((a) => `- [${SEVERITY_LABELS[a.severity]}] ${a.title}\n  ${ALERT_KIND_LABELS[a.kind]}. ${a.detail}\n  ${publicUrl}${a.href}`);
      sections.push(`These need attention in Delegated Care today, most urgent first:\n\n${lines.join("\n\n")}${can(actor.role, "read", "alert") ? `\n\nSee them all at ${publicUrl}/alerts` : ""}`);
    }
    const waitingToSign = actions.groups.find((g) => g.group === "sign")?.items.length ?? 0;
    const parts = [
      waitingToSign ? `${waitingToSign} waiting for your signature` : null,
      counts.total ? `${counts.total} alert${counts.total === 1 ? "" : "s"}${counts.bySeverity.critical ? ` (${counts.bySeverity.critical} critical)` : ""}` : null,
    ].filter(Boolean);
    const subject = `Delegated Care: ${parts.length ? parts.join(", ") : actionCountWords(actions.count).toLowerCase()} for ${formatDate(today)}`;
    const body = `Hello ${actor.name},\n\n${sections.join("\n\n")}\n`;
    if (await queueMail(db, { dedupeKey: `digest:${today}:user:${id}`, toUserId: id, toAddress: actor.email, subject, body })) queued++;
  }
  return queued;
}
