import { describe, expect, it } from "vitest";
import { actionCountWords, groupActions, ROLE_ACTION_GROUPS, type ActionItem } from "./needs-action";
import { ROLES } from "./roles";

const item = (group: ActionItem["group"], title: string, dueOn?: string): ActionItem => ({ group, title, detail: "", href: `/${title}`, dueOn });

describe("needs your action", () => {
  it("groups in a fixed order, signatures first, each group soonest first", () => {
    const grouped = groupActions("nurse", [item("review", "r2", "2026-12-01"), item("sign", "s1", "2026-11-20"), item("review", "r1", "2026-11-01"), item("consent", "c1")]);
    expect(grouped.map((g) => g.group)).toEqual(["sign", "review", "consent"]);
    expect(grouped[1]!.items.map((i) => i.title)).toEqual(["r1", "r2"]);
    expect(grouped[0]!.label).toBe("Waiting for your signature");
  });

  it("never shows a role a group it cannot act on", () => {
    // A care worker signs as themselves; they never sign off competency or record reviews.
    expect(groupActions("care_worker", [item("sign_off", "x"), item("review", "y"), item("sign", "z")]).map((g) => g.group)).toEqual(["sign"]);
    expect(groupActions("admin", [item("sign", "z")])).toEqual([]);
    expect(ROLE_ACTION_GROUPS.facilitator).not.toContain("sign");
    for (const role of ROLES) expect(ROLE_ACTION_GROUPS[role].length).toBeGreaterThan(0);
  });

  it("says the count in words, and says when nothing is waiting", () => {
    expect(actionCountWords(0)).toBe("Nothing needs you now");
    expect(actionCountWords(1)).toBe("1 thing needs your action");
    expect(actionCountWords(3)).toBe("3 things need your action");
  });
});
