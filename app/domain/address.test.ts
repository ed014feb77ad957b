import { describe, expect, it } from "vitest";
import { addressLines } from "./address";

describe("an address keeps the lines it was typed in", () => {
  it("splits on line breaks, dropping blank lines, spaces and trailing commas", () => {
    expect(addressLines("Unit 3,\r\nCanal Works\n\n  Ashworth  ")).toEqual(["Unit 3", "Canal Works", "Ashworth"]);
  });
  it("puts a postcode recorded apart on a line of its own, once", () => {
    expect(addressLines("Unit 3\nCanal Works", "AS2 1CW")).toEqual(["Unit 3", "Canal Works", "AS2 1CW"]);
    expect(addressLines("7 Rose Terrace\nAshworth AS1 3RT", "as1 3rt")).toEqual(["7 Rose Terrace", "Ashworth AS1 3RT"]);
  });
  it("is empty when nothing is recorded", () => {
    expect(addressLines("", "")).toEqual([]);
    expect(addressLines(null)).toEqual([]);
  });
});
