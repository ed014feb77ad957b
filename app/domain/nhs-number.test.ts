import { describe, expect, it } from "vitest";
import {
  formatNhsNumber,
  isValidNhsNumber,
  maskNhsNumber,
  nhsNumberProblem,
  normaliseNhsNumber,
} from "./nhs-number";

describe("NHS number", () => {
  it("accepts numbers whose modulus 11 check digit is right", () => {
    for (const n of ["9434765919", "9434765870", "4010232137", "9876543210"]) {
      expect(isValidNhsNumber(n), n).toBe(true);
    }
  });

  it("accepts the spaced form people copy from letters", () => {
    expect(isValidNhsNumber("943 476 5919")).toBe(true);
    expect(isValidNhsNumber("943-476-5919")).toBe(true);
  });

  it("refuses a wrong check digit", () => {
    expect(nhsNumberProblem("9434765918")).toBe("check_digit");
    expect(nhsNumberProblem("1234567890")).toBe("check_digit");
  });

  it("refuses a number whose check value would be 10", () => {
    // 1x10 + 1x2 = 12, remainder 1, so the check value is 10: no last digit can be right.
    for (let last = 0; last <= 9; last++) {
      expect(nhsNumberProblem(`100000001${last}`)).toBe("check_digit");
    }
  });

  it("refuses anything but ten digits", () => {
    expect(nhsNumberProblem("")).toBe("empty");
    expect(nhsNumberProblem("943476591")).toBe("not_ten_digits");
    expect(nhsNumberProblem("94347659190")).toBe("not_ten_digits");
    expect(nhsNumberProblem("94347659l9")).toBe("not_ten_digits");
  });

  // Issue 12, finding 12: 0000000000 was accepted.
  it("refuses ten of the same digit, which all pass modulus 11 trivially", () => {
    for (let d = 0; d <= 9; d++) {
      expect(nhsNumberProblem(String(d).repeat(10)), String(d)).toBe("same_digit");
    }
    expect(nhsNumberProblem("000 000 0000")).toBe("same_digit");
    expect(isValidNhsNumber("0000000000")).toBe(false);
  });

  it("formats and masks", () => {
    expect(normaliseNhsNumber(" 943 476 5919 ")).toBe("9434765919");
    expect(formatNhsNumber("9434765919")).toBe("943 476 5919");
    expect(maskNhsNumber("9434765919")).toBe("*** *** 5919");
  });
});
