import nodemailer, { type Transporter } from "nodemailer";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSharedTestDatabase, createTestDatabase } from "~db/test-db";
import { outbox } from "~db/tables";
import { claimMessages, SENT_SENSITIVE_BODY } from "~/models/outbox.server";
import { inTransaction } from "~/models/transaction.server";
import { CLAIM_MS, queueMail, sendOutbox, startMailer } from "./mail.server";

describe("the server's mailer", () => {
  const received: { to: string[]; raw: string }[] = [];
  let server: SMTPServer;
  let port = 0;
  let arrived: (() => void) | null = null;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let raw = "";
        stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
          arrived?.();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("sends a queued message without waiting for the digest, once, and keeps no one-time link", async () => {
    const { db } = await createTestDatabase();
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    const mailer = startMailer({ db, transport, from: "dc@example.nhs.uk" });
    const delivered = new Promise<void>((resolve) => (arrived = resolve));
    expect(
      await queueMail(db, { dedupeKey: "reset:1", toAddress: "aisha@example.org", subject: "Reset your password", body: "Open https://dc.example/reset/secret", sensitive: true }),
    ).toBe(true);
    // The same change cannot queue the same message twice.
    expect(await queueMail(db, { dedupeKey: "reset:1", toAddress: "aisha@example.org", subject: "Reset your password", body: "again" })).toBe(false);
    await delivered;
    await mailer.close();
    expect(received.filter((m) => m.to.includes("aisha@example.org"))).toHaveLength(1);
    expect(received[0]!.raw).toContain("https://dc.example/reset/secret");
    const [row] = await db.select().from(outbox);
    expect(row).toMatchObject({ state: "sent", attempts: 1, body: SENT_SENSITIVE_BODY });
  });

  it("a message queued by a change is sent once the change is saved, though the change goes on after queueing it", async () => {
    // A database file (another connection reads it, as the mailer does), and a mailer that would otherwise wait an hour.
    const { first: connection } = await createSharedTestDatabase();
    const { db } = connection;
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    const mailer = startMailer({ db, transport, from: "dc@example.nhs.uk", retryMs: 3_600_000 });
    const delivered = new Promise<void>((resolve) => (arrived = resolve));
    await inTransaction(db, async (tx) => {
      await queueMail(tx, { dedupeKey: "invitation:7", toAddress: "nadia@example.org", subject: "You are invited to sign in", body: "Hello" });
      // The rest of the change: the mailer, woken now, would find nothing saved yet to send.
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
      await tx.select().from(outbox);
    });
    await delivered;
    await mailer.close();
    expect(received.filter((m) => m.to.includes("nadia@example.org"))).toHaveLength(1);
  });
});

describe("several senders", () => {
  /** A transport that takes a moment per message (as SMTP does), recording each delivery. */
  function recording(deliveries: string[], name: string) {
    return {
      sendMail: async (m: { to: string; subject: string }) => {
        await new Promise((resolve) => setImmediate(resolve));
        deliveries.push(`${name}|${m.subject}`);
      },
    } as unknown as Transporter;
  }

  it("two senders on two connections at once: every message goes exactly once, and both send", async () => {
    const shared = await createSharedTestDatabase();
    const a = shared.first;
    const b = await shared.open();
    for (let i = 1; i <= 60; i++) await queueMail(a.db, { dedupeKey: `m:${i}`, toAddress: `p${i}@example.org`, subject: `Message ${i}`, body: "Hello" });
    const deliveries: string[] = [];
    const now = () => new Date("2026-12-02T09:00:00Z");
    const [first, second] = await Promise.all([
      sendOutbox(a.db, { transport: recording(deliveries, "a"), from: "dc@example.nhs.uk", now, sender: "host-a:1" }),
      sendOutbox(b.db, { transport: recording(deliveries, "b"), from: "dc@example.nhs.uk", now, sender: "host-b:2" }),
    ]);
    const subjects = deliveries.map((d) => d.split("|")[1]);
    expect(subjects).toHaveLength(60);
    expect(new Set(subjects).size).toBe(60);
    expect(first.sent + second.sent).toBe(60);
    expect(first.sent).toBeGreaterThan(0);
    expect(second.sent).toBeGreaterThan(0);
    expect((await a.db.select().from(outbox)).every((m) => m.state === "sent" && m.attempts === 1 && m.claimedBy === null)).toBe(true);
  });

  it("a message claimed by a sender that stopped is sent by another once the claim lapses, not before", async () => {
    const { db } = await createTestDatabase();
    await queueMail(db, { dedupeKey: "m:1", toAddress: "p@example.org", subject: "Held", body: "Hello" });
    const at = new Date("2026-12-02T09:00:00Z");
    expect(await claimMessages(db, { sender: "stopped:9", now: at, until: new Date(at.getTime() + CLAIM_MS), maxAttempts: 50, afterId: 0, limit: 10 })).toHaveLength(1);
    const deliveries: string[] = [];
    const transport = recording(deliveries, "next");
    expect(await sendOutbox(db, { transport, from: "dc@example.nhs.uk", now: () => new Date(at.getTime() + CLAIM_MS - 1000), sender: "next:1" })).toEqual({ sent: 0, failed: 0 });
    expect(await sendOutbox(db, { transport, from: "dc@example.nhs.uk", now: () => new Date(at.getTime() + CLAIM_MS + 1000), sender: "next:1" })).toEqual({ sent: 1, failed: 0 });
    expect(deliveries).toEqual(["next|Held"]);
  });
});
