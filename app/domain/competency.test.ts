import { describe, expect, it } from "vitest";
import {
  allowedActions,
  competencyStatus,
  expiryDate,
  isCurrent,
  isReadyForSignOff,
  observationsNeeded,
  observationsOpen,
  signOffBlockers,
  observationDateWindow,
  observationProblems,
  signOffProblems,
  strikeOutProblems,
  stateAfter,
  type SignOffCheck,
} from "./competency";
import { londonDate } from "./dates";

const competent = (expiresOn: string) => ({ state: "competent" as const, expiresOn });

describe("derived competency status", () => {
  it("is competent outside the warning window", () => {
    expect(competencyStatus(competent("2027-03-01"), "2026-11-22", 90)).toBe("competent");
  });

  it("is expiring from exactly the warning window's first day, through the expiry day itself", () => {
    // 2026-11-22 + 90 days = 2027-02-20
    expect(competencyStatus(competent("2027-02-21"), "2026-11-22", 90)).toBe("competent");
    expect(competencyStatus(competent("2027-02-20"), "2026-11-22", 90)).toBe("expiring");
    expect(competencyStatus(competent("2026-11-22"), "2026-11-22", 90)).toBe("expiring");
  });

  it("is expired the day after the expiry day", () => {
    expect(competencyStatus(competent("2026-11-21"), "2026-11-22", 90)).toBe("expired");
  });

  it("keeps the stored state when not signed off, or suspended, revoked or declined", () => {
    for (const state of ["in_training", "suspended", "revoked", "declined"] as const) {
      expect(competencyStatus({ state, expiresOn: "2020-01-01" }, "2026-11-22", 90)).toBe(state);
    }
  });

  it("uses the London calendar day: just after midnight in BST, it is already the next day", () => {
    // 23:30 UTC on 20 July is 00:30 on 21 July in London.
    const today = londonDate(new Date("2026-07-20T23:30:00Z"));
    expect(competencyStatus(competent("2026-07-20"), today, 90)).toBe("expired");
    const winterToday = londonDate(new Date("2026-12-20T23:30:00Z"));
    expect(competencyStatus(competent("2026-12-20"), winterToday, 90)).toBe("expiring");
  });

  it("counts the warning window across the switch to and from BST without an off-by-one", () => {
    expect(competencyStatus(competent("2026-04-28"), "2026-03-29", 30)).toBe("expiring");
    expect(competencyStatus(competent("2026-04-29"), "2026-03-29", 30)).toBe("competent");
    expect(competencyStatus(competent("2026-11-24"), "2026-10-25", 30)).toBe("expiring");
    expect(competencyStatus(competent("2026-11-25"), "2026-10-25", 30)).toBe("competent");
  });

  it("only competent and expiring let a worker carry out the task", () => {
    expect(isCurrent("competent")).toBe(true);
    expect(isCurrent("expiring")).toBe(true);
    for (const s of ["expired", "suspended", "revoked", "declined", "in_training"] as const) expect(isCurrent(s)).toBe(false);
  });
});

describe("expiry date", () => {
  it("is the sign-off date plus the task's validity", () => {
    expect(expiryDate("2026-11-22", 12)).toBe("2027-11-22");
    expect(expiryDate("2026-11-22", 6)).toBe("2027-05-22");
  });

  it("a leap-day sign-off expires on 28 February", () => {
    expect(expiryDate("2028-02-29", 12)).toBe("2029-02-28");
  });
});

