import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { formatDate } from "../app/domain/dates";
import { countRows, expect, expectAccessible, idOf, readDb, savedToTaskList, setClock, signIn, test } from "./fixtures";

test.afterEach(() => setClock(null));

function pdfText(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dc-e2e-pdf-")), "a.pdf");
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/** pdftotext separates pages with a form feed; whitespace folded so a wrapped line still matches. */
function pagesOf(text: string): string[] {
  return text
    .split("\f")
    .filter((p) => p.trim())
    .map((p) => p.replace(/\s+/g, " "));
}

function startDateOf(agreementId: number): string {
  const db = readDb();
  try {
    return (db.prepare("SELECT start_date AS d FROM agreements WHERE id = ?").get(agreementId) as { d: string }).d;
  } finally {
    db.close();
  }
}

async function signAs(page: Page, agreementId: number) {
  await page.goto(`/agreements/${agreementId}/sign`);
  await page.getByLabel(/I have read version \d+/).check();
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page.getByText("Signature recorded.")).toBeVisible();
}

function codeOf(agreementId: number, version: number): string {
  const db = readDb();
  try {
    return (db.prepare("SELECT verification_code AS c FROM agreement_versions WHERE agreement_id = ? AND version = ?").get(agreementId, version) as { c: string }).c;
  } finally {
    db.close();
  }
}

test("a provider manager prints a signed agreement; the second copy comes from storage", async ({ page }) => {
  const edith = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') AND in_force_version IS NOT NULL ORDER BY id LIMIT 1");
  await signIn(page, "manager");
  await page.goto(`/agreements/${edith}`);
  await expect(page.getByRole("link", { name: /Print this agreement \(PDF, version 1\)/ })).toBeVisible();

  const first = await page.request.get(`/agreements/${edith}/pdf?version=1`);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe("application/pdf");
  const text = pdfText(await first.body());
  for (const expected of ["Edith Clarke", "Insulin administration by pen", "Blood glucose monitoring", "Maria Santos", "James Whitfield", "10. Signatures", "Version 1", "Page 1 of", `Verification code: ${codeOf(edith, 1)}`]) {
    expect(text, expected).toContain(expected);
  }
  expect(text).toMatch(/NHS number\s+\d{3} \d{3} \d{4}/);
  expect(text).not.toContain("Draft: not valid for use");

  for (const p of pagesOf(text)) expect(p).toMatch(/Status on \d{1,2} \w+ \d{4}, the day this was printed: In force\. Version 1 is signed by every party and has been in force since/);

  const before = countRows("stored_printouts");
  const second = await page.request.get(`/agreements/${edith}/pdf?version=1`);
  expect(["rendered", "stored"]).toContain(first.headers()["x-pdf-source"]);
  expect(second.headers()["x-pdf-source"]).toBe("stored");
  expect((await second.body()).equals(await first.body())).toBe(true);
  expect(countRows("stored_printouts")).toBe(before);
});

test("a version awaiting signatures prints 'Not signed: for discussion' on every page, with no verification code and blank signature lines", async ({ page }) => {
  const winifred = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Winifred Shaw')");
  await signIn(page, "nurse");
  const response = await page.request.get(`/agreements/${winifred}/pdf`);
  expect(response.headers()["x-pdf-source"]).toBe("rendered");
  const text = pdfText(await response.body());
  for (const p of pagesOf(text)) expect(p).toContain("Not signed: for discussion");
  expect(text).not.toContain(`Verification code: ${codeOf(winifred, 1)}`);
  expect(text).toContain("Signature, name and date");
  expect(countRows("stored_printouts", "version_id = (SELECT id FROM agreement_versions WHERE agreement_id = ?)", winifred)).toBe(0);
});

