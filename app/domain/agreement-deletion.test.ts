import { describe, expect, it } from "vitest";
import { draftDeletionRefusal, type DeletionCheck } from "./agreement-deletion";

const draft: DeletionCheck = {
  actor: { role: "nurse", userId: 7 },
  agreement: { state: "draft", delegatorId: 7, inForceVersion: null, reference: "DA-2026-000042" },
  everSent: false,
  concerns: 0,
};

describe("deleting a draft: the one exception to docs/domain.md rule 14", () => {
  it("the nurse who started a draft never sent may delete it, and so may an administrator", () => {
    expect(draftDeletionRefusal(draft)).toBeNull();
    expect(draftDeletionRefusal({ ...draft, actor: { role: "admin", userId: 1 } })).toBeNull();
  });

  it("another nurse, a manager or a care worker may not", () => {
    for (const actor of [{ role: "nurse", userId: 8 }, { role: "provider_manager", userId: 7 }, { role: "care_worker", userId: 7 }, { role: "facilitator", userId: 7 }] as const) {
      expect(draftDeletionRefusal({ ...draft, actor })).toBe("Only the nurse who started this draft, or an administrator, can delete it");
    }
  });

  it("nothing sent or signed is ever deleted, even a draft amendment of it or by an administrator", () => {
    const refusal = "DA-2026-000042 has been sent for signatures, so it is a record and cannot be deleted. End the agreement instead";
    expect(draftDeletionRefusal({ ...draft, everSent: true })).toBe(refusal);
    expect(draftDeletionRefusal({ ...draft, actor: { role: "admin", userId: 1 }, agreement: { ...draft.agreement, state: "awaiting_signatures" } })).toBe(refusal);
    expect(draftDeletionRefusal({ ...draft, agreement: { ...draft.agreement, state: "active", inForceVersion: 1 } })).toBe(refusal);
    expect(draftDeletionRefusal({ ...draft, agreement: { ...draft.agreement, state: "ended" } })).toBe(refusal);
  });

  it("a draft with a concern raised about it is kept", () => {
    expect(draftDeletionRefusal({ ...draft, concerns: 1 })).toBe("A concern has been raised about DA-2026-000042, so it is kept. End the agreement instead");
  });
});
