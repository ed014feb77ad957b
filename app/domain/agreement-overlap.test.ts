import { describe, expect, it } from "vitest";
import { duplicateAgreements, isLive, isOpen, type ExistingAgreement } from "./agreement-overlap";

const insulin = { id: 1, name: "Insulin administration by pen" };
const bgm = { id: 2, name: "Blood glucose monitoring" };
const agreement = (over: Partial<ExistingAgreement>): ExistingAgreement => ({ id: 9, reference: "DA-2026-000009", state: "active", tasks: [insulin, bgm], ...over });

describe("one open agreement per person and task (docs/domain.md rule 10)", () => {
  it("finds open agreements sharing a task, with the tasks they share", () => {
    expect(duplicateAgreements([agreement({})], [bgm.id, 5])).toEqual([{ ...agreement({}), sharedTasks: ["Blood glucose monitoring"] }]);
  });

  it("a draft, one awaiting signatures and a suspended one are open too; an ended one is not", () => {
    for (const state of ["draft", "awaiting_signatures", "active", "suspended"] as const) {
      expect(duplicateAgreements([agreement({ state })], [insulin.id])).toHaveLength(1);
    }
    expect(duplicateAgreements([agreement({ state: "ended" })], [insulin.id])).toEqual([]);
  });

  it("no shared task, no duplicate", () => {
    expect(duplicateAgreements([agreement({ tasks: [bgm] })], [insulin.id])).toEqual([]);
  });

  it("open and live", () => {
    expect(isOpen("draft")).toBe(true);
    expect(isOpen("ended")).toBe(false);
    expect(isLive("suspended")).toBe(true);
    expect(isLive("awaiting_signatures")).toBe(false);
  });
});
