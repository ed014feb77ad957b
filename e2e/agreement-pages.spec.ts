import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, countRows, expect, expectAccessible, idOf, readDb, signIn, test } from "./fixtures";

/** Issue 14, part "agreement": agreement pages and lists, the consent form, tab titles and client errors. */

function one<T>(sql: string, ...params: unknown[]): T {
  const db = readDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

function pdfText(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dc-e2e-pdf-")), "a.pdf");
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** Every error the page reports: uncaught exceptions and console errors (a rejected form's 400 response aside). */
function watchClientErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource: the server responded with a status of 400/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

test("the keyboard on /agreements/new, from the first moment: no client error, the form rejects then starts the draft; the consent form reveals each option's details and keeps only the chosen one's", async ({ page, browser }) => {
  const errors = watchClientErrors(page);
  await signIn(page, "nurse");

  // React error #345 came from a key pressed before the page had hydrated (pages no longer hydrate: decision 034): press keys from the moment the page arrives.
  for (let round = 0; round < 4; round++) {
    await page.goto("/agreements/new", { waitUntil: "commit" });
    for (let i = 0; i < 12; i++) await page.keyboard.press("Tab");
    await page.waitForLoadState("load");
  }
  await expect(page.getByRole("heading", { level: 1, name: "Start a delegation agreement" })).toBeVisible();

  // Sent with nothing chosen, by the keyboard alone: the error summary, then the fields by Tab.
  await page.getByLabel("Person receiving care").focus();
  for (let i = 0; i < 20 && !(await page.getByRole("button", { name: "Start agreement" }).evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(page.getByRole("button", { name: "Start agreement" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toContainText("Select the person receiving care");
  await expect(page).toHaveTitle(/^Error: Start a delegation agreement – Delegated Care – NHS$/);
  await expectAccessible(page);

  await page.getByLabel("Person receiving care").selectOption({ label: "George Whitaker (Oakfield Care Home)" });
  await page.getByLabel("Stoma care").focus();
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Stoma care")).toBeChecked();
  await page.getByRole("button", { name: "Start agreement" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Complete the agreement/);
  const id = Number(new URL(page.url()).pathname.split("/")[2]);
  const { reference } = one<{ reference: string }>("SELECT reference FROM agreements WHERE id = ?", id);
  // Named by the reference, never the person (docs/domain.md rule 15).
  await expect(page).toHaveTitle(`${reference}: Complete the agreement – Delegated Care – NHS`);
  expect(errors).toEqual([]);

  // Without JavaScript: every option's details are on the page, inside their option's conditional block.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const plain = await noScript.newPage();
  await plain.goto("/login");
  await plain.getByLabel("Email address").fill(ACCOUNTS.nurse.email);
  await plain.getByLabel("Password").fill(DEMO_PASSWORD);
  await plain.getByRole("button", { name: "Sign in", exact: true }).click();
  // Signed in once the home page greets her: leaving before then would abandon the sign-in.
  await expect(plain.getByRole("heading", { level: 1, name: `Welcome, ${ACCOUNTS.nurse.name}` })).toBeVisible();
  await plain.goto(`/agreements/${id}/consent`);
  await expect(plain).toHaveTitle(`${reference}: Record consent – Delegated Care – NHS`);
  await expect(plain.locator("#kind-representative--conditional").getByLabel("Representative's name")).toBeVisible();
  await expect(plain.locator("#kind-best_interests--conditional").getByLabel("Best-interests decision", { exact: true })).toBeVisible();
  // Details typed under two other options, then "Given by the person" chosen: only the person's consent is saved.
  await plain.getByLabel("Given by the person").check();
  await plain.getByLabel("Representative's name").fill("Susan Hollis");
  await plain.getByLabel("Court-appointed deputy").check();
  await plain.getByLabel("Best-interests decision", { exact: true }).fill("Meeting with the GP");
  await plain.getByRole("button", { name: "Record consent" }).click();
  await expect(plain.getByText("Consent recorded.")).toBeVisible();
  expect(one("SELECT kind, representative_name AS name, authority, decision_details AS details FROM consents WHERE agreement_id = ?", id)).toEqual({
    kind: "person",
    name: "",
    authority: null,
    details: "",
  });
  await noScript.close();

  // With JavaScript the details stay hidden until their option is chosen; the chosen one's are checked.
  await page.goto(`/agreements/${id}/consent`);
  await expect(page.getByLabel("Representative's name")).toBeHidden();
  await page.getByLabel("Given by a representative with authority").check();
  await expect(page.getByLabel("Representative's name")).toBeVisible();
  await expect(page.getByLabel("Best-interests decision", { exact: true })).toBeHidden();
  await expectAccessible(page);
  const consents = countRows("consents", "agreement_id = ?", id);
  await page.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the representative's name");
  await expect(page.getByRole("alert")).toContainText("Select the representative's authority");
  expect(countRows("consents", "agreement_id = ?", id)).toBe(consents);

  // The printout for discussion carries the chosen option only.
  const pdf = pdfText(await (await page.request.get(`/agreements/${id}/pdf`)).body());
  expect(pdf).toContain("Given by the person");
  expect(pdf).not.toContain("Susan Hollis");
  expect(pdf).not.toContain("Meeting with the GP");

  // The draft was this test's own: deleted, so the demo is as it was.
  await page.goto(`/agreements/${id}/delete`);
  await page.getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByText("The draft has been deleted.")).toBeVisible();
  expect(countRows("agreements", "id = ?", id)).toBe(0);
  expect(errors).toEqual([]);
});

test("agreement pages read as one status, lists put ended agreements last, addresses keep their lines, and no tab title names a person", async ({ page }) => {
  const errors = watchClientErrors(page);
  await signIn(page, "nurse");
  const edith = idOf("people", "name = ?", "Edith Clarke");
  const db = readDb();
  const namesOfPeople = (db.prepare("SELECT name FROM people").all() as { name: string }[]).map((p) => p.name);
  db.close();
  const noPersonInTitle = async () => {
    const title = await page.title();
    for (const name of namesOfPeople) for (const part of name.split(" ")) expect(title, page.url()).not.toContain(part);
  };

  // A person's page: the title says what the page is, not who; the address keeps the lines it was typed in.
  await page.goto(`/people/${edith}`);
  await expect(page).toHaveTitle("Person receiving care – Delegated Care – NHS");
  await noPersonInTitle();
  const address = page.locator(".nhsuk-summary-list__row", { hasText: "Address" }).locator(".nhsuk-summary-list__value");
  expect(await address.innerText()).toBe("7 Rose Terrace\nAshworth\nAS1 3RT");
  // Her agreements: live ones first, ended ones after.
  const tags = await page.locator("main ul.nhsuk-list .nhsuk-tag").allInnerTexts();
  const lastLive = tags.findLastIndex((t) => t !== "Ended");
  const firstEnded = tags.indexOf("Ended");
  if (firstEnded >= 0) expect(firstEnded).toBeGreaterThan(lastLive);
  await expectAccessible(page);

  // Every agreement page is named by its reference.
  for (const [where, page_] of [
    ["person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') ORDER BY id LIMIT 1", ""],
    ["person_id = (SELECT id FROM people WHERE name = 'Margaret Hollis')", "/versions/1"],
  ] as const) {
    const { id, reference } = one<{ id: number; reference: string }>(`SELECT id, reference FROM agreements WHERE ${where}`);
    await page.goto(`/agreements/${id}${page_}`);
    await expect(page).toHaveTitle(new RegExp(`^${reference}: (Agreement|Version 1) – Delegated Care – NHS$`));
    await noPersonInTitle();
  }

  // Suspended by the interlock: the status says so once, and nothing beside it says the agreement is in force.
  const margaret = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Margaret Hollis')");
  await page.goto(`/agreements/${margaret}`);
  const heading = page.locator("main p.dc-actions").first();
  await expect(heading.locator(".nhsuk-tag")).toHaveText("Suspended");
  await expect(heading).toContainText("Version 1, signed by every party");
  await expect(heading).not.toContainText(/in force/i);
  await expect(page.locator("main")).not.toContainText("Version in force:");
  await expectAccessible(page);

  // A provider's address, as typed on three lines.
  await page.goto(`/organisations/${idOf("organisations", "name = ?", "Brightside Home Care")}`);
  const providerAddress = page.locator(".nhsuk-summary-list__row", { hasText: "Address" }).locator(".nhsuk-summary-list__value");
  expect(await providerAddress.innerText()).toBe("Unit 3\nCanal Works\nAshworth\nAS2 1CW");
  await expectAccessible(page);

  // The agreements list (the South team's holds the ended one): live agreements first, the ended one after them, whatever its review date.
  await signIn(page, "nurseSouth");
  await page.goto("/agreements");
  const table = page.getByRole("table", { name: /live agreements first, soonest review first/ });
  const statuses = await table.locator("tbody tr td:nth-child(4)").allInnerTexts();
  expect(statuses.map((s) => s.trim())).toContain("Ended");
  expect(statuses.map((s) => s.trim()).indexOf("Ended")).toBeGreaterThan(statuses.map((s) => s.trim()).findLastIndex((s) => s !== "Ended"));

  // The filter panel: its button at the bottom of the panel, under every filter, the width of the panel on a phone.
  const panel = page.getByRole("form", { name: "Filter agreements" });
  const filter = panel.getByRole("button", { name: "Filter" });
  const below = async () => {
    const button = (await filter.boundingBox())!;
    for (const field of [panel.getByLabel("Status"), panel.getByLabel("Task"), panel.getByLabel(/Review due in/)]) {
      const box = (await field.boundingBox())!;
      expect(button.y).toBeGreaterThanOrEqual(box.y + box.height);
    }
    return button;
  };
  await below();
  await page.setViewportSize({ width: 375, height: 800 });
  const button = await below();
  const inner = await panel.evaluate((el) => {
    const style = getComputedStyle(el);
    return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  });
  expect(Math.abs(button.width - inner)).toBeLessThanOrEqual(2);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // A care worker's own agreements, and the agreement as they see it: still no person in any title.
  await signIn(page, "worker");
  const edithAgreement = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') ORDER BY id LIMIT 1");
  await page.goto(`/agreements/${edithAgreement}`);
  await noPersonInTitle();
  await expectAccessible(page);
  expect(errors).toEqual([]);
});
