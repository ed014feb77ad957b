import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, crossSiteRefusal } from "~/web/request-guards.server";

describe("cross-site request refusal", () => {
  const refused = (r: Parameters<typeof crossSiteRefusal>[0]) => crossSiteRefusal(r) !== null;
  it("lets reads through and same-site writes", () => {
    expect(refused({ method: "GET", host: "dc.example.nhs.uk" })).toBe(false);
    expect(refused({ method: "POST", origin: "https://dc.example.nhs.uk", host: "dc.example.nhs.uk" })).toBe(false);
    expect(refused({ method: "POST", referer: "http://localhost:3000/people/new", host: "localhost:3000" })).toBe(false);
  });

  it("refuses writes from another site, or from nowhere", () => {
    expect(refused({ method: "POST", origin: "https://evil.example", host: "dc.example.nhs.uk" })).toBe(true);
    expect(refused({ method: "POST", host: "dc.example.nhs.uk" })).toBe(true);
    expect(refused({ method: "DELETE", origin: "null", referer: "https://evil.example/x", host: "dc.example.nhs.uk" })).toBe(true);
    expect(refused({ method: "POST", origin: "not a url", host: "dc.example.nhs.uk" })).toBe(true);
  });

  // Issue 12, finding 9: these passed here, then Remix's own check threw (a 500).
  it("refuses, with a reason, what Remix would refuse: an Origin whose host is not the Host, or Origin: null", () => {
    const message = crossSiteRefusal({ method: "POST", origin: "https://dc.example.nhs.uk", host: "other.example:8080" });
    expect(message).toMatch(/not on the address it was sent to/);
    expect(refused({ method: "POST", origin: "http://localhost:3000", host: "LOCALHOST:3000" })).toBe(true);
    expect(refused({ method: "POST", origin: "null", referer: "http://localhost:3000/x", host: "localhost:3000" })).toBe(true);
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
