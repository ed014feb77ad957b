/**
 * A postal address as it is written on an envelope: the lines as they were entered (blank lines
 * and stray spaces dropped), then the postcode on a line of its own. For printouts, which keep the
 * line breaks, so an address is never run together into one line.
 */
export function addressLines(address: string, postcode = ""): string {
  return [...address.split(/\r?\n/), postcode]
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}
