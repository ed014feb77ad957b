/**
 * The outbox: every email, written in the transaction of the change it tells people about, then
 * sent by the mailer (app/services/mail.server.ts). Sending claims and marks rows here.
 */
import { and, eq, gt, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { engineOf, type Db } from "~db/client";
import { outbox } from "~db/tables";
import { inTransaction } from "./transaction.server";

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
export async function addToOutbox(db: Db, message: NewOutboxMessage): Promise<boolean> {
  return await inTransaction(db, async (tx) => {
    const result = await tx
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
      .returning({ id: outbox.id });
    return result.length > 0;
  });
}

/**
 * Claims up to `limit` messages to send: waiting, or failed fewer than `maxAttempts` times,
 * unclaimed or with a lapsed claim, after `afterId`, oldest first. One UPDATE marks and returns
 * them, so two senders (processes, hosts) never claim the same message: SQLite runs one writing
 * statement at a time; on PostgreSQL the rows are chosen FOR UPDATE SKIP LOCKED, so a sender passes
 * over the rows another is claiming at that moment and takes the next ones. The claim lasts until `until`, long enough for any send to finish; if the
 * sender dies holding it, another takes the message after that.
 */
export async function claimMessages(db: Db, { sender, now, until, maxAttempts, afterId, limit }: { sender: string; now: Date; until: Date; maxAttempts: number; afterId: number; limit: number }): Promise<OutboxMessage[]> {
  const claimable = and(
    inArray(outbox.state, ["pending", "failed"]),
    lte(outbox.attempts, maxAttempts - 1),
    gt(outbox.id, afterId),
    or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, now.toISOString())),
  );
  const picked = sql`SELECT ${outbox.id} FROM ${outbox} WHERE ${claimable} ORDER BY ${outbox.id} LIMIT ${limit}`;
  // On PostgreSQL the choice is made once, before the update (ARRAY(…) is worked out first): as a
  // join, the locking subquery was run again for each row and the update took more than `limit`.
  const oldest = engineOf(db).name === "postgres" ? sql`${outbox.id} = ANY(ARRAY(${picked} FOR UPDATE SKIP LOCKED))` : sql`${outbox.id} IN (${picked})`;
  return await inTransaction(db, async (tx) =>
    (await tx
      .update(outbox)
      .set({ claimedBy: sender, claimedUntil: until.toISOString() })
      .where(and(oldest, claimable))
      .returning())
      .sort((a, b) => a.id - b.id));
}

/** Marks a message sent; a sensitive message's body is blanked so its link is not kept. */
export async function markSent(db: Db, message: OutboxMessage, at: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.update(outbox)
      .set({
        state: "sent",
        sentAt: at.toISOString(),
        attempts: message.attempts + 1,
        lastError: "",
        claimedBy: null,
        claimedUntil: null,
        ...(message.sensitive ? { body: SENT_SENSITIVE_BODY } : {}),
      })
      .where(eq(outbox.id, message.id));
  });
}

/** Marks a message failed, keeping why (it is tried again later). */
export async function markFailed(db: Db, message: OutboxMessage, error: unknown): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.update(outbox)
      .set({ state: "failed", attempts: message.attempts + 1, lastError: error instanceof Error ? error.message.slice(0, 500) : String(error), claimedBy: null, claimedUntil: null })
      .where(eq(outbox.id, message.id));
  });
}
