import { describe, expect, it } from "vitest";
import { followUpFor } from "./competency-follow-up";

describe("the follow-up after any competency change (docs/domain.md rule 5)", () => {
  it("an agreement waiting for signatures is tried for activation, then its cover checked", () => {
    expect(followUpFor({ state: "awaiting_signatures", currentVersionState: "awaiting_signatures" })).toEqual(["try_activation", "enforce_interlock"]);
  });

  it("an active agreement with an amendment waiting for signatures: the same", () => {
    expect(followUpFor({ state: "active", currentVersionState: "awaiting_signatures" })).toEqual(["try_activation", "enforce_interlock"]);
  });

  it("a live agreement with nothing waiting: only its cover", () => {
    expect(followUpFor({ state: "active", currentVersionState: "signed" })).toEqual(["enforce_interlock"]);
    expect(followUpFor({ state: "suspended", currentVersionState: "draft" })).toEqual(["enforce_interlock"]);
  });

  it("an ended agreement: nothing", () => {
    expect(followUpFor({ state: "ended", currentVersionState: "awaiting_signatures" })).toEqual([]);
  });
});
