/**
 * Every page in the demo is looked at by a role that sees it (the list and the look: e2e/support/screens.ts).
 * This file checks that list against app/routes and looks at the signed-out pages; the signed-in
 * roles' pages are looked at by e2e/screens-*.spec.ts, which run beside it on other servers.
 * Also: the footer, and the service details an administrator changes.
 */
import type { Request } from "@playwright/test";
import { expect, expectAccessible, idOf, signIn, test } from "./fixtures";
import { listRoutes } from "./security/routes";
import { NOT_PAGES, screensOf, value, visits } from "./support/screens";

test("every page route in app/routes is looked at by a screens test, or says why it has no page", () => {
  const planned = visits();
  const missing = listRoutes()
    .filter((r) => r.loader || r.action)
    .map((r) => r.pattern)
    .filter((pattern) => !planned[pattern]?.length && !NOT_PAGES[pattern]);
  expect(missing, "routes with neither a visit nor a reason").toEqual([]);
  const gone = [...Object.keys(planned), ...Object.keys(NOT_PAGES)].filter((pattern) => !listRoutes().some((r) => r.pattern === pattern));
  expect(gone, "visits for routes that no longer exist").toEqual([]);
});

screensOf("anonymous");

test("a page's first load, with nothing cached: at most 12 requests and 90 KB of gzipped JavaScript (issue 18, decision 034)", async ({ page, browser }) => {
  await signIn(page, "nurse");
  const cookies = await page.context().cookies();
  const agreement = idOf("agreements", "state = 'active' ORDER BY id LIMIT 1");
  const draft = idOf("agreements", "state = 'draft' ORDER BY id LIMIT 1");
  for (const [who, path] of [
    ["signed out", "/login"],
    ["nurse", "/"],
    ["nurse", "/alerts"],
    ["nurse", `/agreements/${agreement}`],
    ["nurse", `/agreements/${draft}/consent`],
  ] as const) {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    if (who !== "signed out") await context.addCookies(cookies);
    const fresh = await context.newPage();
    const requests: Request[] = [];
    fresh.on("request", (r) => requests.push(r));
    await fresh.goto(path);
    await expect(fresh.getByRole("heading", { level: 1 })).toBeVisible();
    // The script has run: whatever it fetches at start is counted too.
    await expect(fresh.locator("html[data-scripts='ready']")).toBeAttached();
    let javaScript = 0;
    for (const r of requests) if (r.resourceType() === "script") javaScript += (await r.sizes()).responseBodySize;
    const listed = requests.map((r) => new URL(r.url()).pathname).join(", ");
    expect(requests.length, `${path} as ${who}: ${listed}`).toBeLessThanOrEqual(12);
    expect(javaScript, `${path} as ${who}: JavaScript bytes`).toBeGreaterThan(0);
    expect(javaScript, `${path} as ${who}: JavaScript bytes`).toBeLessThanOrEqual(90 * 1024);
    await context.close();
  }
});

test("the footer links the help, accessibility, privacy and cookies pages, and names who runs the service, signed in or not", async ({ page }) => {
  await page.goto("/login");
  const footer = page.getByRole("contentinfo");
  for (const [link, heading] of [
    ["Help and contact", "Help and contact"],
    ["Accessibility statement", "Accessibility statement for Delegated Care"],
    ["Privacy notice", "Privacy notice"],
    ["Cookies", "Cookies"],
  ] as const) {
    await footer.getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
  await expect(footer).toContainText("© Ashworth Community Health NHS Trust");
  await expect(footer).not.toContainText("NHS England");
  await expect(footer.getByRole("link", { name: "0161 496 0500" })).toHaveAttribute("href", "tel:01614960500");
  // The cookies page names the one cookie and its real lifetimes (the deployment's settings).
  await expect(page.getByRole("table")).toContainText("dc_session");
  await expect(page.getByRole("table")).toContainText("after 30 minutes without using the service, or 12 hours after signing in");
  // The privacy notice: who is responsible, the ICO number, the lawful basis and how to complain.
  await page.goto("/privacy");
  await expect(page.getByText("Its registration number with the Information Commissioner's Office (ICO) is ZA123456.")).toBeVisible();
  await expect(page.getByText(/Article 9\(2\)\(h\)/)).toBeVisible();
  await expect(page.getByRole("link", { name: "ico.org.uk/make-a-complaint" })).toBeVisible();

  await signIn(page, "nurse");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Privacy notice" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Change your password" })).toBeVisible();
});

test("an administrator changes the service details: bad ones are refused naming the field, good ones show in the footer at once", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "service details" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Service details");
  await expect(page.getByLabel("Organisation name")).toHaveValue("Ashworth Community Health NHS Trust");
  const auditBefore = value<number>("SELECT count(*) AS v FROM audit_events WHERE action = 'settings.update'");

  await page.getByLabel("Help phone number").fill("call me");
  await page.getByLabel("Postcode").fill("NOT A CODE");
  await page.getByLabel("ICO registration number").fill("");
  await page.getByRole("button", { name: "Save service details" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link")).toHaveText([
    "Enter the help phone number in the correct format, like 0161 496 0100 or +44 161 496 0100",
    "Enter a real postcode, like LS1 4AP",
    "Enter the ICO registration number, like ZA123456",
  ]);
  await expect(summary.getByRole("link").first()).toHaveAttribute("href", "#helpPhone");
  await expectAccessible(page);
  expect(value<number>("SELECT count(*) AS v FROM audit_events WHERE action = 'settings.update'")).toBe(auditBefore);

  await page.getByLabel("Help phone number").fill("0161 496 0555");
  await page.getByLabel("Postcode").fill("m1 3hu");
  await page.getByLabel("ICO registration number").fill("za123456");
  await page.getByRole("button", { name: "Save service details" }).click();
  await expect(page.getByText("Service details saved.")).toBeVisible();
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "0161 496 0555" })).toBeVisible();
  expect(value<number>("SELECT count(*) AS v FROM audit_events WHERE action = 'settings.update'")).toBe(auditBefore + 1);

  // Put the demo's number back for the specs that follow.
  await page.getByLabel("Help phone number").fill("0161 496 0500");
  await page.getByRole("button", { name: "Save service details" }).click();
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "0161 496 0500" })).toBeVisible();
});

test("the accessibility check fails a page with a fault, naming the rule and the element", async ({ page }) => {
  await page.goto("/help");
  await expectAccessible(page);
  // An image with no text alternative, as a careless change to a page would add one.
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "/favicon.ico";
    img.id = "no-alt";
    document.querySelector("main")!.append(img);
  });
  await expect(expectAccessible(page)).rejects.toThrow(/image-alt[\s\S]*#no-alt/);
});
