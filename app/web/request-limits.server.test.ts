import { describe, expect, it } from "vitest";
import { bodyLimitFor, checkBody, checkDeclaredLength, countFields, DEFAULT_BODY_LIMIT } from "~/web/request-limits.server";

/** Issue 12, finding 1: one request with 80,000 fields froze every user. */
describe("request body limits", () => {
  const form = "application/x-www-form-urlencoded";
  const fields = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `f${i}=x`).join("&"));

  it("counts urlencoded and multipart fields without parsing", () => {
    expect(countFields(Buffer.from(""), form)).toBe(0);
    expect(countFields(Buffer.from("a=1"), form)).toBe(1);
    expect(countFields(fields(80_000), `${form}; charset=UTF-8`)).toBe(80_000);
    const multipart = Buffer.from("--XyZ\r\ncontent-disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ\r\ncontent-disposition: form-data; name=\"b\"\r\n\r\n2\r\n--XyZ--\r\n");
    expect(countFields(multipart, "multipart/form-data; boundary=XyZ")).toBe(2);
  });

  it("refuses with 413 more than 1,000 fields, or more than 1 MB, declared or sent", () => {
    expect(checkBody(fields(1_000), form, DEFAULT_BODY_LIMIT)).toEqual({ ok: true });
    expect(checkBody(fields(80_000), form, DEFAULT_BODY_LIMIT)).toMatchObject({ ok: false, status: 413 });
    expect(checkBody(Buffer.alloc(1_000_001, "a"), form, DEFAULT_BODY_LIMIT)).toMatchObject({ ok: false, status: 413 });
    expect(checkDeclaredLength("2900000", DEFAULT_BODY_LIMIT)).toMatchObject({ ok: false, status: 413 });
    expect(checkDeclaredLength("500", DEFAULT_BODY_LIMIT)).toEqual({ ok: true });
    expect(checkDeclaredLength(undefined, DEFAULT_BODY_LIMIT)).toEqual({ ok: true });
  });

  it("lets the training register, one field a care worker, send more fields", () => {
    expect(bodyLimitFor("/training/new").fields).toBeGreaterThan(DEFAULT_BODY_LIMIT.fields);
    expect(bodyLimitFor("/login")).toEqual(DEFAULT_BODY_LIMIT);
  });
});
