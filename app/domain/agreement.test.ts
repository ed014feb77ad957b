import { describe, expect, it } from "vitest";
import {
  activationBlockers,
  compareForList,
  type StoredAgreementState,
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
  reviewProblems,
  uncoveredTasks,
  type ReviewCheck,
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

  it("a frozen version cannot be edited (rule 6)", () => {
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

describe("activation (rule 1)", () => {
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

describe("the safety interlock (rule 5)", () => {
  it("a task with one competent named worker is covered; with none it is not", () => {
    expect(uncoveredTasks([cover([["Maria Santos", true], ["James Whitfield", false]])])).toEqual([]);
    const bare = cover([["James Whitfield", false]]);
    expect(uncoveredTasks([bare])).toEqual([bare]);
    expect(interlockReason([bare])).toBe(
      "No named care worker is competent for Insulin administration by pen (James Whitfield: competency expired on 12 November 2026)",
    );
  });
});

describe("ending, and review dates (rules 14 and 9)", () => {
  it("an ended agreement is final; every other state can still move", () => {
    expect(isFinal("ended")).toBe(true);
    for (const s of ["draft", "awaiting_signatures", "active", "suspended"] as const) expect(isFinal(s)).toBe(false);
  });

  it("a review date comes after the start date and no later than the shortest review interval of the tasks (rule 9)", () => {
    expect(reviewDateProblem("2026-11-22", "2026-11-23", [6])).toBeNull();
    expect(reviewDateProblem("2026-11-22", "2027-05-22", [6, 12])).toBeNull();
    expect(reviewDateProblem("2026-11-22", "2026-11-22", [6])).toBe("Review date must be on or after 23 November 2026, the day after the start date (22 November 2026)");
    expect(reviewDateProblem("2026-11-22", "2026-01-01", [6])).toMatch(/^Review date must be on or after 23 November 2026/);
    expect(reviewDateProblem("2026-11-22", "2027-05-23", [6, 12])).toBe(
      "Review date must be on or before 22 May 2027: the agreement's tasks must be reviewed at least every 6 months from the start date",
    );
    expect(reviewDateProblem("2026-11-22", "2027-02-22", [3, 6])).toBeNull();
    expect(reviewDateProblem("2026-11-22", "2027-02-23", [3, 6])).toMatch(/every 3 months/);
    expect(reviewDateProblem("2026-11-22", "2040-02-23", [3])).toMatch(/^Review date must be on or before 22 February 2027/);
  });

  describe("reviews (rule 9)", () => {
    const review: ReviewCheck = { today: T, startDate: "2026-06-01", reviewedOn: T, outcome: "continue", nextReviewDate: "2027-02-22", reviewIntervalsMonths: [3, 6] };

    it("accepts a review today with the next review date at the shortest interval, or a day before it", () => {
      expect(reviewProblems(review)).toEqual([]);
      expect(reviewProblems({ ...review, nextReviewDate: "2027-02-21" })).toEqual([]);
    });

    it("refuses a next review date beyond the shortest interval from the review date (23 February 2040 on a 3-monthly task)", () => {
      expect(reviewProblems({ ...review, nextReviewDate: "2027-02-23" })).toEqual([
        { field: "nextReviewDate", message: "Next review date must be on or before 22 February 2027: the agreement's tasks must be reviewed at least every 3 months from the review" },
      ]);
      expect(reviewProblems({ ...review, nextReviewDate: "2040-02-23" })[0]?.field).toBe("nextReviewDate");
      expect(reviewProblems({ ...review, nextReviewDate: "9999-12-31" })[0]?.field).toBe("nextReviewDate");
    });

    it("the interval runs from the review date, and the next review must be after today", () => {
      expect(reviewProblems({ ...review, reviewedOn: "2026-11-01", nextReviewDate: "2027-02-01" })).toEqual([]);
      expect(reviewProblems({ ...review, reviewedOn: "2026-11-01", nextReviewDate: "2027-02-02" })[0]?.message).toMatch(/on or before 1 February 2027/);
      expect(reviewProblems({ ...review, nextReviewDate: "2026-11-23" })).toEqual([]);
      expect(reviewProblems({ ...review, nextReviewDate: T })).toEqual([{ field: "nextReviewDate", message: "Next review date must be in the future" }]);
    });

    it("a review is on or after the start date and not in the future", () => {
      const recentStart = { ...review, startDate: "2026-10-01" };
      expect(reviewProblems({ ...recentStart, reviewedOn: "2026-10-01", nextReviewDate: "2027-01-01" })).toEqual([]);
      expect(reviewProblems({ ...recentStart, reviewedOn: "2026-09-30", nextReviewDate: "2026-12-30" }).map((p) => p.message)).toEqual([
        "Date of the review must be on or after 1 October 2026, the start date of the agreement",
      ]);
      expect(reviewProblems({ ...review, reviewedOn: "2026-11-23" })[0]).toEqual({ field: "reviewedOn", message: "Date of the review must be today or in the past" });
    });

    it("a review dated longer ago than the shortest interval is refused: its next review would already be due", () => {
      expect(reviewProblems({ ...review, reviewedOn: "2026-08-22", nextReviewDate: "2026-11-23" })).toEqual([
        { field: "reviewedOn", message: "Date of the review must be on or after 23 August 2026: a review longer ago than 3 months would already be due again" },
      ]);
      expect(reviewProblems({ ...review, reviewedOn: "2026-08-23", nextReviewDate: "2026-11-23" })).toEqual([]);
    });

    it("ending needs no next review date; any other outcome does", () => {
      expect(reviewProblems({ ...review, outcome: "end", nextReviewDate: null })).toEqual([]);
      expect(reviewProblems({ ...review, outcome: "suspend", nextReviewDate: null })).toEqual([{ field: "nextReviewDate", message: "Enter the next review date" }]);
    });
  });
});

describe("the one order agreements are listed in", () => {
  const a = (reference: string, state: StoredAgreementState, reviewDate: string) => ({ reference, state, reviewDate });
  it("puts live agreements before ended ones, then the soonest review first, then by reference", () => {
    const listed = [
      a("DA-2026-000001", "ended", "2026-01-01"),
      a("DA-2026-000004", "active", "2027-05-01"),
      a("DA-2026-000003", "suspended", "2026-12-01"),
      a("DA-2026-000002", "draft", "2026-12-01"),
      a("DA-2026-000005", "awaiting_signatures", "2027-01-01"),
    ].sort(compareForList);
    expect(listed.map((x) => x.reference)).toEqual(["DA-2026-000002", "DA-2026-000003", "DA-2026-000005", "DA-2026-000004", "DA-2026-000001"]);
  });
});
