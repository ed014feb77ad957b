import { describe, expect, it } from "vitest";
import { safeRedirectTo } from "~/web/session.server";

/** Issue 12, findings 3 and 9: where sign-in may send the browser next. */
describe("the page to return to after signing in", () => {
  it("keeps a path on this site, as a valid Location", () => {
    expect(safeRedirectTo("/tasks")).toBe("/tasks");
    expect(safeRedirectTo("/agreements/3?tab=history#signatures")).toBe("/agreements/3?tab=history#signatures");
    expect(safeRedirectTo("/people/ë")).toBe("/people/%C3%AB");
  });

  it("refuses anything a browser would take to another site", () => {
    for (const target of ["//evil.example", "/\\evil.example", "/\\/evil.example", "https://evil.example/", "evil.example", "/\t/evil.example", "/\n/evil.example", " //evil.example", "javascript:alert(1)"]) {
      expect(safeRedirectTo(target), JSON.stringify(target)).toBe("/");
    }
  });

  it("refuses any control character (they made a 500 after the session row was written)", () => {
    for (const target of ["/\u0000", "/a\nb", "/a\rb", "/a\u2028b", "/a\u2029b", "/a\u007fb", "/a\u202eb"]) {
      expect(safeRedirectTo(target), JSON.stringify(target)).toBe("/");
    }
    expect(safeRedirectTo(null)).toBe("/");
    expect(safeRedirectTo(undefined, "/home")).toBe("/home");
  });
});
