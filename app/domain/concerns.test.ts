import { describe, expect, it } from "vitest";
import { closeProblems, followUpsOffered, isSeriousHarm, mayCloseConcern, mayRaiseConcern, subjectProblems } from "./concerns";
import { ROLES } from "./roles";

describe("concerns: who raises, who closes, what follows", () => {
  it("everyone working on an agreement may raise a concern; an administrator may not", () => {
    expect(ROLES.filter(mayRaiseConcern)).toEqual(["nurse", "facilitator", "provider_manager", "care_worker"]);
  });

  it("only the delegating nurse or the provider's manager closes one", () => {
    expect(ROLES.filter(mayCloseConcern)).toEqual(["nurse", "provider_manager"]);
  });

  it("a care worker names only themselves as the worker a concern is about", () => {
    expect(subjectProblems({ role: "care_worker", actorWorkerId: 7, workerId: 7 })).toEqual([]);
    expect(subjectProblems({ role: "care_worker", actorWorkerId: 7, workerId: null })).toEqual([]);
    expect(subjectProblems({ role: "care_worker", actorWorkerId: 7, workerId: 8 })[0]).toMatch(/not about another care worker/);
    expect(subjectProblems({ role: "provider_manager", actorWorkerId: null, workerId: 8 })).toEqual([]);
  });

  it("closing needs an open concern, the right role and an outcome", () => {
    expect(closeProblems({ role: "nurse", status: "open", outcome: "Retrained; observed twice since" })).toEqual([]);
    expect(closeProblems({ role: "provider_manager", status: "open", outcome: "Done" })).toEqual([]);
    expect(closeProblems({ role: "nurse", status: "open", outcome: "  " })).toEqual(["Enter the outcome: what was done and why the concern can be closed"]);
    expect(closeProblems({ role: "nurse", status: "closed", outcome: "Again" })).toEqual(["This concern is already closed"]);
    expect(closeProblems({ role: "care_worker", status: "open", outcome: "Fine now" })[0]).toMatch(/Only the delegating nurse/);
    expect(closeProblems({ role: "facilitator", status: "open", outcome: "Fine now" })[0]).toMatch(/Only the delegating nurse/);
  });

  it("follow-ups: suspend for those who may suspend, review for the nurse of a live agreement, nothing once closed", () => {
    expect(followUpsOffered({ role: "nurse", status: "open", agreementState: "active" })).toEqual(["competency_suspended", "agreement_reviewed"]);
    expect(followUpsOffered({ role: "nurse", status: "open", agreementState: "suspended" })).toEqual(["competency_suspended", "agreement_reviewed"]);
    expect(followUpsOffered({ role: "nurse", status: "open", agreementState: "awaiting_signatures" })).toEqual(["competency_suspended"]);
    expect(followUpsOffered({ role: "nurse", status: "open", agreementState: null })).toEqual(["competency_suspended"]);
    expect(followUpsOffered({ role: "facilitator", status: "open", agreementState: "active" })).toEqual(["competency_suspended"]);
    expect(followUpsOffered({ role: "provider_manager", status: "open", agreementState: "active" })).toEqual([]);
    expect(followUpsOffered({ role: "care_worker", status: "open", agreementState: "active" })).toEqual([]);
    expect(followUpsOffered({ role: "nurse", status: "closed", agreementState: "active" })).toEqual([]);
  });

  it("moderate or severe harm is also an NHS incident report", () => {
    expect(isSeriousHarm("moderate_or_severe")).toBe(true);
    expect(isSeriousHarm("low")).toBe(false);
    expect(isSeriousHarm("none")).toBe(false);
    expect(isSeriousHarm("not_known")).toBe(false);
  });
});
