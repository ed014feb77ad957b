import { describe, expect, it } from "vitest";
import { parseVersionContent } from "./agreement-content";
import { canonicalJson } from "./canonical-json";

describe("the one reader of a version's content (docs/domain.md rule 6)", () => {
  it("reads back exactly what was frozen, line breaks included", () => {
    const content = {
      reference: "DA-2026-000001",
      version: 1,
      person: { name: "Edith Clarke", nhsNumber: "9434765919", dateOfBirth: "1938-04-02" },
      team: { name: "North", odsCode: "RX1" },
      provider: { name: "Brightside", cqcLocationId: "1-1" },
      delegator: { name: "Priya Shah", nmcPin: "12A3456E" },
      startDate: "2026-11-22",
      reviewDate: "2027-05-22",
      supervisionArrangements: "",
      earlyReviewTriggers: "",
      tasks: [{ code: "INS-PEN", name: "Insulin", inScope: "a", excluded: "Sliding-scale doses", instructions: "1. Check\n2. Give", carePlanReference: "", deviceOrProduct: "", parameters: "", mustNotDo: "", escalationPlan: "" }],
      workers: [{ id: 1, name: "Maria Santos", jobTitle: "Senior carer" }],
      consent: null,
    };
    expect(parseVersionContent(canonicalJson(content))).toEqual(content);
  });

  it("refuses anything that is not version content", () => {
    expect(() => parseVersionContent("{}")).toThrow("Not the content of an agreement version");
  });
});
