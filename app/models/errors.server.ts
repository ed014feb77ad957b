/** A rule said no: the problems, worded for the person who tried, each tied to a form field. */
export type RuleProblem = { field: string; message: string };

/** The record the actor tried to place or change lies outside their organisations. */
export class OutOfScopeError extends Error {}

export class RuleError extends Error {
  constructor(public readonly problems: RuleProblem[]) {
    super(problems.map((p) => p.message).join("; "));
  }
}
