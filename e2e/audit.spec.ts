import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, idOf, readDb, signIn, signInWithForm, test } from "./fixtures";

/**
 * The audit trail for an administrator and an auditor (issue 14, item 5): events in plain English
 * with links to the records, filtered by who, record and dates without JavaScript, and a CSV with
 * the same words; record timelines name who did what once (item 2).
 */

/** A dotted action code ("user.sign_in") anywhere in what the page shows; email addresses are data, not codes. */
async function expectNoCodes(page: Page) {
  const text = (await page.locator("main").innerText()).replace(/\S+@\S+/g, "");
  expect(text).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
  expect(text).not.toMatch(/[{}]|undefined|\bnull\b/);
}

/** The server's London day of the newest event (its clock, not this machine's). */
function serverToday(): { day: string; month: string; year: string } {
  const db = readDb();
  try {
    const { at } = db.prepare("SELECT at FROM audit_events ORDER BY id DESC LIMIT 1").get() as { at: string };
    const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(new Date(at));
    const get = (type: string) => parts.find((p) => p.type === type)!.value;
    return { day: get("day"), month: get("month"), year: get("year") };
  } finally {
    db.close();
  }
}

async function fillDate(page: Page, legend: string, date: { day: string; month: string; year: string }) {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(date.day);
  await group.getByLabel("Month").fill(date.month);
  await group.getByLabel("Year").fill(date.year);
}

