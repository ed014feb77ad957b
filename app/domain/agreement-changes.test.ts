import { describe, expect, it } from "vitest";
import type { VersionContent } from "./agreement-content";
import { versionChanges } from "./agreement-changes";

const describeConsent = { consentKind: (k: string) => `kind ${k}`, authority: (a: string) => `authority ${a}` };
const task = (code: string, name: string) => ({ code, name, inScope: "a", excluded: "b", instructions: "8 units", carePlanReference: "", deviceOrProduct: "", parameters: "", mustNotDo: "", escalationPlan: "Call" });
const v1: VersionContent = {
  reference: "DA-2026-000001",
  version: 1,
  person: { name: "Doris Fielding", nhsNumber: "9434765919", dateOfBirth: "1929-12-25" },
  team: { name: "South", odsCode: null },
  provider: { name: "Harbour Lights", cqcLocationId: null },
  delegator: { name: "Grace Obi", nmcPin: null },
  startDate: "2026-07-01",
  reviewDate: "2027-01-01",
  supervisionArrangements: "Fortnightly",
  earlyReviewTriggers: "",
  tasks: [task("EYE", "Eye drops")],
  workers: [{ id: 1, name: "Peter Nowak", jobTitle: "Carer" }],
  consent: { kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn: "2026-06-30" },
};

describe("what changed between two versions, field by field (docs/domain.md rule 6)", () => {
  it("the same content twice has no changes; the version number alone is not a change", () => {
    expect(versionChanges(v1, { ...v1, version: 2 }, describeConsent)).toEqual([]);
  });

  it("tasks and named workers added and removed", () => {
    const v2 = { ...v1, version: 2, tasks: [task("COMP", "Compression hosiery")], workers: [{ id: 2, name: "Zara Ahmed", jobTitle: "Carer" }] };
    expect(versionChanges(v1, v2, describeConsent)).toEqual([
      { kind: "task_added", task: "Compression hosiery" },
      { kind: "task_removed", task: "Eye drops" },
      { kind: "worker_added", worker: "Zara Ahmed" },
      { kind: "worker_removed", worker: "Peter Nowak" },
    ]);
  });

  it("each field of a task kept on both versions, with what it was and what it is", () => {
    const v2 = { ...v1, tasks: [{ ...task("EYE", "Eye drops"), instructions: "1. Wash hands\n2. One drop", mustNotDo: "Do not touch the eye" }] };
    expect(versionChanges(v1, v2, describeConsent)).toEqual([
      { kind: "task_field", task: "Eye drops", field: "Instructions", from: "8 units", to: "1. Wash hands\n2. One drop" },
      { kind: "task_field", task: "Eye drops", field: "Must not do", from: "", to: "Do not touch the eye" },
    ]);
  });

  it("dates, supervision and consent, in words", () => {
    const v2: VersionContent = {
      ...v1,
      startDate: "2026-07-02",
      reviewDate: "2027-01-02",
      supervisionArrangements: "Weekly",
      earlyReviewTriggers: "Any fall",
      consent: { kind: "representative", representativeName: "Susan Hollis", authority: "lpa_health_welfare", decisionDetails: "", givenOn: "2026-06-30" },
    };
    expect(versionChanges(v1, v2, describeConsent)).toEqual([
      { kind: "field", field: "Start date", from: "1 July 2026", to: "2 July 2026" },
      { kind: "field", field: "Review date", from: "1 January 2027", to: "2 January 2027" },
      { kind: "field", field: "Supervision and support", from: "Fortnightly", to: "Weekly" },
      { kind: "field", field: "What triggers an earlier review", from: "", to: "Any fall" },
      { kind: "field", field: "Consent: who consented", from: "kind person", to: "kind representative" },
      { kind: "field", field: "Consent: representative's name", from: "", to: "Susan Hollis" },
      { kind: "field", field: "Consent: representative's authority", from: "", to: "authority lpa_health_welfare" },
    ]);
  });

  it("consent recorded for the first time, and a version frozen before consent was signed (nothing to compare)", () => {
    expect(versionChanges({ ...v1, consent: null }, v1, describeConsent).map((c) => c.kind === "field" && c.field)).toEqual(["Consent: who consented", "Consent: date"]);
    expect(versionChanges({ ...v1, consent: undefined }, v1, describeConsent)).toEqual([]);
  });
});
