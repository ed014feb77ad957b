import { idParam } from "~/domain/validation";

/** Reads a numeric id from the URL; anything else is a plain 404. */
export function requireId(value: string | undefined): number {
  const parsed = idParam.safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export function notFound(): Response {
  return new Response("Not found", { status: 404, statusText: "Not Found" });
}