test("/verify says whether a printout is in force, without personal data", async ({ page }) => {
  const doris = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Doris Fielding')");
  const old = codeOf(doris, 1);
  const current = codeOf(doris, 2);

  await page.goto(`/verify/${old}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("This printout is not the version in force");
  await expect(page.locator("main")).toContainText("It is no longer in force: version 2");
  await expect(page.locator("main")).toContainText("D. F.");
  await expect(page.locator("main")).not.toContainText("Doris");
  await expectAccessible(page);

  await page.goto("/verify");
  await page.getByLabel("Verification code").fill(current.toLowerCase().replace("-", " "));
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("This printout is the version in force");
  await expectAccessible(page);

  const unknown = await page.goto("/verify/ZZZZ-ZZZZ");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that verification code");
});

test("scope: nobody downloads a PDF outside their scope", async ({ page }) => {
  const edith = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') ORDER BY id LIMIT 1");
  const maria = idOf("care_workers", "name = ?", "Maria Santos");
  await signIn(page, "manager2");
  expect((await page.request.get(`/agreements/${edith}/pdf?version=1`)).status()).toBe(404);
  expect((await page.request.get(`/workers/${maria}/passport.pdf`)).status()).toBe(404);
  await signIn(page, "worker");
  const own = await page.request.get(`/workers/${maria}/passport.pdf`);
  expect(own.status()).toBe(200);
  expect(pdfText(await own.body())).toContain("Skills passport: Maria Santos");
  const colleague = idOf("care_workers", "name = ?", "James Whitfield");
  expect((await page.request.get(`/workers/${colleague}/passport.pdf`)).status()).toBe(404);
});

test("batch print: a provider manager downloads every active agreement as a zip of PDFs", async ({ page }) => {
  await signIn(page, "manager2");
  await page.goto("/agreements");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /zip of PDFs/ }).click();
  const file = await (await download).path();
  const listing = execFileSync("unzip", ["-l", file], { encoding: "utf8" });
  const george = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'George Whitaker')");
  expect(listing).toContain(`DA-`);
  expect(listing).toContain(`${String(george).padStart(6, "0")}-version-1.pdf`);
  // Margaret's agreement is suspended, so it is not in the batch of active agreements.
  const margaret = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Margaret Hollis')");
  expect(listing).not.toContain(`${String(margaret).padStart(6, "0")}-version`);
  // Each printout in the batch states its status on the day, like a single print.
  const name = listing.match(/DA-\d{4}-\d{6}-version-\d+\.pdf/g)!.find((n) => n.includes(`${String(george).padStart(6, "0")}-version-1`))!;
  const georgePdf = execFileSync("unzip", ["-p", file, name]);
  for (const p of pagesOf(pdfText(georgePdf))) expect(p).toContain("the day this was printed: In force.");
});

test("a suspended agreement's printout says suspended on every page, and its verify page says the same without contradiction", async ({ page }) => {
  const margaret = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Margaret Hollis')");
  // The demo printed it once already (a stored printout, to see and to verify).
  expect(countRows("stored_printouts", "version_id = (SELECT id FROM agreement_versions WHERE agreement_id = ? AND version = 1)", margaret)).toBe(1);
  await signIn(page, "manager2");
  const response = await page.request.get(`/agreements/${margaret}/pdf`);
  expect(response.status()).toBe(200);
  const pages = pagesOf(pdfText(await response.body()));
  expect(pages.length).toBeGreaterThan(1);
  for (const p of pages) {
    expect(p).toContain("the day this was printed: Suspended. The agreement has been suspended since");
    expect(p).toContain("No named care worker is competent for Urinary catheter care");
    expect(p).not.toMatch(/in force from|has been in force/);
  }
  expect(pages[0]).toContain("This agreement is suspended. Nobody may carry out its tasks while it is suspended. Do not use this printout.");

  await page.goto(`/verify/${codeOf(margaret, 1)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/This agreement is suspended/);
  const main = page.locator("main");
  await expect(page.getByRole("heading", { level: 2, name: "Do not use this printout" })).toBeVisible();
  await expect(main).toContainText("The agreement has been suspended since");
  await expect(main).toContainText("No named care worker is competent for Urinary catheter care");
  await expect(main).not.toContainText("is the version in force");
  await expect(main).not.toContainText("has been in force");
  await expectAccessible(page);
});

test("signed on one day to start a week later: 'Signed, starts …' on the agreement, 'not yet in force' on the printout and at /verify, in force from the start date", async ({ page }) => {
  const arthur = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Arthur Bennett')");
  const startDate = startDateOf(arthur);
  const starts = formatDate(startDate);

  // The nurse records consent, sends it, signs, and records Arthur's signature made on paper.
  await signIn(page, "nurse");
  await page.goto(`/agreements/${arthur}/consent`);
  await page.getByLabel("Given by the person").check();
  await page.getByRole("button", { name: "Record consent" }).click();
  await savedToTaskList(page);
  await page.goto(`/agreements/${arthur}/send`);
  await page.getByRole("button", { name: "Send for signatures" }).click();
  await expect(page.getByText("Sent for signatures.")).toBeVisible();
  await signAs(page, arthur);
  await page.goto(`/agreements/${arthur}/paper`);
  await page.getByLabel(/Arthur Bennett/).check();
  await page.getByLabel("Name as signed").fill("Arthur Bennett");
  await page.getByLabel(/I hold the signed paper copy/).check();
  await page.getByRole("button", { name: "Record signature" }).click();
  await expect(page.getByText("Signature recorded.")).toBeVisible();
  await signIn(page, "manager");
  await signAs(page, arthur);
  await signIn(page, "worker");
  await signAs(page, arthur);

  // Every party has signed: it is signed, not yet in force, and says when it starts.
  expect(countRows("agreements", "id = ? AND state = 'active'", arthur)).toBe(1);
  await expect(page.locator(".nhsuk-tag").first()).toHaveText(`Signed, starts ${starts}`);
  await expect(page.getByText(`It starts on ${starts}: nobody may carry out its tasks before then.`)).toBeVisible();
  await expectAccessible(page);
  await signIn(page, "nurse");
  await page.goto("/agreements");
  await expect(page.getByRole("row", { name: /Arthur Bennett/ })).toContainText(`Signed, starts ${starts}`);

  const pdf = await page.request.get(`/agreements/${arthur}/pdf`);
  const pages = pagesOf(pdfText(await pdf.body()));
  for (const p of pages) {
    expect(p).toContain(`the day this was printed: Not yet in force. Version 1 is signed by every party, and starts on ${starts}. Nobody may carry out its tasks before ${starts}.`);
  }
  expect(pages.join(" ")).not.toMatch(/in force from|has been in force/);

  const code = codeOf(arthur, 1);
  await page.goto(`/verify/${code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/This printout is signed but not yet in force/);
  await expect(page.locator("main")).toContainText(`Nobody may carry out its tasks before ${starts}.`);
  await expect(page.locator("main")).toContainText(`Signed, starts ${starts}`);
  await expectAccessible(page);

  // On the start date it is in force, and in force from the start date, not the day it was signed.
  setClock(new Date(`${startDate}T09:00:00Z`));
  await page.goto(`/verify/${code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/This printout is the version in force/);
  await expect(page.locator("main")).toContainText(`has been in force since ${starts}`);
  await signIn(page, "nurse");
  const onTheDay = pagesOf(pdfText(await (await page.request.get(`/agreements/${arthur}/pdf`)).body()));
  for (const p of onTheDay) expect(p).toContain(`: In force. Version 1 is signed by every party and has been in force since ${starts}.`);
});

test("a version 2 awaiting signatures is not 'replaced by version 1': its code says it is waiting for signatures", async ({ page }) => {
  const george = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'George Whitaker')");
  await signIn(page, "nurse");
  await page.goto(`/agreements/${george}/amend`);
  await page.getByLabel("Reason for the change").fill("The wound is healing: dressings twice a week.");
  await page.getByLabel("Version 1 stays in force").check();
  await page.getByRole("button", { name: "Start version 2" }).click();
  await savedToTaskList(page);
  await page.goto(`/agreements/${george}/send`);
  await page.getByRole("button", { name: "Send for signatures" }).click();
  await expect(page.getByText("Sent for signatures.")).toBeVisible();

  await page.goto(`/verify/${codeOf(george, 2)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/This printout has not been signed by every party/);
  await expect(page.locator("main")).toContainText("Version 2 is still waiting for signatures, so it is not in force.");
  await expect(page.locator("main")).not.toContainText("replaced");
  await expectAccessible(page);

  await page.goto(`/verify/${codeOf(george, 1)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/This printout is the version in force/);
});
