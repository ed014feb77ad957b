import { describe, expect, it } from "vitest";
import { found, notFound } from "~/web/not-found.server";

describe("the not-found signal (decision record 025)", () => {
  it("passes a model's answer through, 0 and empty text included", () => {
    expect(found({ id: 3 })).toEqual({ id: 3 });
    expect(found(0)).toBe(0);
    expect(found("")).toBe("");
  });

  it("turns null into the same 404 whatever the reason", async () => {
    const thrown = (() => {
      try {
        found(null);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(await notFound().text());
  });
});
