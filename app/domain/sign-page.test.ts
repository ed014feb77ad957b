import { describe, expect, it } from "vitest";
import { partyRoleLabel, type Party } from "./agreement";
import { signPageAnswer, type SignPageFacts } from "./signing";

const words = { formatWhen: (s: string) => `on-${s}`, partyLabel: (p: Party) => partyRoleLabel(p) };
const base: SignPageFacts = {
  requestedVersion: null,
  agreementState: "awaiting_signatures",
  inForceVersion: null,
  current: { version: 1, state: "awaiting_signatures" },
  shown: { version: 1, state: "awaiting_signatures" },
  unsignedOnCurrent: ["provider"],
  partiesForMe: ["provider"],
  signaturesForMe: [],
};

describe("what the sign page says (docs/domain.md rule 2)", () => {
  it("offers the form only for the current version waiting for this user's signature", () => {
    expect(signPageAnswer(base, words)).toEqual({ kind: "sign", notice: null });
  });

  it("after signing: 'You have already signed version 1', with when and as whom", () => {
    const answer = signPageAnswer({ ...base, unsignedOnCurrent: [], signaturesForMe: [{ party: "provider", signerName: "Sam Patel", byMe: true, signedAt: "T" }] }, words);
    expect(answer).toMatchObject({ kind: "explain", heading: "You have already signed version 1", signCurrent: false });
    expect(answer.kind === "explain" && answer.lines).toEqual(["You signed it on on-T, as care provider.", "It is still waiting for other parties' signatures. You will be told when it is active."]);
  });

  it("another manager already signed for the provider: says who and when", () => {
    const answer = signPageAnswer({ ...base, unsignedOnCurrent: [], signaturesForMe: [{ party: "provider", signerName: "Sam Patel", byMe: false, signedAt: "T" }] }, words);
    expect(answer).toMatchObject({ kind: "explain", heading: "Version 1 has already been signed for you" });
  });

  it("a link to a version replaced before it was signed says so, and leads to the current one", () => {
    const answer = signPageAnswer(
      { ...base, requestedVersion: 1, current: { version: 2, state: "awaiting_signatures" }, shown: { version: 1, state: "withdrawn" }, unsignedOnCurrent: ["provider"] },
      words,
    );
    expect(answer).toMatchObject({ kind: "explain", heading: "Version 1 is no longer waiting for signatures", signCurrent: true });
    expect(answer.kind === "explain" && answer.lines.join(" ")).toContain("Version 2 replaced it and is waiting for your signature.");
  });

  it("active, ended, or still a draft: says what happened, never 'not allowed'", () => {
    const active = signPageAnswer({ ...base, agreementState: "active", inForceVersion: 1, current: { version: 1, state: "signed" }, shown: { version: 1, state: "signed" }, unsignedOnCurrent: [], signaturesForMe: [{ party: "provider", signerName: "Sam", byMe: true, signedAt: "T" }] }, words);
    expect(active.kind === "explain" && active.lines).toContain("Every party has signed it and it is active.");
    const ended = signPageAnswer({ ...base, agreementState: "ended", current: { version: 1, state: "withdrawn" }, shown: { version: 1, state: "withdrawn" }, unsignedOnCurrent: [] }, words);
    expect(ended).toMatchObject({ kind: "explain", heading: "Version 1 is not waiting for signatures", lines: ["The agreement has ended: there is nothing more to sign."] });
    const draft = signPageAnswer({ ...base, agreementState: "draft", current: { version: 1, state: "draft" }, shown: { version: 1, state: "draft" }, unsignedOnCurrent: [] }, words);
    expect(draft).toMatchObject({ kind: "explain", heading: "Version 1 is not waiting for signatures" });
  });

  it("someone who signs for no party here has nothing to sign (the page refuses them as before)", () => {
    expect(signPageAnswer({ ...base, unsignedOnCurrent: [], partiesForMe: [] }, words)).toEqual({ kind: "nothing_to_sign" });
  });
});
