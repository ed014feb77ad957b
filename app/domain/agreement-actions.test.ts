import { describe, expect, it } from "vitest";
import type { StoredAgreementState } from "./agreement";
import { agreementActions, changeRefusal, mayManageAgreements, mayPrintAll, type ActionActor, type AgreementChange } from "./agreement-actions";
import { ROLES, type Role } from "./roles";

const nurse: ActionActor = { role: "nurse", userId: 7, organisationId: 1, teamIds: [1] };
const actorAs = (role: Role, over: Partial<ActionActor> = {}): ActionActor => ({ ...nurse, role, ...over });
const agreement = (state: StoredAgreementState, inForceVersion: number | null = state === "draft" || state === "awaiting_signatures" ? null : 1) => ({
  reference: "DA-2026-000042",
  state,
  inForceVersion,
  delegatorId: 7,
  teamId: 1,
  providerId: 2,
  everSent: state !== "draft",
  concerns: 0,
});
const version = (state: string, n = 1) => ({ version: n, state, parties: [], signed: [] });
const CHANGES: AgreementChange[] = ["edit", "consent", "amend", "review", "suspend", "reinstate", "end"];
const allowed = (a: ReturnType<typeof agreement>, v: ReturnType<typeof version>, actor = nurse) => CHANGES.filter((c) => agreementActions(a, v, actor)[c]);

describe("what a nurse may do with an agreement, by its state", () => {
  it("a draft: change it, record consent and end it; nothing that needs a signed version", () => {
    expect(allowed(agreement("draft"), version("draft"))).toEqual(["edit", "consent", "end"]);
  });

  it("awaiting signatures: the version is frozen (rule 6), so amend rather than change it", () => {
    expect(allowed(agreement("awaiting_signatures"), version("awaiting_signatures"))).toEqual(["consent", "amend", "end"]);
  });

  it("active: review, amend, suspend or end it", () => {
    expect(allowed(agreement("active"), version("signed"))).toEqual(["consent", "amend", "review", "suspend", "end"]);
  });

  it("active while an amendment is drafted: change the draft, not amend it again", () => {
    expect(allowed(agreement("active"), version("draft", 2))).toEqual(["edit", "consent", "review", "suspend", "end"]);
  });

  it("suspended with a version in force: reinstate it; without one, not", () => {
    expect(allowed(agreement("suspended"), version("signed"))).toEqual(["consent", "amend", "review", "reinstate", "end"]);
    expect(allowed(agreement("suspended", null), version("awaiting_signatures"))).not.toContain("reinstate");
  });

  it("ended: nothing (docs/domain.md rule 14: it stays as a record)", () => {
    expect(allowed(agreement("ended"), version("signed"))).toEqual([]);
    expect(allowed(agreement("ended"), version("draft", 2))).toEqual([]);
  });
});

