import { describe, expect, it } from "vitest";
import {
  INVITATION_VALID_DAYS,
  invitationExpiry,
  invitationProblem,
  linkProblem,
  linkState,
  ONE_TIME_TOKEN,
  RESET_VALID_MINUTES,
  resetExpiry,
  sessionEnd,
} from "./accounts";

const at = new Date("2026-11-22T10:00:00Z");
const later = (ms: number) => new Date(at.getTime() + ms);

describe("one-time links (invitations and password resets)", () => {
  it("works until its expiry, not at or after it", () => {
    const link = { expiresAt: invitationExpiry(at).toISOString(), usedAt: null };
    expect(INVITATION_VALID_DAYS).toBe(7);
    expect(link.expiresAt).toBe("2026-11-29T10:00:00.000Z");
    expect(linkState(link, later(7 * 86_400_000 - 1))).toBe("usable");
    expect(linkState(link, later(7 * 86_400_000))).toBe("expired");
  });

  it("a reset link lasts an hour", () => {
    expect(RESET_VALID_MINUTES).toBe(60);
    const link = { expiresAt: resetExpiry(at).toISOString(), usedAt: null };
    expect(linkState(link, later(59 * 60_000))).toBe("usable");
    expect(linkState(link, later(60 * 60_000))).toBe("expired");
  });

  it("is single use: once used or withdrawn it never works again, even inside its time", () => {
    const expiresAt = invitationExpiry(at).toISOString();
    expect(linkState({ expiresAt, usedAt: at.toISOString() }, later(1))).toBe("used");
    expect(linkState({ expiresAt, usedAt: null, withdrawnAt: at.toISOString() }, later(1))).toBe("withdrawn");
  });

  it("only a token shaped as issued is looked up", () => {
    expect(ONE_TIME_TOKEN.test("a".repeat(43))).toBe(true);
    for (const t of ["", "a".repeat(42), "a".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}/`]) expect(ONE_TIME_TOKEN.test(t), t).toBe(false);
  });
});

describe("which account may sign in as which care worker (docs/domain.md rule 2)", () => {
  const worker = { providerId: 5, status: "active" as const, userId: null };
  const account = { role: "care_worker", organisationId: 5, active: true, linkedWorkerId: null };

  it("links an active care worker account of the worker's own provider to a worker with no sign-in", () => {
    expect(linkProblem(worker, account)).toBeNull();
  });

  it("refuses every other pairing, with the first reason", () => {
    expect(linkProblem(worker, { ...account, role: "provider_manager" })).toBe("not_care_worker");
    expect(linkProblem(worker, { ...account, organisationId: 6 })).toBe("other_provider");
    expect(linkProblem(worker, { ...account, active: false })).toBe("inactive_account");
    expect(linkProblem({ ...worker, status: "left" }, account)).toBe("worker_left");
    expect(linkProblem({ ...worker, userId: 9 }, account)).toBe("worker_has_account");
    expect(linkProblem(worker, { ...account, linkedWorkerId: 3 })).toBe("account_linked");
  });

  it("invites only an active worker with no sign-in", () => {
    expect(invitationProblem(worker)).toBeNull();
    expect(invitationProblem({ ...worker, userId: 9 })).toBe("worker_has_account");
    expect(invitationProblem({ ...worker, status: "left" })).toBe("worker_left");
  });
});

describe("when a session ends", () => {
  const session = { lastSeenAt: at.toISOString(), expiresAt: later(12 * 3_600_000).toISOString() };
  it("idle: after the idle limit with no request", () => {
    expect(sessionEnd(session, later(30 * 60_000), { idleMinutes: 30 })).toBeNull();
    expect(sessionEnd(session, later(30 * 60_000 + 1), { idleMinutes: 30 })).toBe("idle");
  });
  it("expired: at the absolute limit, however busy", () => {
    const busy = { ...session, lastSeenAt: later(12 * 3_600_000 - 60_000).toISOString() };
    expect(sessionEnd(busy, later(12 * 3_600_000 - 1), { idleMinutes: 30 })).toBeNull();
    expect(sessionEnd(busy, later(12 * 3_600_000), { idleMinutes: 30 })).toBe("expired");
  });
});
