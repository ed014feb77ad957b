/**
 * Demo accounts beyond the fixed sign-ins (issue 13): an invitation to sign in waiting for Aisha
 * Begum, sent by Brightside's manager two days ago and not yet accepted, so a newcomer sees what
 * a waiting invitation looks like on a care worker's page. Its email was sent (the local outbox
 * keeps no usable link), and nobody knows its token.
 *
 * Two-factor authentication (issue 15): the demo stores the setting with no role required, so
 * every demo account signs in with its password alone (a real deployment with no stored setting
 * requires it of administrators and nurses). A newcomer finds set-up under "Two-factor
 * authentication" at the top of any page, and the setting at /admin/settings.
 */
import { eq } from "drizzle-orm";
import { inviteWorker } from "~/models/invitations.server";
import { loadActor } from "~/models/users.server";
import { SENT_SENSITIVE_BODY } from "~/models/outbox.server";
import type { Db } from "./client";
import { outbox, settings } from "./tables";

export async function seedAccounts(tx: Db, { now, workers, manager }: { now: Date; workers: Record<string, number>; manager: number }) {
  const sentAt = new Date(now.getTime() - 2 * 86_400_000);
  const invitation = await inviteWorker(tx, { actor: (await loadActor(tx, manager))!, workerId: workers.aisha!, email: "aisha.begum@example.org", at: sentAt, publicUrl: "http://localhost" });
  await tx.update(outbox)
    .set({ state: "sent", sentAt: new Date(sentAt.getTime() + 60_000).toISOString(), attempts: 1, body: SENT_SENSITIVE_BODY })
    .where(eq(outbox.dedupeKey, `invitation:${invitation}`));
  await tx.insert(settings).values({ key: "twoFactorRequiredRoles", value: "[]", updatedBy: null, updatedAt: now.toISOString() });
  return { invitation };
}
