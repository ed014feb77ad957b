import nodemailer from "nodemailer";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "~db/test-db";
import { outbox } from "~db/schema";
import { SENT_SENSITIVE_BODY } from "~/models/outbox.server";
import { queueMail, startMailer } from "./mail.server";

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
    const { db, sqlite } = createTestDatabase();
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    const mailer = startMailer({ db, transport, from: "dc@example.nhs.uk" });
    const delivered = new Promise<void>((resolve) => (arrived = resolve));
    expect(
      queueMail(db, { dedupeKey: "reset:1", toAddress: "aisha@example.org", subject: "Reset your password", body: "Open https://dc.example/reset/secret", sensitive: true }),
    ).toBe(true);
    // The same change cannot queue the same message twice.
    expect(queueMail(db, { dedupeKey: "reset:1", toAddress: "aisha@example.org", subject: "Reset your password", body: "again" })).toBe(false);
    await delivered;
    await mailer.close();
    expect(received.filter((m) => m.to.includes("aisha@example.org"))).toHaveLength(1);
    expect(received[0]!.raw).toContain("https://dc.example/reset/secret");
    const [row] = db.select().from(outbox).all();
    expect(row).toMatchObject({ state: "sent", attempts: 1, body: SENT_SENSITIVE_BODY });
    sqlite.close();
  });
});
