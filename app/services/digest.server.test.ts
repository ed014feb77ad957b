import nodemailer from "nodemailer";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "~/domain/settings";
import { demoDatabase } from "~/models/test-helpers";
import { outbox } from "~db/tables";
import { queueDigests } from "./digest.server";
import { sendOutbox } from "./mail.server";

type Received = { to: string[]; raw: string };

/** The message text as a person reads it: quoted-printable soft breaks and escapes undone. */
function decoded(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe("the daily digest, through a real SMTP server on loopback", () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let raw = "";
        stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: decoded(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("sends each user their own alerts, once a day, and retries what failed", async () => {
    const d = await demoDatabase();
    const today = "2026-11-22";
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    const broken = nodemailer.createTransport({ host: "127.0.0.1", port: 1, secure: false, ignoreTLS: true, connectionTimeout: 2000 });
    const now = () => new Date("2026-11-22T07:00:00Z");

    const queued = await queueDigests(d.db, { today, settings: DEFAULT_SETTINGS, publicUrl: "https://dc.example.nhs.uk" });
    expect(queued).toBeGreaterThan(3);
    // The outbox also holds the demo's interlock notices, which go out with the digests (and its invitation, sent already).
    const unsent = async () => (await d.db.select().from(outbox)).filter((m) => m.state !== "sent");
    const waiting = (await unsent()).length;
    expect(waiting).toBeGreaterThanOrEqual(queued);
    // The first send fails (nothing listens there): everything stays in the outbox.
    const first = await sendOutbox(d.db, { transport: broken, from: "Delegated Care <dc@example.nhs.uk>", now });
    expect(first.sent).toBe(0);
    expect((await unsent()).every((m) => m.state === "failed" && m.attempts === 1)).toBe(true);

    const second = await sendOutbox(d.db, { transport, from: "Delegated Care <dc@example.nhs.uk>", now });
    expect(second).toEqual({ sent: waiting, failed: 0 });

    const digestTo = (email: string) => received.filter((r) => r.to.includes(email) && r.raw.includes("Subject: Delegated Care:"));
    const nurse = digestTo("nurse@example.org")[0];
    expect(nurse?.raw).toContain("James Whitfield: Blood glucose monitoring expired");
    expect(nurse?.raw).toContain("https://dc.example.nhs.uk/competencies/");
    const manager2 = digestTo("manager2@example.org")[0]!;
    expect(manager2.raw).toContain("no competent worker for Urinary catheter care");
    expect(manager2.raw).not.toContain("James Whitfield");
    // What waits for the user's own signature comes first (the same list as their home page).
    const manager = digestTo("manager@example.org")[0]!;
    expect(manager.raw).toContain("Subject: Delegated Care: 3 waiting for your signature, ");
    expect(manager.raw).toContain("Waiting for your signature:");
    expect(manager.raw).toContain(`https://dc.example.nhs.uk/agreements/${d.ids.agreements.winifredBgm}/sign`);
    expect(manager.raw.indexOf("Waiting for your signature:")).toBeLessThan(manager.raw.indexOf("These need attention"));

    // Running again the same day queues and sends nothing new.
    const before = received.length;
    expect(await queueDigests(d.db, { today, settings: DEFAULT_SETTINGS, publicUrl: "https://dc.example.nhs.uk" })).toBe(0);
    expect(await sendOutbox(d.db, { transport, from: "dc@example.nhs.uk", now })).toEqual({ sent: 0, failed: 0 });
    expect(received.length).toBe(before);
    expect(digestTo("nurse@example.org")).toHaveLength(1);
  });
});
