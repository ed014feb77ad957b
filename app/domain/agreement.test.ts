import { describe, expect, it } from "vitest";
import {
  activationBlockers,
  agreementReference,
  agreementStatus,
  isInForce,
  defaultReviewDate,
  interlockReason,
  isEditable,
  isFinal,
  partyWorkerId,
  requiredParties,
  reviewDateProblem,
  uncoveredTasks,
  type ActivationCheck,
  type TaskCover,
} from "./agreement";

const T = "2026-11-22";

describe("derived agreement status", () => {
  it("an active agreement is review due inside the window, overdue after the review date", () => {
    expect(agreementStatus({ state: "active", startDate: "2026-01-01", reviewDate: "2027-01-01" }, T, 30)).toBe("active");
    expect(agreementStatus({ state: "active", startDate: "2026-01-01", reviewDate: "2026-12-22" }, T, 30)).toBe("review_due");
    expect(agreementStatus({ state: "active", startDate: "2026-01-01", reviewDate: T }, T, 30)).toBe("review_due");
    expect(agreementStatus({ state: "active", startDate: "2026-01-01", reviewDate: "2026-11-21" }, T, 30)).toBe("review_overdue");
  });

  it("a signed agreement is not in force before its start date, and is from that day", () => {
    const signed = { state: "active" as const, startDate: "2026-11-30", reviewDate: "2027-05-30" };
    expect(agreementStatus(signed, "2026-11-29", 30)).toBe("not_yet_in_force");
    expect(isInForce(signed, "2026-11-29")).toBe(false);
    expect(agreementStatus(signed, "2026-11-30", 30)).toBe("active");
    expect(isInForce(signed, "2026-11-30")).toBe(true);
    expect(isInForce({ ...signed, state: "suspended" }, "2026-12-01")).toBe(false);
  });

  it("other states are as stored", () => {
    for (const state of ["draft", "awaiting_signatures", "suspended", "ended"] as const) {
      expect(agreementStatus({ state, startDate: "2019-01-01", reviewDate: "2020-01-01" }, T, 30)).toBe(state);
    }
  });
});

describe("agreement details", () => {
  it("references look like DA-2026-000123", () => {
    expect(agreementReference(2026, 123)).toBe("DA-2026-000123");
  });

  it("the default review date is the start plus the shortest task interval", () => {
    expect(defaultReviewDate("2026-11-22", [6, 3, 12])).toBe("2027-02-22");
    expect(defaultReviewDate("2026-08-31", [6])).toBe("2027-02-28");
  });

  it("a frozen version cannot be edited (rule 3)", () => {
    expect(isEditable("draft")).toBe(true);
    for (const s of ["awaiting_signatures", "signed", "superseded", "withdrawn"]) expect(isEditable(s)).toBe(false);
  });
});

describe("required signatures (rule 1)", () => {
  it("are the delegator, the provider, every named worker and the person", () => {
    expect(requiredParties([4, 9])).toEqual(["delegator", "provider", "worker:4", "worker:9", "person"]);
    expect(partyWorkerId("worker:9")).toBe(9);
    expect(partyWorkerId("provider")).toBeNull();
  });
});

const cover = (workers: [string, boolean][]): TaskCover => ({
  taskId: 1,
  taskName: "Insulin administration by pen",
  workers: workers.map(([workerName, current], i) => {
    const reason = current ? "competent" : "competency expired on 12 November 2026";
    const decision = { may: current, code: current ? ("competent" as const) : ("competency_expired" as const), words: reason };
    const label = current ? { text: "May carry out", tone: "green" as const, why: reason } : { text: "Must not carry out", tone: "red" as const, why: reason };
    return { workerId: i + 1, workerName, current, reason, competence: decision.code, decision, label, signedOffOn: null, expiresOn: null };
  }),
});

describe("activation (rules 1 and 2)", () => {
  const base: ActivationCheck = {
    consentRecorded: true,
    versionHash: "abc",
    required: ["delegator", "provider", "worker:1", "person"],
    signatures: [
      { party: "delegator", contentHash: "abc" },
      { party: "provider", contentHash: "abc" },
      { party: "worker:1", contentHash: "abc" },
      { party: "person", contentHash: "abc" },
    ],
    cover: [cover([["Maria Santos", true]])],
    partyNames: { delegator: "Priya Shah", provider: "Brightside Home Care", "worker:1": "Maria Santos", person: "Edith Clarke" },
  };

  it("goes ahead with consent, every signature on this version and competent workers", () => {
    expect(activationBlockers(base)).toEqual([]);
  });

  it("lists exactly what is missing", () => {
    expect(activationBlockers({ ...base, consentRecorded: false, signatures: base.signatures.slice(0, 2) })).toEqual([
      "Consent has not been recorded",
      "Waiting for the signature of Maria Santos",
      "Waiting for the signature of Edith Clarke",
    ]);
  });

  it("a signature on another version's content does not count", () => {
    expect(activationBlockers({ ...base, signatures: base.signatures.map((s) => (s.party === "provider" ? { ...s, contentHash: "old" } : s)) })).toEqual([
      "Waiting for the signature of Brightside Home Care",
    ]);
  });

  it("a named worker without a current competency blocks activation", () => {
    expect(activationBlockers({ ...base, cover: [cover([["Maria Santos", false]])] })).toEqual([
      "Maria Santos is not competent for Insulin administration by pen: competency expired on 12 November 2026",
    ]);
  });

  it("cannot activate what was never sent", () => {
    expect(activationBlockers({ ...base, versionHash: null })).toEqual(["The agreement has not been sent for signatures"]);
  });
});

describe("the safety interlock (rule 2)", () => {
  it("a task with one competent named worker is covered; with none it is not", () => {
    expect(uncoveredTasks([cover([["Maria Santos", true], ["James Whitfield", false]])])).toEqual([]);
    const bare = cover([["James Whitfield", false]]);
    expect(uncoveredTasks([bare])).toEqual([bare]);
    expect(interlockReason([bare])).toBe(
      "No named care worker is competent for Insulin administration by pen (James Whitfield: competency expired on 12 November 2026)",
    );
  });
});

describe("rules 5 and 6", () => {
  it("an ended agreement is final; every other state can still move", () => {
    expect(isFinal("ended")).toBe(true);
    for (const s of ["draft", "awaiting_signatures", "active", "suspended"] as const) expect(isFinal(s)).toBe(false);
  });

  it("a review date must come after the start date", () => {
    expect(reviewDateProblem("2026-11-22", "2027-05-22")).toBeNull();
    expect(reviewDateProblem("2026-11-22", "2026-11-22")).toBe("Review date must be after the start date");
    expect(reviewDateProblem("2026-11-22", "2026-01-01")).toBe("Review date must be after the start date");
  });
});
