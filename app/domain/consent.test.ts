import { describe, expect, it } from "vitest";
import type { SignedConsent } from "./agreement-content";
import { capacityAfterConsent, consentFormSchema, consentProblems, sameConsent } from "./consent";

const person: SignedConsent = { kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn: "2026-11-22" };
const representative: SignedConsent = { kind: "representative", representativeName: "Susan Hollis", authority: "lpa_health_welfare", decisionDetails: "", givenOn: "2026-11-22" };
const bestInterests: SignedConsent = { kind: "best_interests", representativeName: "", authority: null, decisionDetails: "Meeting with GP and daughter", givenOn: "2026-11-22" };

describe("consent is checked for contradictions (docs/domain.md rule 6)", () => {
  it("accepts each kind with only its own details", () => {
    expect(consentProblems(person)).toEqual([]);
    expect(consentProblems(representative)).toEqual([]);
    expect(consentProblems(bestInterests)).toEqual([]);
  });

  it("refuses consent by the person that also names a representative and authority", () => {
    expect(consentProblems({ ...person, representativeName: "Susan Hollis", authority: "lpa_health_welfare" })).toEqual([
      {
        field: "kind",
        message: 'Consent given by the person cannot also name a representative. Select "Given by a representative with authority", or clear the representative\'s name and select "No representative"',
      },
    ]);
    expect(consentProblems({ ...person, authority: "deputy" })).toHaveLength(1);
  });

  it("refuses a best-interests decision that names a representative, and decision details on other kinds", () => {
    expect(consentProblems({ ...bestInterests, representativeName: "Susan Hollis" }).map((p) => p.field)).toEqual(["kind"]);
    expect(consentProblems({ ...person, decisionDetails: "Meeting" }).map((p) => p.field)).toEqual(["decisionDetails"]);
  });

  it("needs what each kind needs", () => {
    expect(consentProblems({ ...representative, representativeName: " ", authority: null }).map((p) => p.field)).toEqual(["representativeName", "authority"]);
    expect(consentProblems({ ...bestInterests, decisionDetails: "" }).map((p) => p.field)).toEqual(["decisionDetails"]);
  });
});

describe("a change of consent", () => {
  it("is any difference in who consented, on what authority, the decision or the date", () => {
    expect(sameConsent(person, { ...person })).toBe(true);
    expect(sameConsent(person, bestInterests)).toBe(false);
    expect(sameConsent(person, { ...person, givenOn: "2026-11-23" })).toBe(false);
    expect(sameConsent(representative, { ...representative, authority: "deputy" })).toBe(false);
    expect(sameConsent(null, null)).toBe(true);
    expect(sameConsent(null, person)).toBe(false);
  });
});

describe("the capacity on record follows the latest consent", () => {
  it("has capacity only when the person consented themselves", () => {
    expect(capacityAfterConsent(person)).toBe("Has capacity to consent to delegated care (gave consent on 22 November 2026)");
    expect(capacityAfterConsent(representative)).toBe("Lacks capacity to consent to delegated care: Susan Hollis consented for them on 22 November 2026");
    expect(capacityAfterConsent(bestInterests)).toBe("Lacks capacity to consent to delegated care: best-interests decision on 22 November 2026");
  });
});

describe("the consent form reads only the chosen option's details (decision record 017)", () => {
  const schema = consentFormSchema({ earliest: "2026-01-01", latest: "2026-11-22" });
  const on = { "givenOn-day": "20", "givenOn-month": "11", "givenOn-year": "2026" };
  const form = (values: Record<string, string>) => {
    const { "givenOn-day": day, "givenOn-month": month, "givenOn-year": year, ...rest } = { ...on, ...values };
    return { ...rest, givenOn: { day, month, year } };
  };
  const messages = (values: Record<string, string>) => {
    const r = schema.safeParse(form(values));
    return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
  };

  it("discards what was typed under another option: consent by the person saves no representative", () => {
    const r = schema.safeParse(form({ kind: "person", representativeName: "Susan Hollis", authority: "deputy", decisionDetails: "Meeting" }));
    expect(r.success && r.data).toEqual({ kind: "person", representativeName: "", authority: null, decisionDetails: "", givenOn: "2026-11-20", notes: "" });
    expect(r.success && consentProblems(r.data)).toEqual([]);
  });

  it("checks a representative's name and authority only when a representative gave consent", () => {
    expect(messages({ kind: "representative" })).toEqual(["representativeName: Enter the representative's name", "authority: Select the representative's authority"]);
    expect(messages({ kind: "person" })).toEqual([]);
    const r = schema.safeParse(form({ kind: "representative", representativeName: " Susan Hollis ", authority: "lpa_health_welfare", decisionDetails: "typed, then left" }));
    expect(r.success && r.data).toMatchObject({ kind: "representative", representativeName: "Susan Hollis", authority: "lpa_health_welfare", decisionDetails: "" });
  });

  it("checks the best-interests details only for a best-interests decision", () => {
    expect(messages({ kind: "best_interests" })).toEqual(["decisionDetails: Enter who made the best-interests decision and who was consulted"]);
    const r = schema.safeParse(form({ kind: "best_interests", decisionDetails: "GP and daughter", representativeName: "Susan Hollis" }));
    expect(r.success && r.data).toMatchObject({ kind: "best_interests", decisionDetails: "GP and daughter", representativeName: "", authority: null });
  });

  it("asks who gave consent when no option is chosen, in words a nurse can act on", () => {
    expect(messages({})).toEqual(["kind: Select who gave consent, or that a best-interests decision was made"]);
    expect(messages({ kind: "someone" })).toEqual(["kind: Select who gave consent, or that a best-interests decision was made"]);
  });
});
