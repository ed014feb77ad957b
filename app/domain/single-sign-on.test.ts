import { describe, expect, it } from "vitest";
import {
  issuerProblem,
  matchAccount,
  mayUseProvider,
  normaliseEmail,
  requiredProvider,
  secretVariableName,
  type CandidateAccount,
  type ProviderScope,
} from "./single-sign-on";

const provider: ProviderScope = { id: 1, organisationIds: [10, 11], adminsMayUse: false };
const nurse: CandidateAccount = { id: 5, active: true, role: "nurse", organisationId: 10, subject: null };
const answer = { subject: "sub-5", email: "nurse@example.org", emailVerified: true };

describe("docs/domain.md rule 20: who an organisation's account signs in as", () => {
  it("finds the account by email the first time, and then remembers the subject", () => {
    expect(matchAccount(provider, answer, { bySubject: null, byEmail: nurse })).toEqual({ ok: true, userId: 5, rememberSubject: true });
  });

  it("finds the account by its remembered subject first, whatever the email says now", () => {
    const linked = { ...nurse, subject: "sub-5" };
    expect(matchAccount(provider, { ...answer, email: "renamed@example.org" }, { bySubject: linked, byEmail: null })).toEqual({ ok: true, userId: 5, rememberSubject: false });
  });

  it("never creates an account: no account with that email is refused", () => {
    expect(matchAccount(provider, answer, { bySubject: null, byEmail: null })).toEqual({ ok: false, reason: "no_account", userId: null });
  });

  it("refuses a deactivated account, found either way", () => {
    const gone = { ...nurse, active: false };
    expect(matchAccount(provider, answer, { bySubject: null, byEmail: gone })).toMatchObject({ ok: false, reason: "deactivated" });
    expect(matchAccount(provider, answer, { bySubject: { ...gone, subject: "sub-5" }, byEmail: null })).toMatchObject({ ok: false, reason: "deactivated" });
  });

  it("refuses an account whose organisation may not use this provider", () => {
    const manager: CandidateAccount = { id: 6, active: true, role: "provider_manager", organisationId: 20, subject: null };
    expect(matchAccount(provider, { ...answer, email: "manager@example.org" }, { bySubject: null, byEmail: manager })).toMatchObject({ ok: false, reason: "organisation_not_allowed" });
  });

  it("lets administrators in only when the provider says they may", () => {
    const admin: CandidateAccount = { id: 1, active: true, role: "admin", organisationId: null, subject: null };
    expect(matchAccount(provider, answer, { bySubject: null, byEmail: admin })).toMatchObject({ ok: false, reason: "organisation_not_allowed" });
    expect(matchAccount({ ...provider, adminsMayUse: true }, answer, { bySubject: null, byEmail: admin })).toMatchObject({ ok: true, userId: 1 });
  });

  it("refuses an account that already remembers a different subject at this provider", () => {
    expect(matchAccount(provider, answer, { bySubject: null, byEmail: { ...nurse, subject: "someone-else" } })).toMatchObject({ ok: false, reason: "different_subject", userId: 5 });
  });

  it("refuses an email the provider says it has not confirmed, or no email at all", () => {
    expect(matchAccount(provider, { ...answer, emailVerified: false }, { bySubject: null, byEmail: nurse })).toMatchObject({ ok: false, reason: "email_unverified" });
    expect(matchAccount(provider, { ...answer, email: null }, { bySubject: null, byEmail: null })).toMatchObject({ ok: false, reason: "no_email" });
    // Not said either way (Entra ID sends no email_verified): the email is taken as the organisation's own.
    expect(matchAccount(provider, { ...answer, emailVerified: null }, { bySubject: null, byEmail: nurse })).toMatchObject({ ok: true });
  });

  it("reads emails as the service stores them", () => {
    expect(normaliseEmail("  Nurse@Example.ORG ")).toBe("nurse@example.org");
    expect(normaliseEmail("not an email")).toBeNull();
    expect(normaliseEmail(42)).toBeNull();
    expect(normaliseEmail(["nurse@example.org"])).toBeNull();
  });
});

describe("when a password stops working", () => {
  const base = { ...provider, enabled: true, secretSet: true, required: true };
  it("for people in the organisations of a usable provider marked 'must use'", () => {
    expect(requiredProvider({ role: "nurse", organisationId: 10 }, [base])).toBe(base);
    expect(requiredProvider({ role: "nurse", organisationId: 99 }, [base])).toBeNull();
  });
  it("not while it is switched off, has no secret, or is not marked 'must use'", () => {
    expect(requiredProvider({ role: "nurse", organisationId: 10 }, [{ ...base, enabled: false }])).toBeNull();
    expect(requiredProvider({ role: "nurse", organisationId: 10 }, [{ ...base, secretSet: false }])).toBeNull();
    expect(requiredProvider({ role: "nurse", organisationId: 10 }, [{ ...base, required: false }])).toBeNull();
  });
  it("never for administrators, who must be able to fix a provider that does not work", () => {
    expect(requiredProvider({ role: "admin", organisationId: null }, [{ ...base, adminsMayUse: true }])).toBeNull();
  });
  it("mayUseProvider: organisation members, and administrators only when allowed", () => {
    expect(mayUseProvider({ role: "facilitator", organisationId: 11 }, provider)).toBe(true);
    expect(mayUseProvider({ role: "admin", organisationId: null }, provider)).toBe(false);
  });
});

describe("provider settings", () => {
  it("names the secret's variable from the short name", () => {
    expect(secretVariableName("cis2-demo")).toBe("SSO_CIS2_DEMO_CLIENT_SECRET");
  });
  it("takes https issuers, and plain http only on this machine", () => {
    expect(issuerProblem("https://login.microsoftonline.com/tenant-id/v2.0")).toBeNull();
    expect(issuerProblem("http://localhost:3217")).toBeNull();
    expect(issuerProblem("http://127.0.0.1:3217/demo-sign-in")).toBeNull();
    expect(issuerProblem("http://idp.example.nhs.uk")).toBe("https");
    expect(issuerProblem("ftp://idp.example.nhs.uk")).toBe("https");
    expect(issuerProblem("https://idp.example.nhs.uk/?x=1")).toBe("extra");
    expect(issuerProblem("https://user:pw@idp.example.nhs.uk")).toBe("extra");
    expect(issuerProblem("not an address")).toBe("format");
  });
});
