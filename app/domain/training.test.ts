import { describe, expect, it } from "vitest";
import { dateWindowProblem } from "./date-windows";
import { attendanceProblem, isUpcoming, registerProblem, scheduledSessionWindow, sessionChangeProblem, sessionStatus } from "./training";

describe("training attendance (rule 8)", () => {
  it("outcomes are recorded on or after the session date; a session ahead may be scheduled with no register", () => {
    expect(attendanceProblem("2026-11-22", "2026-11-22", 3)).toBeNull();
    expect(attendanceProblem("2026-11-21", "2026-11-22", 3)).toBeNull();
    expect(attendanceProblem("2026-11-23", "2026-11-22", 0)).toBeNull();
    expect(attendanceProblem("2026-11-23", "2026-11-22", 1)).toBe("Attendance can be recorded from 23 November 2026, the day of the session");
  });

  it("the register opens on the session's day, never for a cancelled session, and only once (rules 8 and 14)", () => {
    const ahead = { heldOn: "2026-11-29", cancelledAt: null, attendees: 0 };
    expect(registerProblem(ahead, "2026-11-28")).toBe("Attendance can be recorded from 29 November 2026, the day of the session");
    expect(registerProblem(ahead, "2026-11-29")).toBeNull();
    expect(registerProblem({ ...ahead, cancelledAt: "2026-11-25T10:00:00.000Z" }, "2026-11-29")).toBe("This session was cancelled: no attendance can be recorded for it");
    expect(registerProblem({ ...ahead, attendees: 2 }, "2026-11-30")).toBe("Attendance at this session has already been recorded");
  });
});

describe("a session's status", () => {
  const session = { heldOn: "2026-11-29", cancelledAt: null, attendees: 0 };
  it("is scheduled until its day, then waits for its register, then is held", () => {
    expect(sessionStatus(session, "2026-11-28")).toBe("scheduled");
    expect(sessionStatus(session, "2026-11-29")).toBe("register_open");
    expect(sessionStatus(session, "2026-12-05")).toBe("register_open");
    expect(sessionStatus({ ...session, attendees: 3 }, "2026-12-05")).toBe("held");
    expect(sessionStatus({ ...session, cancelledAt: "2026-11-20T09:00:00.000Z" }, "2026-11-28")).toBe("cancelled");
  });

  it("is upcoming from today on, until it is held or cancelled", () => {
    expect(isUpcoming(session, "2026-11-29")).toBe(true);
    expect(isUpcoming(session, "2026-11-30")).toBe(false);
    expect(isUpcoming({ ...session, cancelledAt: "2026-11-20T09:00:00.000Z" }, "2026-11-20")).toBe(false);
  });
});

describe("changing or cancelling a scheduled session (rules 8 and 14)", () => {
  const session = { heldOn: "2026-11-29", cancelledAt: null, attendees: 0 };
  it("is allowed until and on its day, not after it, not once attendance is recorded or it was cancelled", () => {
    expect(sessionChangeProblem(session, "2026-11-22")).toBeNull();
    expect(sessionChangeProblem(session, "2026-11-29")).toBeNull();
    expect(sessionChangeProblem(session, "2026-11-30")).toMatch(/date has passed/);
    expect(sessionChangeProblem({ ...session, attendees: 1 }, "2026-11-29")).toMatch(/Attendance at this session has been recorded/);
    expect(sessionChangeProblem({ ...session, cancelledAt: "2026-11-25T10:00:00.000Z" }, "2026-11-26")).toMatch(/has been cancelled/);
  });

  it("a session is moved to today or a day ahead, at most a year ahead", () => {
    const window = scheduledSessionWindow("2026-11-22");
    expect(dateWindowProblem("Date of the session", "2026-11-22", window)).toBeNull();
    expect(dateWindowProblem("Date of the session", "2027-11-22", window)).toBeNull();
    expect(dateWindowProblem("Date of the session", "2027-11-23", window)).toBe("Date of the session must be between 22 November 2026 and 22 November 2027");
    expect(dateWindowProblem("Date of the session", "2026-11-21", window)).toBe(
      "Date of the session must be on or after 22 November 2026 (today). To record a session that has already taken place, use \u201cRecord a training session\u201d",
    );
  });
});
