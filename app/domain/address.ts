/**
 * An address as its lines, the way it was typed (one line a row), with the postcode on a line
 * of its own when it is recorded apart. Used wherever a page shows an address, so the line
 * breaks a person typed are never run together. Blank lines and stray spaces are dropped.
 */
export function addressLines(address: string | null | undefined, postcode?: string | null): string[] {
  const lines = (address ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/,$/, "").trim())
    .filter(Boolean);
  const code = (postcode ?? "").trim();
  if (code && !lines.some((line) => line.toUpperCase().endsWith(code.toUpperCase()))) lines.push(code);
  return lines;
}