describe("sign-off rules (rule 7)", () => {
  const base: SignOffCheck = {
    signer: { userId: 10, role: "facilitator" },
    workerUserId: 20,
    state: "in_training",
    satisfactoryObservations: 3,
    requiredObservations: 3,
    missingPrerequisites: [],
    signOffDate: "2026-11-22",
    lastSignedOffOn: null,
    lastObservationOn: "2026-11-15",
    today: "2026-11-22",
  };

  it("allows a facilitator or a nurse with enough observations", () => {
    expect(signOffProblems(base)).toEqual([]);
    expect(signOffProblems({ ...base, signer: { userId: 10, role: "nurse" } })).toEqual([]);
  });

  it("refuses too few satisfactory observations, and says how many", () => {
    expect(signOffProblems({ ...base, satisfactoryObservations: 2 }).map((p) => p.message)).toEqual([
      "Sign-off needs 3 satisfactory supervised observations; 2 are recorded",
    ]);
  });

  it("refuses anyone but a nurse or facilitator", () => {
    for (const role of ["admin", "provider_manager", "care_worker"] as const) {
      expect(signOffProblems({ ...base, signer: { userId: 10, role } })[0]?.message).toBe(
        "Only a registered nurse or a blended-role facilitator can sign off competency",
      );
    }
  });

  it("refuses signing off your own competency", () => {
    expect(signOffProblems({ ...base, workerUserId: 10 }).map((p) => p.message)).toContain("You cannot sign off your own competency");
  });

  it("refuses a sign-off dated in the future (rules 7 and 8)", () => {
    expect(signOffProblems({ ...base, signOffDate: "2026-11-23" })).toEqual([
      { field: "signedOffOn", message: "Sign-off date must be today or in the past", cause: "date" },
    ]);
  });

  it("refuses a sign-off dated before the last observation it counts; the day itself is fine (rule 7)", () => {
    expect(signOffProblems({ ...base, signOffDate: "2026-11-15" })).toEqual([]);
    expect(signOffProblems({ ...base, signOffDate: "2026-11-14" })).toEqual([
      { field: "signedOffOn", message: "Sign-off date must be on or after 15 November 2026, the date of the last supervised observation it counts", cause: "date" },
    ]);
    expect(signOffProblems({ ...base, signOffDate: "2026-11-16" })).toEqual([]);
  });

  it("refuses a sign-off older than the evidence window (rule 8)", () => {
    const old = { ...base, lastObservationOn: null };
    expect(signOffProblems({ ...old, signOffDate: "2021-11-22" })).toEqual([]);
    expect(signOffProblems({ ...old, signOffDate: "2021-11-21" })).toEqual([
      { field: "signedOffOn", message: "Sign-off date must be between 22 November 2021 and 22 November 2026", cause: "date" },
    ]);
  });

  it("refuses when a prerequisite is missing", () => {
    expect(signOffProblems({ ...base, missingPrerequisites: ["National insulin e-learning certificate"] })[0]?.message).toBe(
      "Prerequisite not met: National insulin e-learning certificate",
    );
  });

  it("a renewal needs one satisfactory observation since the last sign-off, dated after it", () => {
    const renewal = { ...base, state: "competent" as const, lastSignedOffOn: "2025-11-22" };
    expect(signOffProblems({ ...renewal, satisfactoryObservations: 1 })).toEqual([]);
    expect(signOffProblems({ ...renewal, satisfactoryObservations: 0 })[0]?.message).toMatch(/renewal needs a satisfactory supervised observation/);
    expect(signOffProblems({ ...renewal, satisfactoryObservations: 1, lastObservationOn: null, signOffDate: "2025-11-22" })[0]?.message).toBe(
      "Sign-off date must be after the last sign-off",
    );
  });

  it("a suspended, revoked or declined competency cannot be signed off", () => {
    for (const state of ["suspended", "revoked", "declined"] as const) {
      expect(signOffProblems({ ...base, state }).map((p) => p.message)).toContain(`This competency is ${state}: it cannot be signed off`);
    }
  });
});

