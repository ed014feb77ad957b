import { describe, expect, it } from "vitest";
import { formatUkPhone, normaliseUkPostcode, ukPhoneProblem } from "./uk-contact";
import { ukPhoneNumber, ukPostcode } from "./validation";

describe("UK phone numbers", () => {
  it("accepts landlines, mobiles and 03 numbers, written any usual way", () => {
    for (const number of ["0161 496 0100", "01614960100", "+44 161 496 0100", "0300 311 22 33", "07911 123456"]) {
      expect(ukPhoneProblem(number), number).toBeNull();
    }
  });

  it("refuses words, short codes and numbers of the wrong length", () => {
    for (const text of ["call me", "111", "0161 496", "0161 496 0100 0100", "12345678901"]) {
      expect(ukPhoneProblem(text), text).toBe("not_a_number");
    }
  });

  it("stores the national format people read", () => {
    expect(formatUkPhone("+441614960100")).toBe("0161 496 0100");
    expect(formatUkPhone("03003112233")).toBe("0300 311 2233");
  });

  it("names the field and gives an example when the number will not do", () => {
    const result = ukPhoneNumber("Phone number").safeParse("call me");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "Enter phone number in the correct format, like 0161 496 0100 or +44 161 496 0100",
    );
    expect(ukPhoneNumber("Phone number").parse("")).toBe("");
    expect(ukPhoneNumber("Phone number", { required: true }).safeParse("").error?.issues[0]?.message).toBe("Enter phone number");
  });
});

describe("UK postcodes", () => {
  it("normalises case and spacing", () => {
    expect(normaliseUkPostcode("ls14ap")).toBe("LS1 4AP");
    expect(normaliseUkPostcode(" m1  1ae ")).toBe("M1 1AE");
  });

  it("refuses what is not a postcode", () => {
    for (const text of ["AB1", "LS1 4A", "12345", "not known"]) expect(normaliseUkPostcode(text), text).toBeNull();
  });

  it("names the field in its message", () => {
    expect(ukPostcode().safeParse("12345").error?.issues[0]?.message).toBe("Enter a real postcode, like LS1 4AP");
    expect(ukPostcode().parse("m1 1ae")).toBe("M1 1AE");
  });
});
