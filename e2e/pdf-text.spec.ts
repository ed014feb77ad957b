/**
 * Every kind of printout the demo makes, read back with pdftotext -bbox-layout (issue 14, item 7;
 * docs/decisions/020-printouts-that-read-and-check.md): no word runs into the side margins or off
 * the page, even with long unbroken text typed into a form; the last page always holds more than
 * the verification box; the skills passport carries a code that /verify answers.
 */
import { execFileSync } from "node:child_process";
import { FOOTER, lastBodyLine, pdfPages, wordsOffThePage, type PdfPage } from "../app/pdf/pdf-words.testing";
import { countRows, expect, expectAccessible, idOf, signIn, test } from "./fixtures";

/** The demo's passport printed 30 days ago (db/seed-passports.ts). */
const DEMO_PASSPORT_CODE = "PASS-PRT2";

/** 200 characters with no space: what a pasted link to a care plan can look like. */
const LONG_URL = `https://care-plans.ashworth.nhs.uk/records/${"edith-clarke-eye-drops-".repeat(7)}${"x".repeat(5)}`.slice(0, 200);
const LONG_EMAIL = `${"district.nursing.north.team.escalations".repeat(3)}@ashworth-community-health.nhs.uk`;

function plainText(bytes: Buffer): string {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes, encoding: "utf8" });
}

/** The lines of a page's body that are neither the status band at its top nor the verification box. */
function contentBesidesTheBox(page: PdfPage): string[] {
  return page.lines
    .filter((l) => l.yMin > 100 && l.yMax < page.height - FOOTER)
    .map((l) => l.text)
    .filter((t) => !/^Verification code:|^Check (whether|what)|\/verify\//.test(t));
}

function expectReadable(name: string, bytes: Buffer): PdfPage[] {
  expect(bytes.subarray(0, 5).toString(), name).toBe("%PDF-");
  const pages = pdfPages(bytes);
  expect(pages.length, name).toBeGreaterThan(0);
  expect(wordsOffThePage(pages), `${name}: words off the page`).toEqual([]);
  expect(contentBesidesTheBox(pages.at(-1)!).length, `${name}: the last page holds only the verification box`).toBeGreaterThan(1);
  for (const [i, page] of pages.entries()) expect(lastBodyLine(page), `${name}: page ${i + 1} ends with a heading`).not.toMatch(/^\d{1,2}\. [A-Z]/);
  return pages;
}

test("every printout stays on the page, long unbroken text included, and a printed skills passport is checked at /verify", async ({ page, baseURL }) => {
  const agreementOf = (person: string, state: string) => idOf("agreements", `person_id = (SELECT id FROM people WHERE name = ?) AND state = ? ORDER BY id LIMIT 1`, person, state);
  const edith = agreementOf("Edith Clarke", "active");
  const winifred = agreementOf("Winifred Shaw", "awaiting_signatures");
  const arthur = agreementOf("Arthur Bennett", "draft");

  // A nurse starts her own draft and pastes a 200-character link and a long email address into it.
  await signIn(page, "nurse");
  await page.goto("/agreements/new");
  await page.getByLabel("Person receiving care").selectOption({ label: "Edith Clarke (Brightside Home Care)" });
  await page.getByLabel("Eye drops").check();
  await page.getByRole("button", { name: "Start agreement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Complete the agreement/);
  const draft = Number(/\/agreements\/(\d+)/.exec(page.url())![1]);
  await page.goto(`/agreements/${draft}/tasks/${idOf("tasks", "name = ?", "Eye drops")}`);
  await page.getByLabel("Instructions").fill(`Follow the eye drops plan at ${LONG_URL} every morning.`);
  await page.getByLabel("What the care worker must not do").fill(`Do not change the drops; ask ${LONG_EMAIL} first.`);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page).toHaveURL(new RegExp(`/agreements/${draft}/draft`));

  const longDraft = await page.request.get(`/agreements/${draft}/pdf`);
  expect(longDraft.status()).toBe(200);
  const longPages = expectReadable("a draft with a long link", await longDraft.body());
  // The link and the address are printed whole, only broken across lines: no hyphen added, nothing lost.
  const joined = longPages.flatMap((p) => p.words.map((w) => w.text)).join("");
  expect(joined).toContain(LONG_URL);
  expect(joined).toContain(LONG_EMAIL);

  for (const [name, id] of [["an agreement in force", edith], ["an agreement awaiting signatures", winifred], ["the demo's unsigned draft", arthur]] as const) {
    const response = await page.request.get(`/agreements/${id}/pdf`);
    expect(response.status(), name).toBe(200);
    expectReadable(name, await response.body());
  }

  // The draft was a working note: she deletes it, so the demo is as it was.
  await page.goto(`/agreements/${draft}/delete`);
  await page.getByRole("button", { name: "Delete draft" }).click();
  await expect(page.getByText("The draft has been deleted.")).toBeVisible();
  expect(countRows("agreements", "id = ?", draft)).toBe(0);

  // The provider manager prints every active agreement as one file, and a care worker's passport.
  await signIn(page, "manager");
  const batch = await page.request.get("/agreements/print-all.pdf");
  expect(batch.status()).toBe(200);
  expectReadable("every active agreement as one PDF", await batch.body());

  const maria = idOf("care_workers", "name = ?", "Maria Santos");
  const passport = await page.request.get(`/workers/${maria}/passport.pdf`);
  expect(passport.status()).toBe(200);
  const passportPages = expectReadable("the skills passport", await passport.body());
  const text = plainText(await passport.body());
  const code = /Verification code: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)?.[1];
  expect(code, "the passport's verification code").toBeTruthy();
  // On every page, with the address to check it at: this server's, where the demo answers.
  for (const [i, p] of text.split("\f").filter((s) => s.trim()).entries()) expect(p, `page ${i + 1}`).toContain(`Verification code: ${code} at ${baseURL}/verify/${code}`);
  expect(passportPages.length).toBeGreaterThan(0);

  // Anyone holding the printout types the code at /verify (signed out, on a phone).
  await page.context().clearCookies();
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/verify");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check a printout");
  await page.getByLabel("Verification code").fill(code!.toLowerCase().replace("-", " "));
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page).toHaveURL(new RegExp(`/verify/${code}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`Skills passport of Maria Santos`));
  const main = page.locator("main");
  await expect(main).toContainText(`This code is on the skills passport of Maria Santos, Brightside Home Care, printed on`);
  const table = page.getByRole("table");
  await expect(table).toContainText("Insulin administration by pen");
  await expect(table).toContainText("Holds today");
  // What the printout showed and no more: a person for whom a competency was signed off, by initials only.
  await expect(main).not.toContainText("Edith Clarke");
  await expect(main).toContainText("for E. C.");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectAccessible(page);

  // The address printed beside the code (and in its QR code) opens the same answer.
  await page.goto(`${baseURL}/verify/${code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Skills passport of Maria Santos/);

  // The demo's passport, printed 30 days ago: a competency shown as expiring then has expired since.
  await page.goto(`/verify/${DEMO_PASSPORT_CODE}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Skills passport of James Whitfield/);
  await expect(page.getByRole("heading", { level: 2, name: "Some competencies have changed since this passport was printed" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Blood glucose monitoring/ })).toContainText("Does not hold today");
  await expectAccessible(page);
});