describe("ready for sign-off (rule 7): the declaration is offered only when nothing stands in the way", () => {
  const ready: Omit<SignOffCheck, "signOffDate"> = {
    signer: { userId: 10, role: "facilitator" },
    workerUserId: 20,
    state: "in_training",
    satisfactoryObservations: 3,
    requiredObservations: 3,
    missingPrerequisites: [],
    lastSignedOffOn: null,
    lastObservationOn: "2026-11-22",
    today: "2026-11-22",
  };

  it("is ready with the observations it needs, the last one today", () => {
    expect(signOffBlockers(ready)).toEqual([]);
    expect(isReadyForSignOff(ready)).toBe(true);
  });

  it("is not ready with 2 of 3 observations, and says so with the cause to act on", () => {
    expect(isReadyForSignOff({ ...ready, satisfactoryObservations: 2 })).toBe(false);
    expect(signOffBlockers({ ...ready, satisfactoryObservations: 2 })).toEqual([
      { field: "form", message: "Sign-off needs 3 satisfactory supervised observations; 2 are recorded", cause: "observations" },
    ]);
  });

  it("is not ready while a prerequisite is missing, the competency is suspended, or for one's own", () => {
    expect(signOffBlockers({ ...ready, missingPrerequisites: ["National insulin e-learning certificate"] }).map((p) => p.cause)).toEqual(["prerequisite"]);
    expect(signOffBlockers({ ...ready, state: "suspended" }).map((p) => p.cause)).toEqual(["state"]);
    expect(signOffBlockers({ ...ready, workerUserId: 10 }).map((p) => p.cause)).toEqual(["own"]);
    expect(signOffBlockers({ ...ready, signer: { userId: 10, role: "provider_manager" } }).map((p) => p.cause)).toEqual(["role"]);
  });

  it("a renewal already signed off today is not ready until tomorrow", () => {
    const renewal = { ...ready, state: "competent" as const, satisfactoryObservations: 1, lastSignedOffOn: "2026-11-22" };
    expect(signOffBlockers(renewal).map((p) => p.message)).toEqual(["Sign-off date must be after the last sign-off"]);
    expect(isReadyForSignOff({ ...renewal, today: "2026-11-23" })).toBe(true);
  });

  it("a first sign-off needs the task's observations; a renewal needs one", () => {
    expect(observationsNeeded("in_training", 3)).toBe(3);
    expect(observationsNeeded("competent", 3)).toBe(1);
  });

  it("observations may be recorded until the competency is revoked or declined", () => {
    expect(["in_training", "competent", "suspended"].every((s) => observationsOpen(s as "in_training"))).toBe(true);
    expect(observationsOpen("revoked")).toBe(false);
    expect(observationsOpen("declined")).toBe(false);
  });
});

describe("observation rules (rule 7)", () => {
  const base = {
    observer: { role: "facilitator" as const },
    missingPrerequisites: [],
    observedOn: "2026-11-22",
    today: "2026-11-22",
    personSpecific: false,
    personId: null,
    state: null,
    prerequisitesMet: [],
    joinedProviderOn: null,
  };

  it("cannot be recorded before the prerequisites are met, and names them", () => {
    expect(observationProblems({ ...base, missingPrerequisites: ["National insulin e-learning certificate"] })[0]?.message).toBe(
      "Record the prerequisite first: National insulin e-learning certificate. Supervised practice cannot start without it",
    );
  });

  it("a person-specific task needs the person", () => {
    expect(observationProblems({ ...base, personSpecific: true })[0]?.message).toMatch(/person-specific/);
    expect(observationProblems({ ...base, personSpecific: true, personId: 4 })).toEqual([]);
  });

  it("no future dates and only nurses or facilitators observe", () => {
    expect(observationProblems({ ...base, observedOn: "2026-11-23" })[0]?.message).toBe("Date of the observation must be today or in the past");
    expect(observationProblems({ ...base, observer: { role: "provider_manager" } })).toHaveLength(1);
  });
});

