/**
 * The one place that decides who is told what about an agreement, and tells them twice with the
 * same words: a notification on their Notifications page and an email (queueMail), both written
 * in the caller's transaction, so nobody is told of a change that rolled back and no change goes
 * untold. Each message is once-only per event and user (its dedupe key).
 */
import { and, count, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { agreementActiveNotice, agreementEndedNotice, agreementSentNotice, emailBody, type Notice } from "~/content/notifications";
import type { Actor } from "~/domain/actor";
import { londonDate, type IsoDate } from "~/domain/dates";
import { initials } from "~/domain/names";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction } from "~/models/transaction.server";
import { loadJobConfig } from "~/services/config.server";
import { queueMail } from "~/services/mail.server";
import type { Db } from "~db/client";
import { agreementTasks, agreementVersions, agreementWorkers, agreements, careWorkers, notifications, people, tasks, users } from "~db/tables";

export type Recipient = { id: number; email: string };

let cachedPublicUrl: string | null = null;
/**
 * The address links in emails start with: the same setting as context.config.publicUrl
 * (PUBLIC_URL, else http://localhost:PORT), read here because agreements change in places no
 * request context reaches (the interlock runs on reads and after competency changes).
 */
function publicUrl(): string {
  cachedPublicUrl ??= loadJobConfig(process.env).publicUrl;
  return cachedPublicUrl;
}

/** Tells each recipient (once per `key` and user): in the app and by email. */
export async function notify(db: Db, { to, notice, key, at, publicUrl: base }: { to: Recipient[]; notice: Notice; key: string; at: Date; publicUrl?: string }) {
  await inTransaction(db, async (tx) => {
    const seen = new Set<number>();
    for (const r of to) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const dedupeKey = `${key}:user:${r.id}`;
      await tx.insert(notifications)
        .values({ userId: r.id, kind: notice.kind, dedupeKey, title: notice.title, body: notice.body, link: notice.link, createdAt: at.toISOString() })
        .onConflictDoNothing();
      await queueMail(tx, { dedupeKey, toUserId: r.id, toAddress: r.email, subject: notice.title, body: emailBody(notice, base ?? publicUrl()) });
    }
  });
}

export type AgreementAudience = {
  /** The delegating nurse. */
  delegator?: boolean;
  /** Every active manager of the agreement's provider. */
  providerManagers?: boolean;
  /** Named care workers of this version who sign in. */
  workersOfVersion?: number | null;
};

/** The active user accounts of an agreement's parties, as asked. */
export async function agreementRecipients(
  db: Db,
  agreement: { delegatorId: number; providerId: number },
  { delegator = false, providerManagers = false, workersOfVersion = null }: AgreementAudience,
): Promise<Recipient[]> {
  const who = [
    delegator ? eq(users.id, agreement.delegatorId) : undefined,
    providerManagers ? and(eq(users.role, "provider_manager"), eq(users.organisationId, agreement.providerId)) : undefined,
    workersOfVersion
      ? and(
          eq(users.role, "care_worker"),
          inArray(
            users.id,
            db
              .select({ id: careWorkers.userId })
              .from(agreementWorkers)
              .innerJoin(careWorkers, eq(careWorkers.id, agreementWorkers.workerId))
              .where(and(eq(agreementWorkers.versionId, workersOfVersion), eq(careWorkers.status, "active"))),
          ),
        )
      : undefined,
  ].filter((c) => c !== undefined);
  if (!who.length) return [];
  return await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.active, true), or(...who)))
    .orderBy(users.id);
}

/** The id of an agreement's version (the one in force, else the newest). */
export async function versionIdOf(db: Db, agreement: { id: number; inForceVersion: number | null; currentVersion: number }, which: "in_force" | "current" = "in_force") {
  const version = which === "in_force" ? (agreement.inForceVersion ?? agreement.currentVersion) : agreement.currentVersion;
  return (await first(db.select({ id: agreementVersions.id }).from(agreementVersions).where(and(eq(agreementVersions.agreementId, agreement.id), eq(agreementVersions.version, version))).limit(1)))?.id ?? null;
}

