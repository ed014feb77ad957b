/**
 * The outbox: every email, written in the transaction of the change it tells people about, then
 * sent by the mailer (app/services/mail.server.ts). Sending reads and marks rows here.
 */
import { and, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "~db/client";
import { outbox } from "~db/schema";

export type OutboxMessage = typeof outbox.$inferSelect;

export type NewOutboxMessage = {
  /** Makes the message once-only, e.g. `invitation:12`. */
  dedupeKey: string;
  toUserId?: number | null;
  toAddress: string;
  subject: string;
  body: string;
  /** Holds a one-time link: the body is removed from the outbox once sent. */
  sensitive?: boolean;
};

/** What a sent message that held a one-time link keeps of its body. */
export const SENT_SENSITIVE_BODY = "(Removed after sending: this message held a one-time link.)";

/** Adds a message unless one with its dedupe key is there already. True when added. */
export function addToOutbox(db: Db, message: NewOutboxMessage): boolean {
  const result = db
    .insert(outbox)
    .values({
      dedupeKey: message.dedupeKey,
      toUserId: message.toUserId ?? null,
      toAddress: message.toAddress,
      subject: message.subject,
      body: message.body,
      sensitive: message.sensitive ?? false,
    })
    .onConflictDoNothing()
    .run();
  return result.changes > 0;
}

/** Messages waiting, or failed fewer than `maxAttempts` times, oldest first. */
export function messagesToSend(db: Db, maxAttempts: number): OutboxMessage[] {
  return db
    .select()
    .from(outbox)
    .where(and(inArray(outbox.state, ["pending", "failed"]), lte(outbox.attempts, maxAttempts - 1)))
    .orderBy(outbox.id)
    .all();
}

/** Marks a message sent; a sensitive message's body is blanked so its link is not kept. */
export function markSent(db: Db, message: OutboxMessage, at: Date): void {
  db.update(outbox)
    .set({
      state: "sent",
      sentAt: at.toISOString(),
      attempts: message.attempts + 1,
      lastError: "",
      ...(message.sensitive ? { body: SENT_SENSITIVE_BODY } : {}),
    })
    .where(eq(outbox.id, message.id))
    .run();
}

/** Marks a message failed, keeping why (it is tried again later). */
export function markFailed(db: Db, message: OutboxMessage, error: unknown): void {
  db.update(outbox)
    .set({ state: "failed", attempts: message.attempts + 1, lastError: error instanceof Error ? error.message.slice(0, 500) : String(error) })
    .where(eq(outbox.id, message.id))
    .run();
}
