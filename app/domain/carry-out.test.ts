import { describe, expect, it } from "vitest";
import { carryOutLabel, competence, competenceLabel, coverForecast, mayCarryOut, type AgreementFacts, type CarryOutQuestion } from "./carry-out";

const T = "2026-11-22";
const inForce: AgreementFacts = { state: "active", startDate: "2026-06-01", inForceVersion: 1, version: { version: 1, state: "signed" } };
const base: CarryOutQuestion = {
  agreement: inForce,
  named: true,
  worker: { status: "active" },
  task: { personSpecific: false },
  personId: 5,
  competencies: [{ personId: null, state: "competent", expiresOn: "2027-06-01" }],
  today: T,
  warningDays: 90,
};
const ask = (over: Partial<CarryOutQuestion>) => mayCarryOut({ ...base, ...over });

describe("may this worker carry out this task for this person today (docs/domain.md rule 4)", () => {
  it("yes: in force, named, employed, with a current competency", () => {
    expect(ask({})).toEqual({ may: true, code: "competent", words: "competent until 1 June 2027" });
    expect(ask({ competencies: [{ personId: null, state: "competent", expiresOn: "2027-01-01" }] })).toMatchObject({ may: true, code: "competent_expiring", words: "competent until 1 January 2027 (expiring)" });
  });

  it("a competency counts up to and including its expiry day", () => {
    expect(ask({ competencies: [{ personId: null, state: "competent", expiresOn: T }] })).toMatchObject({ may: true, code: "competent_expiring" });
    expect(ask({ competencies: [{ personId: null, state: "competent", expiresOn: "2026-11-21" }] })).toEqual({ may: false, code: "competency_expired", words: "competency expired on 21 November 2026" });
  });

  it("no one may carry out a task under an agreement that is not in force, and it says why", () => {
    expect(ask({ agreement: { ...inForce, startDate: "2026-11-30" } })).toEqual({ may: false, code: "agreement_not_yet_in_force", words: "the agreement comes into force on 30 November 2026" });
    expect(ask({ agreement: { ...inForce, startDate: T } })).toMatchObject({ may: true });
    expect(ask({ agreement: { ...inForce, state: "awaiting_signatures", inForceVersion: null, version: { version: 1, state: "awaiting_signatures" } } })).toMatchObject({ may: false, code: "agreement_awaiting_signatures" });
    expect(ask({ agreement: { ...inForce, state: "draft", inForceVersion: null, version: { version: 1, state: "draft" } } })).toMatchObject({ may: false, code: "agreement_draft" });
    expect(ask({ agreement: { ...inForce, state: "suspended" } })).toMatchObject({ may: false, code: "agreement_suspended", words: "the agreement is suspended" });
    expect(ask({ agreement: { ...inForce, state: "ended" } })).toMatchObject({ may: false, code: "agreement_ended" });
    // An amendment being signed: version 2 is not in force, version 1 still is.
    expect(ask({ agreement: { ...inForce, version: { version: 2, state: "awaiting_signatures" } } })).toMatchObject({ may: false, code: "agreement_awaiting_signatures" });
    expect(ask({ agreement: { ...inForce, inForceVersion: 2, version: { version: 1, state: "superseded" } } })).toMatchObject({ may: false, code: "version_not_in_force" });
  });

  it("the worker must be named, still employed and hold a current competency", () => {
    expect(ask({ named: false })).toMatchObject({ may: false, code: "worker_not_named" });
    expect(ask({ worker: { status: "left" } })).toEqual({ may: false, code: "worker_left", words: "has left the provider" });
    expect(ask({ competencies: [] })).toMatchObject({ may: false, code: "no_competency", words: "no competency recorded" });
    expect(ask({ competencies: [{ personId: null, state: "in_training", expiresOn: null }] })).toMatchObject({ code: "in_training", words: "not yet signed off" });
    for (const state of ["suspended", "revoked", "declined"] as const) {
      expect(ask({ competencies: [{ personId: null, state, expiresOn: "2027-06-01" }] })).toEqual({ may: false, code: `competency_${state}`, words: `competency ${state}` });
    }
  });

  it("uses countsForTask: a person-specific task needs the competency for this person, a generic one the general competency", () => {
    const forEdith = [{ personId: 5, state: "competent" as const, expiresOn: "2027-06-01" }];
    const forSomeoneElse = [{ personId: 6, state: "competent" as const, expiresOn: "2027-06-01" }];
    expect(ask({ task: { personSpecific: true }, competencies: forEdith })).toMatchObject({ may: true });
    expect(ask({ task: { personSpecific: true }, competencies: forSomeoneElse })).toMatchObject({ code: "no_competency" });
    expect(ask({ task: { personSpecific: true } })).toMatchObject({ code: "no_competency" });
    expect(ask({ task: { personSpecific: false }, competencies: forEdith })).toMatchObject({ code: "no_competency" });
  });

  it("the agreement is checked first; the worker's competence stands on its own for the interlock", () => {
    const notYet = { ...inForce, startDate: "2026-11-30" };
    expect(ask({ agreement: notYet, worker: { status: "left" } })).toMatchObject({ code: "agreement_not_yet_in_force" });
    expect(competence({ ...base, worker: { status: "left" } })).toMatchObject({ may: false, code: "worker_left" });
    expect(competence(base)).toMatchObject({ may: true });
    expect(competenceLabel("worker_left")).toBe("Has left the provider");
    expect(competenceLabel("competency_expired")).toBe("Expired");
  });
});

