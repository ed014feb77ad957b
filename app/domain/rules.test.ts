import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { PASSWORD_MESSAGES, passwordProblem } from "./password-policy";
import { can, ROLES } from "./roles";
import { resolveSettings } from "~/forms/settings.server";
import { DEFAULT_SETTINGS } from "./settings";

describe("roles and permissions", () => {
  it("only a nurse or facilitator signs off competency", () => {
    expect(ROLES.filter((r) => can(r, "sign_off", "competency"))).toEqual(["nurse", "facilitator"]);
  });

  it("only an admin manages users, organisations, the task catalogue, settings and reads the audit trail", () => {
    for (const [action, entity] of [["manage", "user"], ["manage", "organisation"], ["manage", "task"], ["manage", "setting"], ["read", "audit"]] as const) {
      expect(ROLES.filter((r) => can(r, action, entity)), `${action}:${entity}`).toEqual(["admin"]);
    }
  });

  it("provider managers and admins manage care workers; care workers read no one else's records", () => {
    expect(ROLES.filter((r) => can(r, "manage", "worker"))).toEqual(["admin", "provider_manager"]);
    expect(can("care_worker", "read", "worker")).toBe(false);
    expect(can("care_worker", "read", "person")).toBe(false);
  });

  it("only nurses create agreements", () => {
    expect(ROLES.filter((r) => can(r, "manage", "agreement"))).toEqual(["nurse"]);
  });
});

describe("password policy", () => {
  const common = new Set(["password1234"]);
  it("needs 12 characters and refuses common passwords and the email", () => {
    expect(passwordProblem("short", { commonPasswords: common })).toBe("too_short");
    expect(passwordProblem("x".repeat(129), { commonPasswords: common })).toBe("too_long");
    expect(passwordProblem("Password1234", { commonPasswords: common })).toBe("common");
    expect(passwordProblem("nadia.khan-rocks", { email: "nadia.khan@example.org", commonPasswords: common })).toBe("contains_email");
    expect(passwordProblem("kettle orbit lantern", { commonPasswords: common })).toBeNull();
    expect(PASSWORD_MESSAGES.too_short).toBe("Password must be 12 characters or more");
  });
});

describe("settings", () => {
  it("fall back to the defaults where nothing valid is stored", () => {
    expect(resolveSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings({ competencyWarningDays: "ninety", reviewDueDays: 14 })).toEqual({ ...DEFAULT_SETTINGS, reviewDueDays: 14 });
    expect(resolveSettings({ competencyWarningDays: 0 }).competencyWarningDays).toBe(90);
  });

  it("defaults are docs/domain.md's figures", () => {
    expect(DEFAULT_SETTINGS.competencyWarningDays).toBe(90);
    expect(DEFAULT_SETTINGS.competencyReminderDays).toEqual([90, 60, 30]);
    expect(DEFAULT_SETTINGS.reviewDueDays).toBe(30);
    expect(DEFAULT_SETTINGS.awaitingSignaturesDays).toBe(7);
  });
});

describe("canonical JSON", () => {
  it("gives the same text whatever the key order, at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });
});
