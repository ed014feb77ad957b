import { describe, expect, it } from "vitest";
import { registerFrom, registerQuery } from "~/web/training-register.server";

describe("the register as the provider filter sends it back", () => {
  it("keeps the provider and the outcomes already chosen, drops the one-time token and anything malformed", () => {
    const url = new URL("http://x/training/4/attendance?provider=7&outcome-12=completed&outcome-13=&outcome-01=completed&submissionToken=abc&notes=Hello");
    expect(registerQuery(url)).toEqual({ providerId: 7, values: { provider: "7", "outcome-12": "completed", notes: "Hello" } });
  });

  it("an unreadable provider is no filter, never an error", () => {
    expect(registerQuery(new URL("http://x/?provider=Brightside")).providerId).toBeUndefined();
    expect(registerQuery(new URL("http://x/?outcome-5=maybe")).values).toEqual({});
  });

  it("the posted register counts only canonical worker ids (issue 12, finding 9)", () => {
    expect(registerFrom({ "outcome-3": "attended", "outcome-4": "" })).toEqual({ attendees: [{ workerId: 3, outcome: "attended" }] });
    expect(registerFrom({ "outcome-01": "attended" })).toEqual({ problem: "Record attendance only for care workers on the register" });
  });
});
