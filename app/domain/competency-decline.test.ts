import { describe, expect, it } from "vitest";
import { currentSignOff, type CompetencyStatus } from "./competency";

const signedOff = (status: CompetencyStatus) => ({ status, signedOffOn: "2026-01-10", expiresOn: "2027-01-10" });

describe("declining a task (docs/domain.md rule 12)", () => {
  it("a declined or revoked competency has no current sign-off or expiry to show", () => {
    expect(currentSignOff(signedOff("declined"))).toBeNull();
    expect(currentSignOff(signedOff("revoked"))).toBeNull();
  });

  it("every other status keeps its dates (a suspension is reinstated with the same expiry)", () => {
    for (const status of ["competent", "expiring", "expired", "suspended", "in_training"] as const) {
      expect(currentSignOff(signedOff(status))).toEqual({ signedOffOn: "2026-01-10", expiresOn: "2027-01-10" });
    }
  });
});
