import { idParam } from "~/domain/validation";
import { notFound } from "./not-found.server";

// Routes not yet moved to not-found.server import notFound from here.
export { notFound };

/** Reads a numeric id from the URL; anything else is a plain 404. */
export function requireId(value: string | undefined): number {
  const parsed = idParam.safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}
