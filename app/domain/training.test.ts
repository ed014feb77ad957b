import { describe, expect, it } from "vitest";
import { attendanceProblem } from "./training";

describe("training attendance (rule 8)", () => {
  it("outcomes are recorded on or after the session date; a session ahead may be scheduled with no register", () => {
    expect(attendanceProblem("2026-11-22", "2026-11-22", 3)).toBeNull();
    expect(attendanceProblem("2026-11-21", "2026-11-22", 3)).toBeNull();
    expect(attendanceProblem("2026-11-23", "2026-11-22", 0)).toBeNull();
    expect(attendanceProblem("2026-11-23", "2026-11-22", 1)).toBe("Attendance can be recorded from 23 November 2026, the day of the session");
  });
});