/** Everyone a live agreement binds: the delegating nurse, the provider's managers, its named workers who sign in. */
export async function everyParty(db: Db, agreement: typeof agreements.$inferSelect, which: "in_force" | "current" = "in_force"): Promise<Recipient[]> {
  return await agreementRecipients(db, agreement, { delegator: true, providerManagers: true, workersOfVersion: await versionIdOf(db, agreement, which) });
}

const PAGE = 50;

/** A user's notifications, newest first (their own only). */
export async function listNotifications(db: Db, { actor, limit = PAGE }: { actor: Actor; limit?: number }) {
  return await db
    .select({ id: notifications.id, kind: notifications.kind, title: notifications.title, body: notifications.body, link: notifications.link, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.userId, actor.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function countUnread(db: Db, actor: Actor): Promise<number> {
  return (await first(db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt))).limit(1)))?.n ?? 0;
}

/** Marks every unread notification of this user as read; returns how many. */
export async function markAllRead(db: Db, { actor, at }: { actor: Actor; at: Date }): Promise<number> {
  return await inTransaction(db, async (tx) => {
    const changes = (await tx
      .update(notifications)
      .set({ readAt: at.toISOString() })
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id })).length;
    if (changes) await recordAudit(tx, { actorId: actor.userId, action: "notifications.read", entityType: "user", entityId: actor.userId, details: { count: changes }, at });
    return changes;
  });
}

// ---------------------------------------------------------------------------
// Who is told what, for each thing that happens to an agreement
// ---------------------------------------------------------------------------

type AgreementRow = typeof agreements.$inferSelect;

export async function personInitialsOf(db: Db, personId: number): Promise<string> {
  return initials((await first(db.select({ name: people.name }).from(people).where(eq(people.id, personId)).limit(1)))?.name ?? "");
}

async function taskNamesOf(db: Db, versionId: number): Promise<string[]> {
  return (await db
    .select({ name: tasks.name })
    .from(agreementTasks)
    .innerJoin(tasks, eq(tasks.id, agreementTasks.taskId))
    .where(eq(agreementTasks.versionId, versionId))
    .orderBy(tasks.name))
    .map((t) => t.name);
}

/**
 * Sent for signatures: every party who signs in the app (docs/domain.md rule 2) is asked to:
 * the delegating nurse, the provider's managers and the named workers who sign in.
 */
export async function tellAgreementSent(db: Db, { agreement, versionId, version, sentBy, today, at }: { agreement: AgreementRow; versionId: number; version: number; sentBy: string; today: IsoDate; at: Date }) {
  await notify(db, {
    to: await agreementRecipients(db, agreement, { delegator: true, providerManagers: true, workersOfVersion: versionId }),
    notice: agreementSentNotice({ id: agreement.id, reference: agreement.reference, personInitials: await personInitialsOf(db, agreement.personId), version, sentBy, sentOn: today, taskNames: await taskNamesOf(db, versionId) }),
    key: `sent:${agreement.id}:v${version}`,
    at,
  });
}

/** Active (docs/domain.md rule 1): everyone it binds is told, and from when it is in force. */
export async function tellAgreementActive(db: Db, { agreementId, today, at }: { agreementId: number; today: IsoDate; at: Date }) {
  const agreement = await first(db.select().from(agreements).where(eq(agreements.id, agreementId)).limit(1));
  if (!agreement || agreement.inForceVersion === null) return;
  await notify(db, {
    to: await everyParty(db, agreement),
    notice: agreementActiveNotice({ id: agreement.id, reference: agreement.reference, personInitials: await personInitialsOf(db, agreement.personId), version: agreement.inForceVersion, startDate: agreement.startDate, today }),
    key: `active:${agreement.id}:v${agreement.inForceVersion}`,
    at,
  });
}

export async function tellAgreementEnded(db: Db, { agreement, endedBy, reason, at }: { agreement: AgreementRow; endedBy: string; reason: string; at: Date }) {
  await notify(db, {
    to: await everyParty(db, agreement),
    notice: agreementEndedNotice({ id: agreement.id, reference: agreement.reference, personInitials: await personInitialsOf(db, agreement.personId), endedBy, reason, endedOn: londonDate(at) }),
    key: `ended:${agreement.id}`,
    at,
  });
}
