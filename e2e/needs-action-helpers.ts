/** Reading the home page's "Needs your action" list, for e2e/needs-action.spec.ts and the first look at the demo. */
import type { Page } from "@playwright/test";
import { expect, type Account } from "./fixtures";

export const needsAction = (page: Page) => page.locator("section[aria-labelledby='needs-action']");

/** The groups on the home page, and the count the header's Home link reads out. */
export async function homeList(page: Page) {
  await page.goto("/");
  const section = needsAction(page);
  await expect(section.getByRole("heading", { level: 2, name: "Needs your action" })).toBeVisible();
  const items = await section.locator("li").count();
  const home = page.getByRole("navigation").getByRole("link", { name: /^Home/ });
  if (items) await expect(home).toHaveAccessibleName(`Home (${items} ${items === 1 ? "thing needs" : "things need"} your action)`);
  else await expect(home).toHaveAccessibleName("Home");
  return { section, items, groups: await section.getByRole("heading", { level: 3 }).allInnerTexts() };
}

/** Every link on the page (header and main) opens for this user: no "you cannot do this", no "page not found". */
export async function everyLinkOpens(page: Page, account: Account) {
  const hrefs = await page.locator("header a[href], main a[href]").evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")!))]);
  const inApp = hrefs.filter((h) => h.startsWith("/") && !h.startsWith("//"));
  expect(inApp.length).toBeGreaterThan(3);
  for (const href of inApp) {
    const response = await page.request.get(href, { maxRedirects: 0 });
    expect(response.status(), `${account}: ${href}`).toBeLessThan(400);
  }
}

