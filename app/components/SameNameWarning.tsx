import { WarningCallout } from "nhsuk-react-components";

/**
 * Where care workers are listed or picked: one line per name shared at a provider
 * ("2 care workers at Brightside Home Care are called Aisha Begum"), from sameNameWarnings in
 * app/domain/worker-labels.ts. Nothing when no names are shared.
 */
export function SameNameWarning({ warnings }: { warnings: string[] }) {
  if (!warnings.length) return null;
  return (
    <WarningCallout>
      <WarningCallout.Heading headingLevel="h2">Care workers with the same name</WarningCallout.Heading>
      {warnings.map((w) => (
        <p key={w}>{w}</p>
      ))}
    </WarningCallout>
  );
}
