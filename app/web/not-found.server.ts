import { idParam } from "~/domain/validation";

/**
 * The 404 page, the one answer to a record that does not exist and to one outside the actor's
 * scope (decision record 025): the same status and words either way, so a page never tells
 * anyone whether a record they may not see exists.
 */
export function notFound(): Response {
  return new Response("Not found", { status: 404, statusText: "Not Found" });
}

/**
 * A model's answer, or the 404 page when it is `null` (not found or out of scope). `false` is not
 * a model's answer (decision record 025): the type refuses a value that may be `false`.
 */
export function found<T extends object | string | number | true>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw notFound();
  return value;
}

/** Reads a numeric id from the address; anything else is the same 404. */
export function requireId(value: string | undefined): number {
  const parsed = idParam.safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}
