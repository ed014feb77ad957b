import { describe, expect, it } from "vitest";
import { DATE_WINDOWS, dateWindowProblem, narrow, nextReviewDateWindow, reviewDateWindow, reviewedOnWindow } from "./date-windows";

const T = "2026-11-30";

/** The window's own edges are allowed; one day either side is not. */
function edges(label: string, window: ReturnType<typeof DATE_WINDOWS.evidence>, before: string, first: string, last: string, after: string) {
  expect(dateWindowProblem(label, first, window)).toBeNull();
  expect(dateWindowProblem(label, last, window)).toBeNull();
  expect(dateWindowProblem(label, before, window)).not.toBeNull();
  expect(dateWindowProblem(label, after, window)).not.toBeNull();
}

describe("date windows (docs/domain.md rule 8)", () => {
  it("date of birth: at most 120 years ago, not in the future", () => {
    edges("Date of birth", DATE_WINDOWS.dateOfBirth(T), "1906-11-29", "1906-11-30", T, "2026-12-01");
    expect(dateWindowProblem("Date of birth", "1900-01-01", DATE_WINDOWS.dateOfBirth(T))).toBe("Date of birth must be between 30 November 1906 and 30 November 2026");
    expect(dateWindowProblem("Date of birth", "2026-12-01", DATE_WINDOWS.dateOfBirth(T))).toBe("Date of birth must be today or in the past");
  });

  it("Care Certificate: not before it was introduced (1 April 2015)", () => {
    edges("Date the Care Certificate was awarded", DATE_WINDOWS.careCertificate(T), "2015-03-31", "2015-04-01", T, "2026-12-01");
  });

  it("evidence of practice: the last 5 years (the longest competency validity)", () => {
    edges("Date of the observation", DATE_WINDOWS.evidence(T), "2021-11-29", "2021-11-30", T, "2026-12-01");
  });

  it("other past records: the last 10 years", () => {
    edges("Date achieved", DATE_WINDOWS.pastRecord(T), "2016-11-29", "2016-11-30", T, "2026-12-01");
  });

  it("a training session may be scheduled up to a year ahead", () => {
    edges("Date of the session", DATE_WINDOWS.trainingSession(T), "2016-11-29", "2016-11-30", "2027-11-30", "2027-12-01");
  });

  it("agreement start: a year either side of today, with the range in the message", () => {
    edges("Start date", DATE_WINDOWS.agreementStart(T), "2025-11-29", "2025-11-30", "2027-11-30", "2027-12-01");
    expect(dateWindowProblem("Start date", "1900-01-01", DATE_WINDOWS.agreementStart(T))).toBe("Start date must be between 30 November 2025 and 30 November 2027");
  });

  it("a concern: when it happened, at most a year ago and not in the future", () => {
    edges("Date it happened", DATE_WINDOWS.concern(T), "2025-11-29", "2025-11-30", T, "2026-12-01");
    expect(dateWindowProblem("Date it happened", "2026-12-01", DATE_WINDOWS.concern(T))).toBe("Date it happened must be today or in the past");
  });

  it("consent: not before the person was born, and at most a year ago", () => {
    const w = DATE_WINDOWS.consent(T, "1940-05-04");
    edges("Date of consent", w, "2025-11-29", "2025-11-30", T, "2026-12-01");
    expect(dateWindowProblem("Date of consent", "1901-01-01", w)).toBe("Date of consent must be between 30 November 2025 and 30 November 2026");
    const baby = DATE_WINDOWS.consent(T, "2026-06-01");
    expect(dateWindowProblem("Date of consent", "2026-05-31", baby)).toBe("Date of consent must be on or after 1 June 2026, the person's date of birth");
    expect(dateWindowProblem("Date of consent", "2026-06-01", baby)).toBeNull();
  });

  it("review windows: after the start, within the shortest interval", () => {
    edges("Review date", reviewDateWindow("2026-11-30", [3, 6]), "2026-11-30", "2026-12-01", "2027-02-28", "2027-03-01");
    edges("Date of the review", reviewedOnWindow(T, "2026-06-01"), "2026-05-31", "2026-06-01", T, "2026-12-01");
    edges("Next review date", nextReviewDateWindow(T, T, [3]), T, "2026-12-01", "2027-02-28", "2027-03-01");
  });

  it("narrowing keeps the tighter bound and its reason; a looser one changes nothing", () => {
    const w = narrow(DATE_WINDOWS.evidence(T), { earliest: "2026-03-03", because: ", when the e-learning was completed" });
    expect(dateWindowProblem("Date of the observation", "2026-03-02", w)).toBe("Date of the observation must be on or after 3 March 2026, when the e-learning was completed");
    expect(narrow(w, { earliest: "2020-01-01", because: ", ignored" })).toEqual(w);
  });

  it("an empty window says when the date can first be recorded", () => {
    const w = narrow(DATE_WINDOWS.evidence(T), { earliest: "2026-12-05", because: ", the day the session is held" });
    expect(dateWindowProblem("Date of the observation", T, w)).toBe("Date of the observation cannot be recorded yet: it must be on or after 5 December 2026, the day the session is held");
  });
});

describe("example dates in hints (issue 14)", () => {
  it("come from each field's window: near today for a start, about 80 years ago for a date of birth", async () => {
    const { exampleDate } = await import("./date-windows");
    expect(exampleDate(DATE_WINDOWS.agreementStart("2026-12-01"))).toBe("2026-12-01");
    expect(exampleDate(DATE_WINDOWS.dateOfBirth("2026-12-01"))).toBe("1946-12-01");
    expect(exampleDate(DATE_WINDOWS.evidence("2026-12-01"))).toBe("2026-12-01");
    // A window that starts tomorrow gives tomorrow, never a day it would refuse.
    expect(exampleDate({ earliest: "2026-12-02", latest: "2027-06-01", earliestIsTomorrow: true })).toBe("2026-12-02");
  });
});
