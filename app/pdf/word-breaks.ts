/**
 * Where a long unbroken word may break in a PDF, for react-pdf's hyphenation callback.
 *
 * react-pdf breaks a line between words, or at a hyphenation point where it prints a hyphen: a
 * URL or an email address broken there would read as if it held one. So a word longer than
 * LONG_WORD is cut into pieces (after / . @ - _ ? & = : and at most PIECE characters long) with an
 * empty piece between each two: react-pdf's line breaker (textkit's getNodes) takes an empty piece
 * for a space of no width, where a line may break with nothing printed and nothing added to the
 * text. Ordinary words (up to LONG_WORD characters) stay whole: no English word is split.
 */
export const LONG_WORD = 18;
const PIECE = 8;
/** The break between two pieces: nothing at all. */
export const BREAK = "";

export function breakableWord(word: string): string[] {
  if (word.length <= LONG_WORD) return [word];
  const pieces: string[] = [];
  for (const natural of word.split(/(?<=[/.@\-_?&=:,;])/)) {
    for (let i = 0; i < natural.length; i += PIECE) pieces.push(natural.slice(i, i + PIECE));
  }
  return pieces.flatMap((piece, i) => (i === 0 ? [piece] : [BREAK, piece]));
}
