import { describe, expect, it } from "vitest";
import { maySignInApp, paperRefusal, signingRights, type Signer, type SigningParty } from "./signing";

// The agreement: team 1, provider 10, delegating nurse user 100.
const AGREEMENT = { teamId: 1, providerId: 10, delegatorId: 100 };

const SIGNERS: Record<string, Signer> = {
  "delegating nurse": { role: "nurse", userId: 100, organisationId: 1, teamIds: [1] },
  "another nurse of the team": { role: "nurse", userId: 101, organisationId: 1, teamIds: [1] },
  "a nurse of another team": { role: "nurse", userId: 102, organisationId: 2, teamIds: [2] },
  "facilitator of the team": { role: "facilitator", userId: 103, organisationId: 1, teamIds: [1] },
  "manager of the provider": { role: "provider_manager", userId: 200, organisationId: 10, teamIds: [] },
  "manager of another provider": { role: "provider_manager", userId: 201, organisationId: 11, teamIds: [] },
  "worker with a sign-in (Maria)": { role: "care_worker", userId: 300, organisationId: 10, teamIds: [] },
  "another worker with a sign-in": { role: "care_worker", userId: 301, organisationId: 10, teamIds: [] },
  admin: { role: "admin", userId: 1, organisationId: null, teamIds: [] },
};

const PARTIES: Record<string, SigningParty> = {
  delegator: { party: "delegator", workerUserId: null },
  provider: { party: "provider", workerUserId: null },
  "Maria (has a sign-in)": { party: "worker:7", workerUserId: 300 },
  "James (no sign-in)": { party: "worker:8", workerUserId: null },
  person: { party: "person", workerUserId: null },
};

// Every signer x every party: [may sign in the app, may record on paper] (docs/domain.md rule 2).
const EXPECTED: Record<string, Record<string, [boolean, boolean]>> = {
  "delegating nurse": { delegator: [true, false], provider: [false, false], "Maria (has a sign-in)": [false, false], "James (no sign-in)": [false, true], person: [false, true] },
  "another nurse of the team": { delegator: [false, false], provider: [false, false], "Maria (has a sign-in)": [false, false], "James (no sign-in)": [false, true], person: [false, true] },
  "a nurse of another team": { delegator: [false, false], provider: [false, false], "Maria (has a sign-in)": [false, false], "James (no sign-in)": [false, false], person: [false, false] },
  "facilitator of the team": { delegator: [false, false], provider: [false, false], "Maria (has a sign-in)": [false, false], "James (no sign-in)": [false, false], person: [false, false] },
  "manager of the provider": { delegator: [false, false], provider: [true, false], "Maria (has a sign-in)": [false, false], "James (no sign-in)": [false, true], person: [false, true] },
  "manager of another provider": { delegator: [false, false], provider: [false, false], "Maria (has a sign-in)": [false, false], "James (no sign-in)": [false, false], person: [false, false] },
  "worker with a sign-in (Maria)": { delegator: [false, false], provider: [false, false], "Maria (has a sign-in)": [true, false], "James (no sign-in)": [false, false], person: [false, false] },
  "another worker with a sign-in": { delegator: [false, false], provider: [false, false], "Maria (has a sign-in)": [false, false], "James (no sign-in)": [false, false], person: [false, false] },
  admin: { delegator: [false, false], provider: [false, false], "Maria (has a sign-in)": [false, false], "James (no sign-in)": [false, false], person: [false, false] },
};

describe("who may sign for whom (rule 2)", () => {
  for (const [signerName, signer] of Object.entries(SIGNERS)) {
    for (const [partyName, party] of Object.entries(PARTIES)) {
      const [inApp, onPaper] = EXPECTED[signerName]![partyName]!;
      it(`${signerName} ${inApp ? "signs" : "does not sign"} in the app and ${onPaper ? "may" : "may not"} record on paper for the ${partyName}`, () => {
        expect(maySignInApp(signer, AGREEMENT, party)).toBe(inApp);
        expect(paperRefusal(signer, AGREEMENT, party) === null).toBe(onPaper);
      });
    }
  }

  it("a manager cannot record a paper signature for the delegating nurse, the provider or a worker who signs in", () => {
    const manager = SIGNERS["manager of the provider"]!;
    expect(paperRefusal(manager, AGREEMENT, PARTIES.delegator!)).toMatch(/delegating nurse signs .* in the app themselves/);
    expect(paperRefusal(manager, AGREEMENT, PARTIES.provider!)).toMatch(/manager of the provider signs for the provider in the app/);
    expect(paperRefusal(manager, AGREEMENT, PARTIES["Maria (has a sign-in)"]!)).toMatch(/own sign-in/);
  });

  it("lists the parties a user may sign and record, in one answer", () => {
    expect(signingRights(SIGNERS["manager of the provider"]!, AGREEMENT, Object.values(PARTIES))).toEqual({ inApp: ["provider"], onPaper: ["worker:8", "person"] });
    expect(signingRights(SIGNERS["delegating nurse"]!, AGREEMENT, Object.values(PARTIES))).toEqual({ inApp: ["delegator"], onPaper: ["worker:8", "person"] });
  });
});
