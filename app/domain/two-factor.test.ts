import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  checkCode,
  codeAt,
  codeAttemptsBlocked,
  groupKey,
  groupRecoveryCode,
  keyUri,
  looksLikeRecoveryCode,
  mayTurnOff,
  newRecoveryCodes,
  normaliseCode,
  pendingSignInUsable,
  secondStepNeeded,
  timeStep,
} from "./two-factor";

// RFC 6238 appendix B: the SHA-1 test secret "12345678901234567890" in base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const at = (iso: string) => new Date(iso);

describe("which sign-ins need a second step (docs/domain.md rule 21)", () => {
  const required = ["admin", "nurse"] as const;
  it("asks for a code from anyone who has set it up, whatever their role", () => {
    expect(secondStepNeeded({ method: "password", role: "provider_manager", hasTwoFactor: true, requiredRoles: required })).toBe("code");
  });
  it("takes a role that requires it through set-up first, and lets other roles in with their password", () => {
    expect(secondStepNeeded({ method: "password", role: "nurse", hasTwoFactor: false, requiredRoles: required })).toBe("set_up");
    expect(secondStepNeeded({ method: "password", role: "care_worker", hasTwoFactor: false, requiredRoles: required })).toBe("none");
  });
  it("never asks someone who signed in through their organisation: the identity provider does its own checks", () => {
    expect(secondStepNeeded({ method: "sso", role: "nurse", hasTwoFactor: true, requiredRoles: required })).toBe("none");
    expect(secondStepNeeded({ method: "sso", role: "admin", hasTwoFactor: false, requiredRoles: required })).toBe("none");
  });
  it("lets people turn it off only where their role does not require it", () => {
    expect(mayTurnOff("nurse", required)).toBe(false);
    expect(mayTurnOff("provider_manager", required)).toBe(true);
  });
});

describe("codes (RFC 6238: SHA-1, 6 digits, 30 seconds)", () => {
  it("makes the RFC's test vectors", () => {
    // Appendix B gives 8 digits; the 6-digit code is its last six.
    expect(codeAt(RFC_SECRET, timeStep(at("1970-01-01T00:00:59Z")))).toBe("287082");
    expect(codeAt(RFC_SECRET, timeStep(at("2005-03-18T01:58:29Z")))).toBe("081804");
    expect(codeAt(RFC_SECRET, timeStep(at("2009-02-13T23:31:30Z")))).toBe("005924");
  });

  it("accepts the code of the current step and one step either side, and no further", () => {
    const now = at("2026-11-22T10:00:15Z");
    const step = timeStep(now);
    for (const delta of [-1, 0, 1]) {
      expect(checkCode({ code: codeAt(RFC_SECRET, step + delta), secretBase32: RFC_SECRET, at: now, lastUsedStep: 0 })).toEqual({ ok: true, step: step + delta });
    }
    for (const delta of [-2, 2]) {
      const code = codeAt(RFC_SECRET, step + delta);
      const nearby = [-1, 0, 1].map((d) => codeAt(RFC_SECRET, step + d));
      if (!nearby.includes(code)) expect(checkCode({ code, secretBase32: RFC_SECRET, at: now, lastUsedStep: 0 })).toEqual({ ok: false, problem: "wrong" });
    }
  });

  it("refuses a code used before, and any code of an earlier step once a later one was used (replay)", () => {
    const now = at("2026-11-22T10:00:15Z");
    const step = timeStep(now);
    expect(checkCode({ code: codeAt(RFC_SECRET, step), secretBase32: RFC_SECRET, at: now, lastUsedStep: step })).toEqual({ ok: false, problem: "used" });
    expect(checkCode({ code: codeAt(RFC_SECRET, step - 1), secretBase32: RFC_SECRET, at: now, lastUsedStep: step })).toEqual({ ok: false, problem: "used" });
    expect(checkCode({ code: codeAt(RFC_SECRET, step + 1), secretBase32: RFC_SECRET, at: now, lastUsedStep: step })).toEqual({ ok: true, step: step + 1 });
  });

  it("reads a code typed with spaces or a hyphen, and refuses anything but six digits", () => {
    const now = at("2026-11-22T10:00:15Z");
    const code = codeAt(RFC_SECRET, timeStep(now));
    expect(checkCode({ code: `${code.slice(0, 3)} ${code.slice(3)}`, secretBase32: RFC_SECRET, at: now, lastUsedStep: 0 }).ok).toBe(true);
    for (const wrong of ["", "12345", "1234567", "abcdef", "１２３４５６"]) {
      expect(checkCode({ code: wrong, secretBase32: RFC_SECRET, at: now, lastUsedStep: 0 })).toEqual({ ok: false, problem: "wrong" });
    }
  });

  it("writes the key in groups of four for typing, and an otpauth address apps read", () => {
    expect(groupKey(RFC_SECRET)).toBe("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
    const uri = keyUri(RFC_SECRET, "sam.patel@example.org");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Delegated%20Care:sam\.patel%40example\.org\?/);
    expect(uri).toContain(`secret=${RFC_SECRET}`);
    expect(uri).toContain("issuer=Delegated%20Care");
    expect(uri).toContain("algorithm=SHA1");
    expect(uri).toContain("digits=6");
    expect(uri).toContain("period=30");
  });
});

describe("recovery codes", () => {
  it("makes 10 different codes of 16 characters that cannot be misread (no 0, O, 1, l or i)", () => {
    const codes = newRecoveryCodes((n) => crypto.randomBytes(n));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-hjkmnp-z2-9]{16}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
  });

  it("prints them in groups of four and reads them back however they are typed", () => {
    expect(groupRecoveryCode("abcdefghjkmnpqrs")).toBe("abcd-efgh-jkmn-pqrs");
    expect(normaliseCode(" ABCD-efgh jkmn-PQRS ")).toBe("abcdefghjkmnpqrs");
    expect(looksLikeRecoveryCode("ABCD-EFGH-JKMN-PQRS")).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
    expect(looksLikeRecoveryCode("abcd-efgh-jkmn-pqr0")).toBe(false);
  });
});

describe("the throttle on wrong codes", () => {
  const now = at("2026-11-22T10:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  it("lets four wrong codes in 15 minutes through, and stops the fifth until the oldest is 15 minutes old", () => {
    expect(codeAttemptsBlocked([1, 2, 3, 4].map(minutesAgo), now)).toBeNull();
    expect(codeAttemptsBlocked([1, 2, 3, 4, 5].map(minutesAgo), now)).toEqual({ minutes: 10 });
    expect(codeAttemptsBlocked([0, 0, 0, 0, 0].map(minutesAgo), now)).toEqual({ minutes: 15 });
  });
  it("forgets wrong codes older than 15 minutes", () => {
    expect(codeAttemptsBlocked([1, 2, 3, 4, 15, 16].map(minutesAgo), now)).toBeNull();
  });
});

describe("a pending sign-in", () => {
  it("can be finished once, before it expires", () => {
    const now = at("2026-11-22T10:00:00Z");
    expect(pendingSignInUsable({ expiresAt: "2026-11-22T10:05:00.000Z", usedAt: null }, now)).toBe(true);
    expect(pendingSignInUsable({ expiresAt: "2026-11-22T10:00:00.000Z", usedAt: null }, now)).toBe(false);
    expect(pendingSignInUsable({ expiresAt: "2026-11-22T10:05:00.000Z", usedAt: "2026-11-22T09:59:00.000Z" }, now)).toBe(false);
  });
});
