/**
 * For tests of the printouts (vitest and Playwright): where every word of a PDF sits on its
 * page, read back with poppler's `pdftotext -bbox-layout`, to prove nothing runs off the page.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type PdfWord = { text: string; xMin: number; xMax: number; yMin: number; yMax: number };
export type PdfLine = { text: string; yMin: number; yMax: number };
export type PdfPage = { width: number; height: number; words: PdfWord[]; lines: PdfLine[] };

/** The page margin left and right (app/pdf/styles.ts) less a little for the glyphs' own side bearings. */
export const EDGE = 40;

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

export function pdfPages(bytes: Uint8Array): PdfPage[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dc-pdf-words-")), "a.pdf");
  fs.writeFileSync(file, bytes);
  const xml = execFileSync("pdftotext", ["-bbox-layout", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return xml
    .split("<page ")
    .slice(1)
    .map((chunk) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
      const lines = [...chunk.matchAll(/<line xMin="[\d.-]+" yMin="([\d.-]+)" xMax="[\d.-]+" yMax="([\d.-]+)">([\s\S]*?)<\/line>/g)]
        .map((m) => ({ yMin: Number(m[1]), yMax: Number(m[2]), text: [...m[3]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1]!)).join(" ") }))
        .sort((a, b) => a.yMin - b.yMin);
      const words = [...chunk.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: unescape(m[5]!),
      }));
      return { width: Number(size[1]), height: Number(size[2]), words, lines };
    });
}

/** Every word that reaches into the side margins or beyond the page, named with its page, for a readable failure. */
export function wordsOffThePage(pages: PdfPage[]): string[] {
  return pages.flatMap((p, i) =>
    p.words.filter((w) => w.xMax > p.width - EDGE || w.xMin < EDGE || w.yMax > p.height || w.yMin < 0).map((w) => `page ${i + 1}: "${w.text}" from x ${w.xMin.toFixed(0)} to ${w.xMax.toFixed(0)} of ${p.width.toFixed(0)}`),
  );
}

/** The page's running footer starts this far from the bottom edge (app/pdf/styles.ts footerRule). */
export const FOOTER = 66;

/** The last line of the page's body, above the running footer: what a reader sees last before turning over. */
export function lastBodyLine(page: PdfPage): string {
  return page.lines.filter((l) => l.yMax < page.height - FOOTER).at(-1)?.text ?? "";
}
