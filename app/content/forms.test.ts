import { describe, expect, it } from "vitest";
import { DATE_WINDOWS } from "~/domain/date-windows";
import { dateHint, parametersHint } from "./forms";

describe("reused form wording", () => {
  it("a date hint gives a realistic example for its field", () => {
    expect(dateHint(DATE_WINDOWS.agreementStart("2026-12-01"))).toBe("For example, 1 12 2026");
    expect(dateHint(DATE_WINDOWS.dateOfBirth("2026-12-01"))).toBe("For example, 1 12 1946");
    expect(dateHint(DATE_WINDOWS.trainingSession("2026-12-01"), "Today or a day ahead, up to a year")).toBe("Today or a day ahead, up to a year. For example, 1 12 2026");
  });

  it("the parameters hint speaks of a dose only for medication", () => {
    expect(parametersHint("specialised_medication")).toMatch(/dose/);
    expect(parametersHint("vital_signs")).not.toMatch(/dose/);
    expect(parametersHint("other")).not.toMatch(/dose/);
  });
});