describe("only a nurse changes an agreement", () => {
  it("no other role may make any change, whatever the state", () => {
    for (const role of ROLES.filter((r) => r !== "nurse")) {
      for (const state of ["draft", "awaiting_signatures", "active", "suspended", "ended"] as const) {
        expect(allowed(agreement(state), version(state === "draft" ? "draft" : "signed"), actorAs(role))).toEqual([]);
      }
      expect(mayManageAgreements(role)).toBe(false);
    }
    expect(mayManageAgreements("nurse")).toBe(true);
  });

  it("a refusal says whether the role or the state stands in the way, in words for the user", () => {
    expect(changeRefusal("suspend", agreement("active"), version("signed"), actorAs("provider_manager"))).toEqual({ because: "role", message: "Only a nurse on the agreement's team can suspend it" });
    expect(changeRefusal("consent", agreement("draft"), version("draft"), actorAs("care_worker"))).toEqual({ because: "role", message: "Only a nurse on the agreement's team can record consent" });
    expect(changeRefusal("suspend", agreement("draft"), version("draft"), nurse)).toEqual({ because: "state", message: "Only an active agreement can be suspended" });
    expect(changeRefusal("edit", agreement("active"), version("signed", 3), nurse)).toEqual({
      because: "state",
      message: "Version 3 has been sent for signatures and cannot be changed. Amend the agreement to make a new version.",
    });
    expect(changeRefusal("amend", agreement("active"), version("draft", 2), nurse)?.message).toBe("Version 2 is already a draft: change it directly");
    expect(changeRefusal("amend", agreement("ended"), version("signed"), nurse)?.message).toBe("This agreement has ended and cannot be amended");
    expect(changeRefusal("end", agreement("ended"), version("signed"), nurse)?.message).toBe("This agreement has already ended");
    expect(changeRefusal("review", agreement("awaiting_signatures"), version("awaiting_signatures"), nurse)?.message).toBe("Only an active or suspended agreement can be reviewed");
    expect(changeRefusal("reinstate", agreement("active"), version("signed"), nurse)?.message).toBe("Only a suspended agreement with a signed version can be reinstated");
  });

  it("only a provider's managers print all its agreements at once", () => {
    expect(ROLES.filter(mayPrintAll)).toEqual(["provider_manager"]);
  });
});

describe("signatures, deleting and the person's record", () => {
  const parties = [
    { party: "delegator" as const, workerUserId: null },
    { party: "provider" as const, workerUserId: null },
    { party: "person" as const, workerUserId: null },
    { party: "worker:5" as const, workerUserId: 50 },
    { party: "worker:6" as const, workerUserId: null },
  ];
  const awaiting = { version: 1, state: "awaiting_signatures", parties, signed: ["person" as const] };

  it("offers the parties a user still signs in the app, and the paper signatures they may still record (rule 2)", () => {
    expect(agreementActions(agreement("awaiting_signatures"), awaiting, nurse)).toMatchObject({ sign: ["delegator"], paper: ["worker:6"] });
    expect(agreementActions(agreement("awaiting_signatures"), awaiting, actorAs("provider_manager", { userId: 9, organisationId: 2, teamIds: [] }))).toMatchObject({ sign: ["provider"], paper: ["worker:6"] });
    expect(agreementActions(agreement("awaiting_signatures"), awaiting, actorAs("care_worker", { userId: 50, organisationId: 2, teamIds: [] }))).toMatchObject({ sign: ["worker:5"], paper: [] });
    expect(agreementActions(agreement("awaiting_signatures"), { ...awaiting, signed: ["delegator", "worker:6"] }, nurse)).toMatchObject({ sign: [], paper: ["person"] });
  });

  it("nothing to sign on a version not waiting for signatures", () => {
    expect(agreementActions(agreement("active"), { ...awaiting, state: "signed", signed: [] }, nurse)).toMatchObject({ sign: [], paper: [] });
    expect(agreementActions(agreement("draft"), { ...awaiting, state: "draft", signed: [] }, nurse)).toMatchObject({ sign: [], paper: [] });
  });

  it("deleting follows app/domain/agreement-deletion.ts: the nurse who started a draft never sent, or an administrator", () => {
    expect(agreementActions(agreement("draft"), version("draft"), nurse).delete).toBe(true);
    expect(agreementActions(agreement("draft"), version("draft"), actorAs("admin")).delete).toBe(true);
    expect(agreementActions(agreement("draft"), version("draft"), actorAs("nurse", { userId: 8 })).delete).toBe(false);
    expect(agreementActions({ ...agreement("draft"), concerns: 1 }, version("draft"), nurse).delete).toBe(false);
    expect(agreementActions(agreement("awaiting_signatures"), version("awaiting_signatures"), nurse).delete).toBe(false);
  });

  it("everyone but a care worker opens the person's record from the agreement", () => {
    expect(ROLES.filter((role) => agreementActions(agreement("active"), version("signed"), actorAs(role)).seePeople)).toEqual(["admin", "nurse", "facilitator", "provider_manager"]);
  });
});
