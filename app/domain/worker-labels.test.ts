import { describe, expect, it } from "vitest";
import { sameNameKey, sameNameWarnings, staffNumberProblem, workerLabel } from "./worker-labels";

describe("worker labels (two care workers with the same name)", () => {
  it("names a worker by name alone when nobody else at the provider shares it", () => {
    expect(workerLabel({ name: "Maria Santos", staffNumber: "B1001", namesakes: 1 })).toBe("Maria Santos");
  });

  it("adds the staff number when the name is shared", () => {
    expect(workerLabel({ name: "Aisha Begum", staffNumber: "B1042", namesakes: 2 })).toBe("Aisha Begum (staff number B1042)");
  });

  it("says plainly when a worker with a shared name has no staff number", () => {
    expect(workerLabel({ name: "Aisha Begum", staffNumber: null, namesakes: 2 })).toBe("Aisha Begum (no staff number recorded)");
  });

  it("compares names without case or extra spaces", () => {
    expect(sameNameKey("  Aisha   BEGUM ")).toBe(sameNameKey("aisha begum"));
    expect(sameNameKey("Aisha Begum")).not.toBe(sameNameKey("Aysha Begum"));
  });

  it("warns once per shared name and provider, with the count", () => {
    const brightside = { providerId: 1, providerName: "Brightside Home Care" };
    expect(
      sameNameWarnings([
        { ...brightside, name: "Aisha Begum", staffNumber: "B1042", namesakes: 2 },
        { ...brightside, name: "Aisha Begum", staffNumber: "B2077", namesakes: 2 },
        { ...brightside, name: "Maria Santos", staffNumber: null, namesakes: 1 },
        { providerId: 2, providerName: "Oakfield Care Home", name: "Aisha Begum", staffNumber: null, namesakes: 1 },
      ]),
    ).toEqual(["2 care workers at Brightside Home Care are called Aisha Begum. Check the staff number before choosing."]);
  });

  it("asks for a staff number when another worker at the provider has the same name, naming them", () => {
    expect(staffNumberProblem({ name: "aisha begum", staffNumber: null }, [{ name: "Aisha Begum", staffNumber: "B1042" }], "Brightside Home Care")).toEqual({
      field: "staffNumber",
      message: "Aisha Begum (staff number B1042) already works at Brightside Home Care. Enter a staff number so the two can be told apart",
    });
    expect(staffNumberProblem({ name: "Aisha Begum", staffNumber: "  " }, [{ name: "Aisha Begum", staffNumber: null }], "Brightside Home Care")?.message).toMatch(
      /^Aisha Begum \(no staff number recorded\) already works at Brightside Home Care/,
    );
  });

  it("accepts a shared name with a staff number of its own, and a unique name without one", () => {
    expect(staffNumberProblem({ name: "Aisha Begum", staffNumber: "B2077" }, [{ name: "Aisha Begum", staffNumber: "B1042" }], "Brightside")).toBeNull();
    expect(staffNumberProblem({ name: "Grace Obi", staffNumber: null }, [{ name: "Aisha Begum", staffNumber: "B1042" }], "Brightside")).toBeNull();
  });

  it("refuses a staff number another worker at the provider already has, whatever the case or spacing", () => {
    expect(staffNumberProblem({ name: "Aisha Begum", staffNumber: "b 1042" }, [{ name: "Aisha Begum", staffNumber: "B1042" }], "Brightside Home Care")?.message).toBe(
      "Staff number b 1042 is already Aisha Begum's at Brightside Home Care. Enter this care worker's own staff number",
    );
  });
});
