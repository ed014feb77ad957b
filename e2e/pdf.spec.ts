import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { countRows, expect, expectAccessible, idOf, readDb, signIn, test } from "./fixtures";

function pdfText(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dc-e2e-pdf-")), "a.pdf");
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
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

  const before = countRows("stored_pdfs");
  const second = await page.request.get(`/agreements/${edith}/pdf?version=1`);
  expect(["rendered", "stored"]).toContain(first.headers()["x-pdf-source"]);
  expect(second.headers()["x-pdf-source"]).toBe("stored");
  expect((await second.body()).equals(await first.body())).toBe(true);
  expect(countRows("stored_pdfs")).toBe(before);
});

test("an unsigned version prints as a draft with blank signature lines", async ({ page }) => {
  const winifred = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Winifred Shaw')");
  await signIn(page, "nurse");
  const response = await page.request.get(`/agreements/${winifred}/pdf`);
  expect(response.headers()["x-pdf-source"]).toBe("rendered");
  const text = pdfText(await response.body());
  expect(text).toContain("Draft: not valid for use");
  expect(text).toContain("Signature, name and date");
  expect(countRows("stored_pdfs", "version_id = (SELECT id FROM agreement_versions WHERE agreement_id = ?)", winifred)).toBe(0);
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
  await page.getByRole("link", { name: /Download every active agreement/ }).click();
  const file = await (await download).path();
  const listing = execFileSync("unzip", ["-l", file], { encoding: "utf8" });
  const george = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'George Whitaker')");
  expect(listing).toContain(`DA-`);
  expect(listing).toContain(`${String(george).padStart(6, "0")}-version-1.pdf`);
  // Margaret's agreement is suspended, so it is not in the batch of active agreements.
  const margaret = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Margaret Hollis')");
  expect(listing).not.toContain(`${String(margaret).padStart(6, "0")}-version`);
});
