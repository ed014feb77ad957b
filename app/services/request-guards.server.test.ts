import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossSite } from "./request-guards.server";

describe("cross-site request refusal", () => {
  const pub = "https://dc.example.nhs.uk";
  it("lets reads through and same-site writes", () => {
    expect(isCrossSite({ method: "GET", host: "dc.example.nhs.uk" }, pub)).toBe(false);
    expect(isCrossSite({ method: "POST", origin: "https://dc.example.nhs.uk", host: "dc.example.nhs.uk" }, pub)).toBe(false);
    expect(isCrossSite({ method: "POST", referer: "http://localhost:3000/people/new", host: "localhost:3000" }, pub)).toBe(false);
  });

  it("refuses writes from another site, or from nowhere", () => {
    expect(isCrossSite({ method: "POST", origin: "https://evil.example", host: "dc.example.nhs.uk" }, pub)).toBe(true);
    expect(isCrossSite({ method: "POST", host: "dc.example.nhs.uk" }, pub)).toBe(true);
    expect(isCrossSite({ method: "DELETE", origin: "null", referer: "https://evil.example/x", host: "dc.example.nhs.uk" }, pub)).toBe(true);
    expect(isCrossSite({ method: "POST", origin: "not a url", host: "dc.example.nhs.uk" }, pub)).toBe(true);
  });
});

describe("content security policy", () => {
  it("allows only this site's scripts and the page's nonce, and no framing", () => {
    const csp = contentSecurityPolicy("abc");
    expect(csp).toContain("script-src 'self' 'nonce-abc'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
  });
});
