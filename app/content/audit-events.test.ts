import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, type AuditRef } from "./audit-actions";
import { auditDetailLines } from "./audit-details";
import { agreementTimelineLine, AUDIT_EVENTS, auditActorName, AUTOMATIC_ACTOR, describeAuditEvent, phraseText, timelineLine } from "./audit-events";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every action code the source writes: `action: "x.y"` literals and the `x.${…}` templates. */
function writtenCodes() {
  const literals = new Set<string>();
  const templates = new Set<string>();
  for (const file of ["app", "db", "scripts"].flatMap(sourceFiles)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\baction:\s*(?:[^,;\n]*\?\s*)?"([a-z_]+\.[a-z_]+)"(?:\s*:\s*"([a-z_]+\.[a-z_]+)")?/g)) {
      literals.add(m[1]!);
      if (m[2]) literals.add(m[2]);
    }
    for (const m of text.matchAll(/\baction:\s*`([a-z_]+)\.\$\{/g)) templates.add(m[1]!);
  }
  return { literals, templates };
}

const agreement: AuditRef = { type: "agreement", id: "3", label: "agreement DA-2026-000003", href: "/agreements/3" };
const competency: AuditRef = {
  type: "competency",
  id: "7",
  label: "Maria Santos's competency in Insulin by pen (INS-PEN)",
  owner: { name: "Maria Santos", thing: "Insulin by pen (INS-PEN)" },
  href: "/competencies/7",
};
const text = (action: string, details: Record<string, unknown>, who: string, record: AuditRef | string) =>
  phraseText(describeAuditEvent({ action, details, who, record }));

describe("audit event descriptions", () => {
  it("describes every action code written anywhere in the source", () => {
    const { literals, templates } = writtenCodes();
    // The scan finds the codes (a sanity check that it still reads the source).
    expect(literals.size).toBeGreaterThan(40);
    expect([...literals].filter((code) => !Object.hasOwn(AUDIT_EVENTS, code))).toEqual([]);
    // A code built from a template (`competency.${action}`) is checked by the type of recordAudit; each prefix must be a known one.
    for (const prefix of templates) expect(AUDIT_ACTIONS.some((a) => a.startsWith(`${prefix}.`))).toBe(true);
  });

  it("reads as a sentence for every code, with no code, JSON or developer word in it", () => {
    for (const action of AUDIT_ACTIONS) {
      const line = text(action, { version: 2, reason: "Hospital admission", count: 3, outcome: "satisfactory", party: "delegator", kind: "competency_suspended" }, "Priya Shah", agreement);
      expect(line, action).toMatch(/^Priya Shah [a-z]/);
      expect(line, action).not.toMatch(/\b[a-z_]+\.[a-z_]+\b|undefined|null|NaN|\{|\}|\[object/);
    }
  });

  it("says what happened in plain English, naming the actor once", () => {
    expect(text("user.sign_in", {}, "Priya Shah", "this user")).toBe("Priya Shah signed in");
    expect(text("competency.decline", { from: "competent", to: "declined", reason: "I have not used a pen since my training" }, "Maria Santos", competency)).toBe(
      "Maria Santos declined their competency in Insulin by pen (INS-PEN): I have not used a pen since my training",
    );
    expect(text("competency.suspend", { reason: "Concern 4" }, "Priya Shah", competency)).toBe("Priya Shah suspended Maria Santos's competency in Insulin by pen (INS-PEN): Concern 4");
    expect(text("agreement.sign", { version: 1, party: "delegator", method: "in_app", signerName: "Priya Shah" }, "Priya Shah", agreement)).toBe(
      "Priya Shah signed agreement DA-2026-000003 (version 1) as the delegating nurse",
    );
    expect(text("agreement.sign", { version: 2, party: "person", method: "on_paper", signerName: "Edith Clarke" }, "Priya Shah", agreement)).toBe(
      "Priya Shah recorded that Edith Clarke signed agreement DA-2026-000003 (version 2) on paper as the person receiving care or their representative",
    );
    expect(text("agreement.sign", { version: 1, party: "provider", method: "in_app", signerName: "Sam Patel" }, "Sam Patel", agreement)).toBe(
      "Sam Patel signed agreement DA-2026-000003 (version 1) for the care provider",
    );
  });

  it("names what the service does itself in one way, and someone asking for a reset link while signed out in another", () => {
    expect(auditActorName(null, "agreement.suspend_automatically")).toBe(AUTOMATIC_ACTOR);
    expect(AUTOMATIC_ACTOR).toBe("Delegated Care (automatic)");
    expect(auditActorName(null, "user.password_reset_request")).toBe("Someone not signed in");
    expect(auditActorName("Priya Shah", "user.sign_in")).toBe("Priya Shah");
  });

  it("a timeline line names the actor once and the record as 'this …'", () => {
    const line = agreementTimelineLine({ action: "agreement.sign", details: JSON.stringify({ version: 1, party: "delegator", method: "in_app", signerName: "Priya Shah" }), actorName: "Priya Shah" });
    expect(line).toBe("Priya Shah signed this agreement (version 1) as the delegating nurse");
    expect(line.match(/Priya Shah/g)).toHaveLength(1);
    expect(agreementTimelineLine({ action: "agreement.activate", details: JSON.stringify({ version: 1 }), actorName: null })).toBe(
      "Delegated Care (automatic) made this agreement active: every party had signed version 1",
    );
    expect(agreementTimelineLine({ action: "concern.raise", details: "{}", actorName: "Maria Santos" })).toBe("Maria Santos recorded a concern about this agreement");
    expect(timelineLine({ action: "worker.leave", details: "{}", actorName: "Sam Patel" }, "this care worker")).toBe("Sam Patel recorded that this care worker has left the care provider");
  });

  it("a code it does not know still reads as a sentence, without the code", () => {
    expect(text("something.new", {}, "Priya Shah", agreement)).toBe("Priya Shah made a change to agreement DA-2026-000003");
  });
});

describe("audit event details", () => {
  const ref = (type: AuditRef["type"], id: string): AuditRef | null => (type === "worker" && id === "5" ? { type, id, label: "Maria Santos", href: "/workers/5" } : null);

  it("shows details as labelled lines in words, records named, never JSON", () => {
    const lines = auditDetailLines(
      { from: "competent", to: "suspended", reason: "Wrong technique", workerId: 5, workerIds: [5, 9], keepInForce: true, givenOn: "2026-05-03", method: "on_paper", party: "worker:5" },
      ref,
    ).map((l) => `${l.label}: ${phraseText(l.value)}`);
    expect(lines).toEqual([
      "Before: Competent",
      "After: Suspended",
      "Reason: Wrong technique",
      "Care worker: Maria Santos",
      "Named care workers: Maria Santos, care worker 9",
      "Version in force kept until the new one is signed: Yes",
      "Consent given on: 3 May 2026",
      "How it was signed: On paper",
      "Signed as: Named care worker",
    ]);
  });

  it("flattens nested details (a settings change, a training session changed) into lines", () => {
    const lines = auditDetailLines({ competencyWarningDays: { from: 90, to: 60 } }, ref).map((l) => `${l.label}: ${phraseText(l.value)}`);
    expect(lines).toEqual(["Days before expiry that a competency shows as expiring: before: 90", "Days before expiry that a competency shows as expiring: after: 60"]);
    const attendance = auditDetailLines({ attendees: [{ workerId: 5, outcome: "completed" }] }, ref).map((l) => `${l.label}: ${phraseText(l.value)}`);
    expect(attendance).toEqual(["Attendance: Maria Santos: completed"]);
  });
});

describe("a version in an agreement's history", () => {
  it("says each fact once", async () => {
    const { versionHistoryNote } = await import("./agreements");
    expect(versionHistoryNote({ state: "signed", frozenAt: "2026-05-03T08:00:00Z", activatedAt: "2026-05-05T13:05:00Z" })).toBe(
      "Signed by every party 5 May 2026 at 2:05pm (sent for signatures 3 May 2026 at 9:00am)",
    );
    expect(versionHistoryNote({ state: "superseded", frozenAt: null, activatedAt: "2026-05-05T13:05:00Z" })).toBe("Superseded: it was signed by every party 5 May 2026 at 2:05pm");
    expect(versionHistoryNote({ state: "awaiting_signatures", frozenAt: "2026-11-20T10:00:00Z", activatedAt: null })).toBe("Awaiting signatures since 20 November 2026 at 10:00am");
    expect(versionHistoryNote({ state: "draft", frozenAt: null, activatedAt: null })).toBe("Draft");
    expect(versionHistoryNote({ state: "withdrawn", frozenAt: "2026-11-20T10:00:00Z", activatedAt: null })).toBe("Withdrawn before signing (sent for signatures 20 November 2026 at 10:00am)");
  });
});
