import { describe, expect, it } from "vitest";
import { SERVICE_DETAIL_FIELDS } from "~/content/service-details";
import { changedServiceDetails, resolveServiceDetails, ServiceDetailsSchema } from "./service-details";

const good = {
  operatorName: "Ashworth Community Health NHS Trust",
  helpEmail: "Help@Example.nhs.uk",
  helpPhone: "01614960500",
  helpHours: "Monday to Friday, 8am to 6pm",
  addressLines: "Riverside House\r\n\r\n 4 Canal Street \nManchester",
  postcode: "m13hu",
  dpoName: "Data Protection Officer",
  dpoEmail: "dpo@example.nhs.uk",
  icoNumber: "za 123456",
};

function problems(changes: Record<string, string>) {
  const parsed = ServiceDetailsSchema.safeParse({ ...good, ...changes });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("service details (the operator shown in the footer and the public pages)", () => {
  it("tidies what was typed: phone and postcode in their usual form, address lines trimmed, email lower case", () => {
    expect(ServiceDetailsSchema.parse(good)).toEqual({
      ...good,
      helpEmail: "help@example.nhs.uk",
      helpPhone: "0161 496 0500",
      addressLines: "Riverside House\n4 Canal Street\nManchester",
      postcode: "M1 3HU",
      icoNumber: "ZA123456",
    });
  });

  it("refuses a phone number that is not one and a postcode that is not real, naming the field", () => {
    expect(problems({ helpPhone: "call me", postcode: "ABC" })).toEqual({
      helpPhone: "Enter the help phone number in the correct format, like 0161 496 0100 or +44 161 496 0100",
      postcode: "Enter a real postcode, like LS1 4AP",
    });
  });

  it("asks for every field, in the order of the form", () => {
    const empty = Object.fromEntries(Object.keys(good).map((k) => [k, ""]));
    expect(Object.keys(problems(empty))).toEqual(SERVICE_DETAIL_FIELDS.map((f) => f.name));
    expect(problems(empty).icoNumber).toBe("Enter the ICO registration number, like ZA123456");
    expect(problems({ icoNumber: "12345" }).icoNumber).toBe("ICO registration number must be Z followed by 7 letters or numbers, like ZA123456");
    expect(problems({ dpoEmail: "dpo at trust" }).dpoEmail).toBe("Enter the data protection officer's email address in the correct format, like dpo@example.nhs.uk");
  });

  it("treats stored details that no longer pass as not set, rather than showing them", () => {
    expect(resolveServiceDetails(null)).toBeNull();
    expect(resolveServiceDetails({ ...good, helpPhone: "call me" })).toBeNull();
    expect(resolveServiceDetails(good)?.postcode).toBe("M1 3HU");
  });

  it("lists only the fields that changed, for the audit trail", () => {
    const before = ServiceDetailsSchema.parse(good);
    expect(changedServiceDetails(before, { ...before, helpHours: "Every day, 8am to 8pm" })).toEqual({
      helpHours: { from: "Monday to Friday, 8am to 6pm", to: "Every day, 8am to 8pm" },
    });
    expect(Object.keys(changedServiceDetails(null, before))).toHaveLength(9);
  });
});
