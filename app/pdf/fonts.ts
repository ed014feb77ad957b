import { Font } from "@react-pdf/renderer";
import { fileURLToPath } from "node:url";
import { breakableWord } from "./word-breaks";

/** Source Sans 3 (SIL Open Font License, fonts/OFL.txt) ships in the repository: no network at render time. */
export const FONT = "Source Sans 3";

let registered = false;

export function registerFonts() {
  if (registered) return;
  const file = (name: string) => fileURLToPath(new URL(`./fonts/${name}`, import.meta.url));
  Font.register({
    family: FONT,
    fonts: [
      { src: file("SourceSans3_400Regular.ttf"), fontWeight: 400 },
      { src: file("SourceSans3_400Regular_Italic.ttf"), fontWeight: 400, fontStyle: "italic" },
      { src: file("SourceSans3_700Bold.ttf"), fontWeight: 700 },
    ],
  });
  // Ordinary words are never hyphenated; a long unbroken one (a URL, an email address, an
  // unspaced name) may break between its pieces, with nothing printed there, so it never runs
  // off the page (app/pdf/word-breaks.ts).
  Font.registerHyphenationCallback(breakableWord);
  registered = true;
}
