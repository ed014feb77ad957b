/**
 * Outgoing email. Every message is written to the outbox first, in the same transaction as the
 * change it tells people about (so a message is never lost and never sent for a change that
 * rolled back), then sent by SMTP: at once by the server's mailer when SMTP_URL is set, else by
 * the daily digest job. A failed send stays in the outbox and is tried again.
 *
 * Messages holding a one-time link (invitations, password resets) are `sensitive`: once sent,
 * their body is blanked in the outbox, so the database never keeps a usable link.
 */
import { and, eq, inArray, lte } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Db } from "~db/client";
import { outbox } from "~db/schema";

export type MailMessage = {
  /** Makes the message once-only, e.g. `invitation:12`. */
  dedupeKey: string;
  toUserId?: number | null;
  toAddress: string;
  subject: string;
  body: string;
  /** Holds a one-time link: the body is removed from the outbox once sent. */
  sensitive?: boolean;
};

export const SENT_SENSITIVE_BODY = "(Removed after sending: this message held a one-time link.)";

/**
 * The running mailer's "send now". Kept on globalThis: the server (scripts/server.ts) and the
 * Remix build each load their own copy of this module, and the one that queues a message must
 * wake the one that started the mailer, or the message waits for the next retry (a minute).
 */
const WAKE = Symbol.for("delegated-care.mailer.wake");
const shared = globalThis as typeof globalThis & { [WAKE]?: (() => void) | null };

/** Queues a message (once per dedupe key) and wakes the mailer when one runs. True when queued. */
export function queueMail(db: Db, message: MailMessage): boolean {
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
  // After the caller's transaction has committed (better-sqlite3 transactions are synchronous).
  const wake = shared[WAKE];
  if (result.changes && wake) setImmediate(wake);
  return result.changes > 0;
}

/** Sends everything waiting (or failed earlier, up to `maxAttempts`), oldest first. */
export async function sendOutbox(
  db: Db,
  { transport, from, now, maxAttempts = 50 }: { transport: Transporter; from: string; now: () => Date; maxAttempts?: number },
) {
  const due = db
    .select()
    .from(outbox)
    .where(and(inArray(outbox.state, ["pending", "failed"]), lte(outbox.attempts, maxAttempts - 1)))
    .orderBy(outbox.id)
    .all();
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    try {
      await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.body });
      db.update(outbox)
        .set({
          state: "sent",
          sentAt: now().toISOString(),
          attempts: message.attempts + 1,
          lastError: "",
          ...(message.sensitive ? { body: SENT_SENSITIVE_BODY } : {}),
        })
        .where(eq(outbox.id, message.id))
        .run();
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

export type Mailer = { close(): Promise<void> };

/**
 * The server's mailer: sends the outbox soon after something is queued, and retries failures
 * every `retryMs`. One send runs at a time; a wake during a send runs another pass after it.
 */
export function startMailer({
  db,
  transport,
  from,
  now = () => new Date(),
  retryMs = 60_000,
  onError,
}: {
  db: Db;
  transport: Transporter;
  from: string;
  now?: () => Date;
  retryMs?: number;
  onError?: (error: unknown) => void;
}): Mailer {
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  const pass = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = sendOutbox(db, { transport, from, now })
      .then(() => undefined, (error: unknown) => onError?.(error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          pass();
        }
      });
  };
  shared[WAKE] = pass;
  const timer = setInterval(pass, retryMs);
  timer.unref();
  setImmediate(pass);
  return {
    async close() {
      closed = true;
      clearInterval(timer);
      if (shared[WAKE] === pass) shared[WAKE] = null;
      await running;
      transport.close();
    },
  };
}
