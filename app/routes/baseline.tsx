import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/content/titles";

export const meta: MetaFunction = ({ matches }) => pageTitle("Service status", matches);

/**
 * The lightest page the service serves (an empty loader, the full NHS.UK shell): the baseline
 * the benchmark compares every other page against (docs/performance.md).
 */
export function loader() {
  return null;
}

export default function Baseline() {
  return (
    <>
      <h1>Delegated Care is running</h1>
      <p>This page does no work: it is the benchmark's baseline.</p>
    </>
  );
}
