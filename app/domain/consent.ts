/**
 * Consent (docs/domain.md rule 6): it is part of what the parties sign, so it is checked for
 * contradictions, compared with what a version was signed on, and it keeps the person's
 * capacity on record in step with it.
 */
import { z } from "zod";
import type { SignedConsent } from "./agreement-content";
import type { DateWindow } from "./date-windows";
import { formatDate } from "./dates";
import { dateInput, MAX_LONG_TEXT, nameText, optionalText, requiredText } from "./validation";

export const CONSENT_KIND_MESSAGE = "Select who gave consent, or that a best-interests decision was made";

/**
 * The consent form (docs/domain.md rule 6), one branch for each kind of consent. Each option's
 * own details are revealed under its radio (and shown, all of them, without JavaScript); only
 * the chosen option's details are checked, and the details typed under another option are
 * discarded, never saved or signed (decision record 017). What comes out is a whole consent
 * record with the other kinds' details empty, which `consentProblems` (checked again by the
 * model) always accepts.
 */
export function consentFormSchema(givenOnWindow: DateWindow) {
  const common = { givenOn: dateInput("Date of consent", givenOnWindow), notes: optionalText("Notes", MAX_LONG_TEXT) };
  return z
    .discriminatedUnion(
      "kind",
      [
        z.object({ kind: z.literal("person"), ...common }),
        z.object({
          kind: z.literal("representative"),
          representativeName: nameText("Enter the representative's name", "Representative's name"),
          authority: z.enum(["lpa_health_welfare", "deputy"], { message: "Select the representative's authority" }),
          ...common,
        }),
        z.object({
          kind: z.literal("best_interests"),
          decisionDetails: requiredText("Best-interests decision", "Enter who made the best-interests decision and who was consulted", MAX_LONG_TEXT),
          ...common,
        }),
      ],
      { message: CONSENT_KIND_MESSAGE },
    )
    .transform((v) => ({
      kind: v.kind,
      representativeName: v.kind === "representative" ? v.representativeName : "",
      authority: v.kind === "representative" ? v.authority : null,
      decisionDetails: v.kind === "best_interests" ? v.decisionDetails : "",
      givenOn: v.givenOn,
      notes: v.notes,
    }));
}

export type ConsentField = "kind" | "representativeName" | "authority" | "decisionDetails";

/**
 * Everything wrong with a consent record, in words a nurse can act on. Details that belong to
 * another kind of consent are refused: consent "given by the person" with a representative's
 * name is a contradiction. The form never sends one (consentFormSchema keeps only the chosen
 * option's details); the model checks every record again with this.
 */
export function consentProblems(c: SignedConsent): { field: ConsentField; message: string }[] {
  const problems: { field: ConsentField; message: string }[] = [];
  const hasRepresentative = c.representativeName.trim() !== "" || c.authority !== null;
  if (c.kind === "representative") {
    if (!c.representativeName.trim()) problems.push({ field: "representativeName", message: "Enter the representative's name" });
    if (!c.authority) problems.push({ field: "authority", message: "Select the representative's authority" });
  } else if (hasRepresentative) {
    problems.push({
      field: "kind",
      message:
        c.kind === "person"
          ? "Consent given by the person cannot also name a representative. Select \"Given by a representative with authority\", or clear the representative's name and select \"No representative\""
          : "A best-interests decision cannot also name a representative with authority. Select \"Given by a representative with authority\", or clear the representative's name and select \"No representative\"",
    });
  }
  if (c.kind === "best_interests" && !c.decisionDetails.trim()) {
    problems.push({ field: "decisionDetails", message: "Enter who made the best-interests decision and who was consulted" });
  }
  if (c.kind !== "best_interests" && c.decisionDetails.trim()) {
    problems.push({
      field: "decisionDetails",
      message: "Details of a best-interests decision are only for a person who lacks capacity. Select \"Best-interests decision\", or clear the details",
    });
  }
  return problems;
}

/** Whether two consent records say the same thing (so recording one again changes nothing). */
export function sameConsent(a: SignedConsent | null | undefined, b: SignedConsent | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return (
    a.kind === b.kind &&
    a.representativeName.trim() === b.representativeName.trim() &&
    a.authority === b.authority &&
    a.decisionDetails.trim() === b.decisionDetails.trim() &&
    a.givenOn === b.givenOn
  );
}

/**
 * The person's capacity on record, as the latest consent shows it: consent given by the person
 * means they had capacity to give it; a representative's consent or a best-interests decision
 * means they lacked it.
 */
export function capacityAfterConsent(c: SignedConsent): string {
  const on = formatDate(c.givenOn);
  switch (c.kind) {
    case "person":
      return `Has capacity to consent to delegated care (gave consent on ${on})`;
    case "representative":
      return `Lacks capacity to consent to delegated care: ${c.representativeName.trim()} consented for them on ${on}`;
    case "best_interests":
      return `Lacks capacity to consent to delegated care: best-interests decision on ${on}`;
  }
}
