/**
 * The 404 page, the one answer to a record that does not exist and to one outside the actor's
 * scope (decision record 025): the same status and words either way, so a page never tells
 * anyone whether a record they may not see exists.
 */
export function notFound(): Response {
  return new Response("Not found", { status: 404, statusText: "Not Found" });
}

/** A model's answer; `false` is refused by the type checker, so no model can answer with it. */
type Answer<T> = false extends T ? never : T;

/** A model's answer, or the 404 page when it is `null` (not found or out of scope). */
export function found<T>(value: Answer<T> | null | undefined): T {
  if (value === null || value === undefined) throw notFound();
  return value as T;
}
