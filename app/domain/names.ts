/** "Edith Clarke" -> "E. C.": how people are named where only initials may be shown. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]!.toUpperCase()}.`)
    .join(" ");
}
