import { describe, expect, it } from "vitest";
import { containsPattern, readSearch } from "./search";

describe("reading a search", () => {
  it("reads an NHS number typed with or without spaces or hyphens", () => {
    for (const typed of ["9434765919", "943 476 5919", " 943-476-5919 ", "943  476\t5919"]) {
      expect(readSearch(typed)).toMatchObject({ kind: "nhs_number", nhsNumber: "9434765919" });
    }
  });

  it("treats some digits only as part of an NHS number, never matched on its own", () => {
    expect(readSearch("5919")).toEqual({ kind: "partial_nhs_number", digits: "5919", text: "5919" });
    expect(readSearch("943 476")).toEqual({ kind: "partial_nhs_number", digits: "943476", text: "943 476" });
  });

  it("reads anything with letters as words, spaces tidied", () => {
    expect(readSearch("  Edith   Clarke ")).toEqual({ kind: "text", text: "Edith Clarke" });
    expect(readSearch("DA-2026-000001")).toEqual({ kind: "text", text: "DA-2026-000001" });
  });

  it("reads an empty box as no search", () => {
    expect(readSearch(undefined)).toEqual({ kind: "none" });
    expect(readSearch("   ")).toEqual({ kind: "none" });
  });

  it("takes LIKE wildcards literally", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});