describe("what the agreement page shows", () => {
  const label = (q: Partial<CarryOutQuestion>) => carryOutLabel(ask(q), competence({ ...base, ...q }), { ...inForce, ...q.agreement });

  it("'May carry out' only in force; before that, when they will be able to", () => {
    expect(label({})).toEqual({ text: "May carry out", tone: "green", why: "competent until 1 June 2027" });
    expect(label({ agreement: { ...inForce, startDate: "2026-11-30" } })).toEqual({ text: "Will be able to carry out from 30 November 2026", tone: "blue", why: "competent until 1 June 2027" });
    expect(label({ agreement: { ...inForce, state: "awaiting_signatures", inForceVersion: null, version: { version: 1, state: "awaiting_signatures" } } })).toMatchObject({
      text: "Will be able to carry out once the agreement is in force",
    });
  });

  it("'Must not carry out' with the worker's reason first, else the agreement's", () => {
    expect(label({ agreement: { ...inForce, startDate: "2026-11-30" }, competencies: [] })).toEqual({ text: "Must not carry out", tone: "red", why: "no competency recorded" });
    expect(label({ agreement: { ...inForce, state: "suspended" } })).toEqual({ text: "Must not carry out", tone: "red", why: "the agreement is suspended" });
  });
});

describe("cover forecast (docs/domain.md rule 13)", () => {
  const worker = (expiresOn: string, status: "active" | "left" = "active") => ({ worker: { status }, competencies: [{ personId: null, state: "competent" as const, expiresOn }] });
  const forecast = (workers: ReturnType<typeof worker>[], agreement: AgreementFacts = inForce, windowDays = 28) =>
    coverForecast({ agreement, task: { personSpecific: false }, personId: 5, workers, today: T, warningDays: 90, windowDays });

  it("the first day fewer than two may carry out the task: the day after the second-last expiry", () => {
    expect(forecast([worker("2026-12-01"), worker("2026-12-05"), worker("2027-06-01")])).toEqual({ on: "2026-12-06", mayThen: 1 });
    expect(forecast([worker("2026-12-01"), worker("2026-12-01")])).toEqual({ on: "2026-12-02", mayThen: 0 });
    expect(forecast([worker("2027-06-01"), worker("2027-06-01")])).toBeNull();
  });

  it("the window is a setting", () => {
    expect(forecast([worker("2026-12-01"), worker("2027-06-01")], inForce, 9)).toBeNull();
    expect(forecast([worker("2026-12-01"), worker("2027-06-01")], inForce, 10)).toEqual({ on: "2026-12-02", mayThen: 1 });
  });

  it("before the start date it forecasts the cover on the day the agreement comes into force", () => {
    const notYet = { ...inForce, startDate: "2026-11-30" };
    expect(forecast([worker("2027-06-01"), worker("2027-06-01", "left")], notYet)).toEqual({ on: "2026-11-30", mayThen: 1 });
    expect(forecast([worker("2027-06-01"), worker("2027-06-01")], notYet)).toBeNull();
  });

  it("nothing for a suspended agreement, or when there are fewer than two today (other alerts say so)", () => {
    expect(forecast([worker("2026-12-01"), worker("2026-12-01")], { ...inForce, state: "suspended" })).toBeNull();
    expect(forecast([worker("2026-12-01")])).toBeNull();
  });
});
