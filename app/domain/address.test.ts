import { describe, expect, it } from "vitest";
import { addressLines } from "./address";

describe("a postal address on a printout", () => {
  it("keeps the lines as entered and puts the postcode on a line of its own", () => {
    expect(addressLines("Ashworth Health Centre\r\n12 Mill Lane\n\n  Ashworth  ", "AS1 2ML")).toBe("Ashworth Health Centre\n12 Mill Lane\nAshworth\nAS1 2ML");
  });

  it("leaves out what was not given", () => {
    expect(addressLines("7 Rose Terrace, Ashworth AS1 3RT")).toBe("7 Rose Terrace, Ashworth AS1 3RT");
    expect(addressLines("", "AS1 2ML")).toBe("AS1 2ML");
    expect(addressLines("  ", "")).toBe("");
  });
});
