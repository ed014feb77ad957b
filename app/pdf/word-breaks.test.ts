import { describe, expect, it } from "vitest";
import { BREAK, breakableWord, LONG_WORD } from "./word-breaks";

describe("where a long word may break in a PDF", () => {
  it("leaves ordinary words whole", () => {
    for (const word of ["administration", "responsibilities", "Care-plan", "DA-2026-000003", "x".repeat(LONG_WORD)]) expect(breakableWord(word)).toEqual([word]);
  });

  it("cuts a long URL after its separators and into short pieces, with an empty break between each two", () => {
    const url = "https://delegated-care.example.nhs.uk/verify/ABCD-2345";
    const parts = breakableWord(url);
    expect(parts.filter((p) => p !== BREAK).join("")).toBe(url);
    expect(parts.every((p) => p === BREAK || (p.length <= 8 && p.length >= 1))).toBe(true);
    expect(parts).toContain("https:");
    expect(parts).toContain("verify/");
    // A break between every two pieces, none at either end.
    parts.forEach((p, i) => expect(p === BREAK).toBe(i % 2 === 1));
  });

  it("cuts an unspaced name with no separators into pieces", () => {
    const name = "A".repeat(200);
    const parts = breakableWord(name).filter((p) => p !== BREAK);
    expect(parts.join("")).toBe(name);
    expect(parts).toHaveLength(25);
  });
});