describe("observation dates (rules 7 and 8)", () => {
  const base = {
    observer: { role: "facilitator" as const },
    missingPrerequisites: [],
    observedOn: "2026-11-22",
    today: "2026-11-22",
    personSpecific: false,
    personId: null,
    state: null,
    prerequisitesMet: [{ name: "National insulin e-learning certificate", achievedOn: "2026-03-03" }],
    joinedProviderOn: "2025-06-01",
  };

  it("not before the prerequisite was completed: the day itself is fine, the day before is refused and names the date", () => {
    expect(observationProblems({ ...base, observedOn: "2026-03-03" })).toEqual([]);
    expect(observationProblems({ ...base, observedOn: "2026-03-02" })).toEqual([
      {
        field: "observedOn",
        message: "Date of the observation must be on or after 3 March 2026, when the National insulin e-learning certificate was completed: supervised practice comes after it",
      },
    ]);
    expect(observationProblems({ ...base, observedOn: "1999-11-23" })[0]?.message).toMatch(/on or after 3 March 2026/);
  });

  it("not before the worker joined their provider", () => {
    const noPrerequisite = { ...base, prerequisitesMet: [] };
    expect(observationProblems({ ...noPrerequisite, observedOn: "2025-06-01" })).toEqual([]);
    expect(observationProblems({ ...noPrerequisite, observedOn: "2025-05-31" })[0]?.message).toBe(
      "Date of the observation must be on or after 1 June 2025, the day the care worker joined their provider",
    );
  });

  it("not older than the evidence window when nothing else limits it", () => {
    const free = { ...base, prerequisitesMet: [], joinedProviderOn: null };
    expect(observationProblems({ ...free, observedOn: "2021-11-22" })).toEqual([]);
    expect(observationProblems({ ...free, observedOn: "2021-11-21" })[0]?.message).toBe("Date of the observation must be between 22 November 2021 and 22 November 2026");
  });

  it("the window is exposed for the page: the latest prerequisite wins", () => {
    const w = observationDateWindow({ today: "2026-11-22", joinedProviderOn: "2026-04-01", prerequisitesMet: [{ name: "A", achievedOn: "2026-02-01" }, { name: "B", achievedOn: "2026-05-01" }] });
    expect(w.earliest).toBe("2026-05-01");
    expect(w.latest).toBe("2026-11-22");
  });
});

describe("striking out an observation (rules 7 and 14)", () => {
  const check = { role: "facilitator" as const, observedOn: "2026-11-20", struckOut: false, lastSignedOffOn: null };
  it("a nurse or facilitator may strike out an observation not yet counted by a sign-off", () => {
    expect(strikeOutProblems(check)).toEqual([]);
    expect(strikeOutProblems({ ...check, role: "nurse" })).toEqual([]);
    expect(strikeOutProblems({ ...check, lastSignedOffOn: "2026-11-19" })).toEqual([]);
  });
  it("refuses anyone else, a second strike-out, and an observation a sign-off counted (the sign-off day itself included)", () => {
    expect(strikeOutProblems({ ...check, role: "provider_manager" })).toHaveLength(1);
    expect(strikeOutProblems({ ...check, struckOut: true })).toEqual(["This observation has already been struck out"]);
    expect(strikeOutProblems({ ...check, reason: "  " })).toEqual(["Say why this observation is being struck out"]);
    expect(strikeOutProblems({ ...check, reason: "Wrong worker" })).toEqual([]);
    expect(strikeOutProblems({ ...check, lastSignedOffOn: "2026-11-20" })[0]).toMatch(/^This observation was counted by the sign-off on 20 November 2026/);
  });
});

describe("state changes", () => {
  it("assessors suspend live competencies, reinstate suspended ones and revoke; workers decline their own", () => {
    expect(allowedActions("competent", "facilitator", false)).toEqual(["suspend", "revoke"]);
    expect(allowedActions("suspended", "nurse", false)).toEqual(["reinstate", "revoke"]);
    expect(allowedActions("revoked", "nurse", false)).toEqual([]);
    expect(allowedActions("competent", "care_worker", true)).toEqual(["decline"]);
    expect(allowedActions("competent", "care_worker", false)).toEqual([]);
    expect(allowedActions("competent", "provider_manager", false)).toEqual([]);
  });

  it("reinstating returns to competent only when there was a sign-off", () => {
    expect(stateAfter("reinstate", true)).toBe("competent");
    expect(stateAfter("reinstate", false)).toBe("in_training");
  });
});
