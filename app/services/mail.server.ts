/**
 * Outgoing email. Every message is written to the outbox first, in the same transaction as the
 * change it tells people about (so a message is never lost and never sent for a change that
 * rolled back), then sent by SMTP: at once by the server's mailer when SMTP_URL is set, else by
 * the daily digest job. A failed send stays in the outbox and is tried again.
 *
 * Messages holding a one-time link (invitations, password resets) are `sensitive`: once sent,
 * their body is blanked in the outbox, so the database never keeps a usable link.
 */
import os from "node:os";
import type { Transporter } from "nodemailer";
import type { Db } from "~db/client";
import { addToOutbox, claimMessages, markFailed, markSent, type NewOutboxMessage } from "~/models/outbox.server";
import { afterCommit } from "~/models/transaction.server";

/**
 * The running mailer's wake-up call. Kept on globalThis, not in a module variable: the server
 * (scripts/server.ts) and the Remix build each load their own copy of this module, so a module
 * variable set by the server's mailer was never seen by the actions that queue mail, and their
 * messages waited for the next retry (up to a minute) instead of going at once.
 */
const WAKE = Symbol.for("delegated-care.mailer.wake");
const shared = globalThis as unknown as Record<typeof WAKE, (() => void) | null | undefined>;

/** Queues a message (once per dedupe key) and wakes the mailer when one runs. True when queued. */
export async function queueMail(db: Db, message: NewOutboxMessage): Promise<boolean> {
  const queued = await addToOutbox(db, message);
  // Once the caller's transaction has committed: woken before, the mailer would find nothing to send.
  const wake = shared[WAKE];
  if (queued && wake) afterCommit(db, () => setImmediate(wake));
  return queued;
}

/** How long a sender holds the message it claimed: longer than one send takes (nodemailer gives up on a silent server within 10 minutes). */
export const CLAIM_MS = 15 * 60_000;

/**
 * Sends everything waiting (or failed earlier, up to `maxAttempts`), oldest first, each message
 * once even while other senders (server processes, hosts, the digest job) run at the same time:
 * a message is claimed before it is sent. A pass tries each message at most once.
 */
export async function sendOutbox(
  db: Db,
  { transport, from, now, maxAttempts = 50, sender = defaultSender() }: { transport: Transporter; from: string; now: () => Date; maxAttempts?: number; sender?: string },
) {
  let sent = 0;
  let failed = 0;
  let afterId = 0;
  for (;;) {
    const at = now();
    // One message at a time, so that each claim outlasts its own send however slow the ones before it were.
    const [message] = await claimMessages(db, { sender, now: at, until: new Date(at.getTime() + CLAIM_MS), maxAttempts, afterId, limit: 1 });
    if (!message) break;
    afterId = message.id;
    try {
      await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.body });
      await markSent(db, message, now());
      sent++;
    } catch (error) {
      await markFailed(db, message, error);
      failed++;
    }
  }
  return { sent, failed };
}

/** Names this sender in its claims: the host and process, as an administrator would look for them. */
function defaultSender(): string {
  return `${os.hostname()}:${process.pid}`;
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
