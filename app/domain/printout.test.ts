import { describe, expect, it } from "vitest";
import { agreementStatus, agreementStatusLabel } from "./agreement";
import { inForceFrom, isUsable, printoutStatus, printoutWords, type PrintoutAgreement, type PrintoutVersion } from "./printout";

const TODAY = "2026-11-22";
const active: PrintoutAgreement = { state: "active", inForceVersion: 1, stateChangedAt: "2026-09-01T13:00:00.000Z", stateReason: "" };
const v1: PrintoutVersion = { version: 1, state: "signed", startDate: "2026-09-01", activatedAt: "2026-09-03T14:00:00.000Z" };

const words = (agreement: PrintoutAgreement, version: PrintoutVersion, today = TODAY) => {
  const status = printoutStatus({ agreement, version, today });
  return { status, usable: isUsable(status), ...printoutWords(status, version.version) };
};

describe("what a printout says about itself on the day (rule 11)", () => {
  it("in force: the version in force of an active agreement whose start date has come, in force since the later of signing and start", () => {
    const w = words(active, v1);
    expect(w.status).toEqual({ kind: "in_force", since: "2026-09-03" });
    expect(w.usable).toBe(true);
    expect(w.heading).toBe("This printout is the version in force");
    expect(w.sentence).toBe("Version 1 is signed by every party and has been in force since 3 September 2026.");
    expect(w.watermark).toBeNull();
  });

  it("in force from the start date when every party signed before it", () => {
    expect(inForceFrom({ startDate: "2026-11-30", activatedAt: "2026-11-23T10:00:00.000Z" })).toBe("2026-11-30");
    expect(inForceFrom({ startDate: "2026-11-20", activatedAt: "2026-11-23T10:00:00.000Z" })).toBe("2026-11-23");
    // Signed at 11:30pm London time on 23 June (BST) is the 23rd, not the UTC 23rd's next day.
    expect(inForceFrom({ startDate: "2026-06-01", activatedAt: "2026-06-23T22:30:00.000Z" })).toBe("2026-06-23");
    expect(inForceFrom({ startDate: "2026-06-01", activatedAt: null })).toBeNull();
    expect(words(active, { ...v1, startDate: "2026-11-30", activatedAt: "2026-11-23T10:00:00.000Z" }, "2026-11-30").status).toEqual({ kind: "in_force", since: "2026-11-30" });
  });

  it("not yet in force: fully signed on 23 November, starting 30 November, printed on 25 November", () => {
    const signedEarly = { ...v1, startDate: "2026-11-30", activatedAt: "2026-11-23T10:00:00.000Z" };
    const w = words(active, signedEarly, "2026-11-25");
    expect(w.status).toEqual({ kind: "not_yet_in_force", startsOn: "2026-11-30" });
    expect(w.usable).toBe(false);
    expect(w.label).toBe("Not yet in force");
    expect(w.sentence).toBe("Version 1 is signed by every party, and starts on 30 November 2026.");
    expect(w.advice).toBe("Nobody may carry out its tasks before 30 November 2026.");
    expect(w.sentence).not.toContain("23 November");
  });

  it("suspended: says since when and why, and that it must not be used", () => {
    const suspended: PrintoutAgreement = { ...active, state: "suspended", stateChangedAt: "2026-10-14T16:00:00.000Z", stateReason: "No named care worker is competent for Urinary catheter care" };
    const w = words(suspended, v1);
    expect(w.status).toEqual({ kind: "suspended", since: "2026-10-14", reason: "No named care worker is competent for Urinary catheter care" });
    expect(w.usable).toBe(false);
    expect(w.heading).toBe("This agreement is suspended");
    expect(w.sentence).toBe("The agreement has been suspended since 14 October 2026: No named care worker is competent for Urinary catheter care.");
    expect(w.advice).toContain("Do not use this printout");
    expect(w.watermark).toBe("Suspended: do not use");
    expect(`${w.heading} ${w.sentence} ${w.advice}`).not.toMatch(/is the version in force|has been in force/);
  });

  it("ended: every version of an ended agreement, including a draft never sent", () => {
    const ended: PrintoutAgreement = { ...active, state: "ended", stateChangedAt: "2026-09-23T10:00:00.000Z", stateReason: "Raymond now manages his own monitoring." };
    expect(words(ended, v1).status).toEqual({ kind: "ended", on: "2026-09-23", reason: "Raymond now manages his own monitoring." });
    const draft = words({ ...ended, inForceVersion: null }, { version: 1, state: "draft", startDate: "2026-09-01", activatedAt: null });
    expect(draft.status.kind).toBe("ended");
    expect(draft.sentence).toBe("The agreement ended on 23 September 2026: Raymond now manages his own monitoring.");
    expect(draft.usable).toBe(false);
    expect(draft.watermark).toBe("Ended: do not use");
  });

  it("superseded: a signed version that a later one replaced names the version in force", () => {
    const w = words({ ...active, inForceVersion: 2 }, { ...v1, state: "superseded" });
    expect(w.status).toEqual({ kind: "superseded", byVersion: 2 });
    expect(w.sentence).toBe("It is no longer in force: version 2 replaced it.");
    expect(w.usable).toBe(false);
  });

  it("pending: a version 2 still awaiting signatures is not 'replaced by version 1'", () => {
    const w = words(active, { version: 2, state: "awaiting_signatures", startDate: "2026-09-01", activatedAt: null });
    expect(w.status).toEqual({ kind: "pending" });
    expect(w.heading).toBe("This printout has not been signed by every party");
    expect(w.sentence).toBe("Version 2 is still waiting for signatures, so it is not in force.");
    expect(w.sentence).not.toContain("replaced");
    expect(w.usable).toBe(false);
    // Printed for discussion only (issue 13, item 10): marked so on every page.
    expect(w.watermark).toBe("Not signed: for discussion");
  });

  it("withdrawn: a version replaced by an amendment before every party signed it", () => {
    const withdrawn = words(active, { version: 2, state: "withdrawn", startDate: "2026-09-01", activatedAt: null });
    expect(withdrawn.status).toEqual({ kind: "withdrawn" });
    expect(withdrawn.heading).toBe("This printout was never signed by every party");
    expect(withdrawn.sentence).toBe("Version 2 was withdrawn before every party signed it, so it never came into force.");
    expect(withdrawn.usable).toBe(false);
    expect(withdrawn.watermark).toBe("Draft: not valid for use");
  });

  it("draft: a version not yet sent for signatures", () => {
    const none: PrintoutAgreement = { state: "draft", inForceVersion: null, stateChangedAt: null, stateReason: "" };
    const draft = words(none, { version: 1, state: "draft", startDate: "2026-12-01", activatedAt: null });
    expect(draft.status).toEqual({ kind: "draft" });
    expect(draft.sentence).toBe("Version 1 is a draft: it has not been sent for signatures.");
    expect(draft.usable).toBe(false);
    expect(draft.watermark).toBe("Not signed: for discussion");
  });

  it("only the in-force case may be used", () => {
    const usable = (["in_force", "not_yet_in_force", "suspended", "ended", "superseded", "pending", "withdrawn", "draft"] as const).filter((kind) =>
      isUsable({ kind, since: TODAY, startsOn: TODAY, on: TODAY, reason: "", byVersion: 2 } as never),
    );
    expect(usable).toEqual(["in_force"]);
  });
});

describe("the status shown wherever an agreement is listed", () => {
  it("a signed agreement before its start date reads 'Signed, starts 30 November 2026', never 'Active'", () => {
    const a = { state: "active" as const, startDate: "2026-11-30", reviewDate: "2027-05-30" };
    const status = agreementStatus(a, "2026-11-23", 30);
    expect(agreementStatusLabel(status, a.startDate)).toBe("Signed, starts 30 November 2026");
    expect(agreementStatusLabel(agreementStatus(a, "2026-11-30", 30), a.startDate)).toBe("Active");
    expect(agreementStatusLabel("suspended", a.startDate)).toBe("Suspended");
  });
});