test("an administrator reads the audit trail in words, filters it by person, record and date, follows links and downloads the CSV", async ({ page, browser }) => {
  // Something to find: Priya Shah signs in today (through the form: a reused session would write no sign-in).
  await signInWithForm(page, "nurse");
  const today = serverToday();

  await signIn(page, "admin");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Priya Shah signed in/ }).first()).toBeVisible();
  await expectNoCodes(page);
  await expectAccessible(page);

  // By person and date.
  await page.getByLabel("Who did it").selectOption({ label: "Priya Shah (registered nurse, Ashworth North District Nursing Team)" });
  await page.getByLabel("Type of record").selectOption({ label: "User" });
  await fillDate(page, "From date", today);
  await fillDate(page, "To date", today);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/who=\d+/);
  // The filtered page is drawn a moment after the address changes: its form shows the filter once it is.
  await expect(page.getByLabel("Who did it")).toHaveValue(String(idOf("users", "email = ?", "nurse@example.org")));
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText("Priya Shah signed in");
  for (const text of await rows.allInnerTexts()) expect(text).toContain("Priya Shah");

  // The CSV has the same filters and the same words, and names who by name, role and organisation.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download these \d+ events? as a spreadsheet \(CSV\)/ }).click();
  const csv = fs.readFileSync((await (await download).path())!, "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe('"When","Who","Role","Organisation","What happened","Record type","Record","Details"');
  expect(lines[1]).toMatch(/^"[^"]+","Priya Shah","Registered nurse","Ashworth North District Nursing Team","Priya Shah signed in","User","Priya Shah \(registered nurse, Ashworth North District Nursing Team\)",""$/);
  expect(lines.slice(1).every((l) => l.includes('"Priya Shah","Registered nurse"'))).toBe(true);

  // A date that is not a date: the error summary names the field and links to it; nothing is listed.
  await page.getByRole("group", { name: "From date" }).getByLabel("Month").fill("");
  await page.getByRole("button", { name: "Filter" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: "From date must include a month" })).toHaveAttribute("href", "#from-month");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator("tbody tr")).toHaveCount(0);
  await expectAccessible(page);

  // By record: an agreement by its reference; its events link to it.
  await page.goto("/admin/audit");
  await page.getByLabel("Agreement reference (optional)").fill("da-2026-000003");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("Showing only agreement DA-2026-000003.")).toBeVisible();
  await expect(page.locator("tbody tr").first()).toBeVisible();
  for (const text of await page.locator("tbody tr").allInnerTexts()) expect(text).toContain("agreement DA-2026-000003");
  await expect(page.locator("tbody tr").filter({ hasText: /sent agreement DA-2026-000003 \(version 1\) for signatures/ })).toHaveCount(1);
  await expectNoCodes(page);
  await page.locator("tbody tr").first().getByRole("link", { name: "agreement DA-2026-000003" }).first().click();
  await expect(page).toHaveURL(/\/agreements\/\d+$/);
  await expect(page.locator("main")).toContainText("DA-2026-000003");

  // A competency, a care worker and the service's own actions, each by its own words and link.
  await page.goto("/admin/audit?type=concern");
  const followUp = page.locator("tbody tr", { hasText: /linked a follow-up to concern \d+: competency suspended/ }).first();
  await followUp.getByText("Details").click();
  const competencyLink = followUp.getByRole("link", { name: /'s competency in / });
  expect(await competencyLink.innerText()).toMatch(/^.+'s competency in .+ \([A-Z-]+\)/);
  await competencyLink.click();
  await expect(page).toHaveURL(/\/competencies\/\d+$/);
  await page.goto("/admin/audit?type=worker");
  const invited = page.locator("tbody tr", { hasText: /invited .+ to sign in/ }).first();
  await invited.getByRole("link").filter({ hasNotText: /Only this record|Sam Patel/ }).first().click();
  await expect(page).toHaveURL(/\/workers\/\d+$/);
  await page.goto("/admin/audit?who=automatic");
  await expect(page.locator("tbody tr").first()).toContainText("Delegated Care (automatic)");
  await expect(page.locator("tbody tr", { hasText: "because no named care worker could carry out a task" }).first()).toBeVisible();
  await expectNoCodes(page);

  // "Only this record" narrows to one record; the trail reads at 375 px without sideways scrolling.
  await page.locator("tbody tr", { hasText: "because no named care worker could carry out a task" }).first().getByRole("link", { name: /^Only this record/ }).click();
  await expect(page.getByText(/^Showing only agreement DA-\d{4}-\d{6}\./)).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/admin/audit?type=agreement");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);

  // The filters are a plain GET form: they work without JavaScript.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: new URL(page.url()).origin });
  const plain = await noScript.newPage();
  await signIn(plain, "admin");
  await plain.goto("/admin/audit");
  await plain.getByLabel("Who did it").selectOption({ label: "Delegated Care (automatic)" });
  await plain.getByRole("button", { name: "Filter" }).click();
  await expect(plain).toHaveURL(/who=automatic/);
  await expect(plain.locator("tbody tr").first()).toContainText("Delegated Care (automatic)");
  for (const text of await plain.locator("tbody tr").allInnerTexts()) expect(text).toContain("Delegated Care (automatic)");
  await noScript.close();
});

test("timelines name who did what once, and call the service 'Delegated Care (automatic)'", async ({ page }) => {
  await signIn(page, "nurse");
  await page.goto(`/agreements/${idOf("agreements", "reference = ?", "DA-2026-000003")}`);
  const timeline = page.locator("h2", { hasText: "Timeline" }).locator("xpath=following-sibling::ul[1]");
  await expect(timeline).toContainText(/signed this agreement \(version 1\) as the delegating nurse/);
  await expect(timeline).toContainText("Delegated Care (automatic) made this agreement active: every party had signed version 1");
  for (const line of await timeline.locator("li").allInnerTexts()) {
    const actor = /: ([A-Z][a-z]+ [A-Z][a-z]+) /.exec(line)?.[1];
    if (actor) expect(line.split(actor).length - 1, line).toBe(1);
  }
  await expectNoCodes(page);

  // A care worker's own history, as their manager sees it.
  await signIn(page, "manager");
  await page.goto(`/workers/${idOf("care_workers", "id = (SELECT worker_id FROM invitations ORDER BY id LIMIT 1)")}`);
  await page.getByText(/History of this record/).click();
  await expect(page.locator("main")).toContainText("Sam Patel invited this care worker to sign in");
  await expectNoCodes(page);
});
