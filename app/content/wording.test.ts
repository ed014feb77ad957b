import { describe, expect, it } from "vitest";
import { DONE_MESSAGES, doneMessage } from "./messages";
import { observationCount } from "./training";

describe("observation counts", () => {
  it("counts up to what is needed", () => {
    expect(observationCount(2, 3, false)).toBe("2 of 3 satisfactory observations recorded");
    expect(observationCount(0, 1, true)).toBe("0 of 1 satisfactory observation recorded since the last sign-off");
    expect(observationCount(3, 3, false)).toBe("3 of 3 satisfactory observations recorded");
  });

  it("never says '4 of the 3 needed' when there are more than needed", () => {
    expect(observationCount(4, 3, false)).toBe("4 satisfactory observations recorded (3 needed)");
    expect(observationCount(3, 1, true)).toBe("3 satisfactory observations recorded since the last sign-off (1 needed)");
  });
});

describe("confirmation banners", () => {
  it("say what was saved, by the name the page shows", () => {
    expect(doneMessage("created", "Edith Clarke")).toBe("Edith Clarke has been added.");
    expect(doneMessage("updated", "Brightside Home Care")).toBe("Your changes to Brightside Home Care have been saved.");
  });

  it("show nothing for a key they do not know, including inherited names", () => {
    expect(doneMessage("constructor", "x")).toBeNull();
    expect(doneMessage("nonsense")).toBeNull();
    expect(doneMessage(null)).toBeNull();
  });

  it("never say only 'Saved' or 'The record'", () => {
    for (const key of Object.keys(DONE_MESSAGES)) {
      const text = doneMessage(key, "Edith Clarke") ?? "";
      expect(text, key).not.toMatch(/^Saved\b|The record has/i);
    }
  });
});
