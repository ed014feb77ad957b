import fs from "node:fs";
import type { Download, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * Issue 14, items 4, 8 and 9: the training matrix and the alerts read well at 1280 px and at
 * 375 px, every matrix cell says something, and the CSVs say what the pages say, naming people
 * by one rule (decision record 018).
 */

/** The page itself never scrolls sideways; only a table's own region may. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

/** A CSV downloaded by its link on the page, as rows of cells (every field is quoted). */
async function downloadCsv(page: Page, link: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  const text = fs.readFileSync((await (download as Download).path())!, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  return text
    .slice(1)
    .split("\r\n")
    .filter(Boolean)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

test("the training matrix at 1280 px and 375 px: names stay in view, tasks chosen, 'Not trained' said, the CSV in the page's words", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "manager");
  await page.goto("/training/matrix");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // Chloe Barker's row looked empty: her one record sat in a column off screen, beside blank cells.
  const region = page.getByRole("region", { name: /Training matrix, scrolls sideways/ });
  await expect(region).toHaveAttribute("tabindex", "0");
  const chloe = region.getByRole("row", { name: /Chloe Barker/ });
  await expect(chloe).toContainText("Not trained");
  const catheter = chloe.getByRole("link", { name: /^Urinary catheter care: Suspended since \d+ \w+ \d{4}$/ });
  await expect(catheter).toHaveCount(1);

  // The tasks scroll sideways inside the region; the name column stays where it was.
  const name = chloe.getByRole("rowheader");
  await name.scrollIntoViewIfNeeded();
  await region.evaluate((el) => (el.scrollLeft = 0));
  const before = (await name.boundingBox())!;
  const overflow = await region.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    return el.scrollWidth - el.clientWidth;
  });
  expect(overflow, "eight tasks do not fit at 1280 px: the region scrolls").toBeGreaterThan(0);
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  const after = (await name.boundingBox())!;
  expect(after.x).toBe(before.x);
  // The last task is now in the region's view, beside the names, not under them.
  const cell = (await catheter.boundingBox())!;
  const box = (await region.boundingBox())!;
  expect(cell.x).toBeGreaterThanOrEqual(after.x + after.width);
  expect(cell.x + cell.width).toBeLessThanOrEqual(box.x + box.width);
  await expectNoSidewaysScroll(page);

  // Choose the tasks to show (a GET form: it works without JavaScript and the address keeps the choice).
  await page.getByRole("group", { name: "Tasks to show" }).getByLabel("Urinary catheter care").check();
  await page.getByRole("group", { name: "Tasks to show" }).getByLabel("Blood glucose monitoring").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/task=\d+&task=\d+/);
  await expect(region.getByRole("columnheader")).toHaveText(["Care worker", "Blood glucose monitoring", "Urinary catheter care"]);
  await expect(page.getByRole("group", { name: "Tasks to show" }).getByLabel("Urinary catheter care")).toBeChecked();
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);

  // The CSV has the same tasks and the same words as the page, and names workers by name, staff number and provider.
  const pageWords = (await catheter.getAttribute("aria-label"))!.replace("Urinary catheter care: ", "");
  // Her blood glucose cell holds no competency: it says the training recorded (in the demo, a session she did not complete).
  const glucose = (await chloe.getByRole("cell").first().textContent())!.trim();
  expect(glucose).toMatch(/^Did not complete training on \d+ \w+ \d{4}$/);
  const rows = await downloadCsv(page, "Download this matrix as a spreadsheet (CSV)");
  expect(rows[0]).toEqual(["Care worker", "Staff number", "Provider", "Blood glucose monitoring", "Urinary catheter care"]);
  expect(rows.find((r) => r[0] === "Chloe Barker")).toEqual(["Chloe Barker", "Not recorded", "Brightside Home Care", glucose, pageWords]);
  expect(rows.find((r) => r[0] === "James Whitfield")?.slice(0, 3)).toEqual(["James Whitfield", "BHC-1012", "Brightside Home Care"]);
  expect(rows.flat()).not.toContain("");
  expect(rows.flat().join("\n")).not.toMatch(/Expired, expired|Revoked, expires|Declined, expires/);

  // At 375 px: a card per worker, each task with its status, and still no sideways scroll.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/training/matrix");
  await expect(region).toBeHidden();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Chloe Barker" }) });
  await expect(card).toBeVisible();
  await expect(card.getByRole("term")).toHaveCount(await page.getByRole("group", { name: "Tasks to show" }).getByRole("checkbox").count());
  await expect(card.getByRole("definition").filter({ hasText: "Not trained" }).first()).toBeVisible();
  await expect(card.getByRole("link", { name: /^Urinary catheter care: Suspended since/ })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test("alerts at 375 px read from the left; the chart's words are readable; the alerts CSV names every agreement its words mention", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, "nurse");

  // The expiry chart on the home page: a table of months with bars, its words at body size.
  const chart = page.getByRole("table", { name: "Expiring each month" });
  await expect(chart.getByRole("row")).toHaveCount(13);
  const fontSize = await chart.getByRole("cell").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(16);
  await expectNoSidewaysScroll(page);

  await page.goto("/alerts");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  const list = page.getByRole("table", { name: /most urgent first/ });
  const named = list.getByRole("row").filter({ hasText: /named on DA-\d{4}-\d{6}/i }).first();
  await expect(named).toBeVisible();
  const what = named.getByRole("cell").nth(1);
  expect(await what.evaluate((el) => getComputedStyle(el).textAlign)).toMatch(/^(left|start)$/);

  const title = (await what.getByRole("link").textContent())!.trim();
  const references = (await what.textContent())!.match(/DA-\d{4}-\d{6}/g)!;
  const rows = await downloadCsv(page, "Download these alerts as a spreadsheet (CSV)");
  const header = rows[0]!;
  expect(header).toEqual(["Severity", "Kind", "Due", "What needs attention", "What to do", "Task", "Person (initials)", "Agreements", "Care worker", "Staff number", "Provider"]);
  const row = rows.find((r) => r[header.indexOf("What needs attention")] === title)!;
  expect(row, title).toBeDefined();
  for (const reference of references) expect(row[header.indexOf("Agreements")]!.split("; ")).toContain(reference);
  expect(row[header.indexOf("What to do")]).toBe((await what.locator("div").textContent())!.trim());
  expect(rows.length - 1).toBe(Number((await list.locator("caption").textContent())!.match(/^(\d+) alert/)![1]));
  expect(rows.flat()).not.toContain("");
});
