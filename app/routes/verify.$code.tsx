import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/services/params.server";

/**
 * Verification codes are issued when an agreement version is sent for signature; until
 * agreements exist no code is known, so every code answers 404 (never a guess).
 */
export function loader(_args: LoaderFunctionArgs) {
  throw notFound();
}

/** Never rendered (the loader always answers 404); makes this a page, so the 404 is the NHS page. */
export default function Unreachable() {
  return null;
}
