/**
 * How a model says no (decision record 025).
 *
 * - **Not found or out of scope**: the model returns `null`, never `false`, `undefined` or an
 *   error, whether the record does not exist or lies outside the actor's organisations; a route
 *   turns `null` into the 404 page with `found()` (`app/web/not-found.server.ts`), so nobody
 *   can tell the two apart. A writer returns what it did (an id, a result) or `null`.
 * - **A rule said no**: the model throws `RuleError` with problems worded for the person who
 *   tried, each tied to a form field; a route shows them with `rejectRuleError()`
 *   (`app/web/forms.server.ts`). A record *chosen in a form* that lies outside the actor's
 *   scope (a provider they do not manage) is such a problem, tied to the field that chose it.
 */

/** A rule said no: the problems, worded for the person who tried, each tied to a form field. */
export type RuleProblem = { field: string; message: string };

export class RuleError extends Error {
  constructor(public readonly problems: RuleProblem[]) {
    super(problems.map((p) => p.message).join("; "));
  }
}
