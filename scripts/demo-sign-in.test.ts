/**
 * The demo's sign-in service (scripts/identity-provider.ts at /demo-sign-in): in the demo, the
 * nurse signs in through it from the sign-in page's button and lands on her home; outside demo
 * mode it is not there at all.
 */
import { describe, expect, it } from "vitest";
import { cookieJar } from "./test-support/cookie-jar";
import { freePort, startServer, tempDatabase } from "./test-support/server-process";

describe("the demo's sign-in service", () => {
  it("signs the nurse in from the sign-in page's button, through the demo provider, to her home", async () => {
    const port = await freePort();
    const server = await startServer({ database: tempDatabase(), port });
    // Demo addresses say localhost (PUBLIC_URL's default), so the browser here does too.
    const base = `http://localhost:${port}`;
    try {
      const login = await (await fetch(`${base}/login`)).text();
      expect(login).toContain("NHS Care Identity Service 2 (demo)");
      const cookies = cookieJar();
      let response = await fetch(`${base}/organisation-sign-in/start`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
        body: new URLSearchParams({ provider: "cis2-demo", redirectTo: "/" }),
      });
      let url = "";
      for (let hop = 0; hop < 12; hop++) {
        cookies.take(response);
        if (response.status >= 300 && response.status < 400) {
          url = new URL(response.headers.get("location")!, url || base).href;
          if (new URL(url).pathname === "/") break;
          response = await fetch(url, { redirect: "manual", headers: { cookie: cookies.header() } });
          continue;
        }
        const html = await response.text();
        expect(html).toContain("nurse@example.org");
        const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
        const sub = /<button type="submit" name="account" value="([^"]+)">nurse@example.org</.exec(html)![1]!;
        response = await fetch(new URL(action, url), {
          method: "POST",
          redirect: "manual",
          headers: { cookie: cookies.header(), "Content-Type": "application/x-www-form-urlencoded", Origin: base },
          body: new URLSearchParams({ account: sub }),
        });
      }
      expect(new URL(url).pathname).toBe("/");
      const home = await fetch(`${base}/`, { redirect: "manual", headers: { cookie: cookies.header() } });
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("Priya Shah");
    } finally {
      await server.stop();
    }
  });

  it("is not there outside demo mode", async () => {
    const port = await freePort();
    const server = await startServer({
      database: tempDatabase(),
      port,
      demo: false,
      env: { SESSION_SECRET: "x".repeat(64), PUBLIC_URL: "https://delegated-care.ashworth-trust.nhs.uk" },
    });
    try {
      const discovery = await fetch(`${server.base}/demo-sign-in/.well-known/openid-configuration`, { redirect: "manual" });
      expect(discovery.status).toBe(404);
      expect((await fetch(`${server.base}/demo-sign-in/auth`, { redirect: "manual" })).status).toBe(404);
      expect(await (await fetch(`${server.base}/login`)).text()).not.toContain("Sign in with");
    } finally {
      await server.stop();
    }
  });
});
