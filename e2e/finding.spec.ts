import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { formatNhsNumber } from "../app/domain/nhs-number";
import { countRows, expect, expectAccessible, idOf, readDb, signIn, test } from "./fixtures";

/** Every address the browser asked for, to prove a search never reached one. */
function watchAddresses(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => seen.push(r.url()));
  page.on("framenavigated", (f) => seen.push(f.url()));
  return seen;
}

function one<T>(query: string, ...params: unknown[]): T {
  const db = readDb();
  try {
    return db.prepare(query).get(...params) as T;
  } finally {
    db.close();
  }
}

function all<T>(query: string, ...params: unknown[]): T[] {
  const db = readDb();
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function search(page: Page, label: RegExp | string, text: string) {
  await page.getByLabel(label).fill(text);
  await page.getByRole("button", { name: "Search" }).click();
}

test("a nurse finds a person by a spaced NHS number and by name, and the search never reaches the address", async ({ page }) => {
  const edith = one<{ nhsNumber: string }>(`SELECT nhs_number AS "nhsNumber" FROM people WHERE name = 'Edith Clarke'`);
  await signIn(page, "nurse");
  const addresses = watchAddresses(page);
  await page.goto("/people");

  const spaced = formatNhsNumber(edith.nhsNumber);
  await search(page, "Name or NHS number", spaced);
  const outcome = page.getByRole("status");
  await expect(outcome).toContainText(`1 person found with NHS number ${spaced}`);
  const table = page.getByRole("table");
  await expect(table.getByRole("link")).toHaveText(["Edith Clarke"]);
  await expectAccessible(page);

  // Hyphens, or no spaces at all, find the same person.
  await search(page, "Name or NHS number", `${edith.nhsNumber.slice(0, 3)}-${edith.nhsNumber.slice(3, 6)}-${edith.nhsNumber.slice(6)}`);
  await expect(table.getByRole("link")).toHaveText(["Edith Clarke"]);

  await search(page, "Name or NHS number", "clarke");
  await expect(outcome).toContainText("1 person found for “clarke”");
  await expect(table.getByRole("link")).toHaveText(["Edith Clarke"]);

  // Some digits only find nobody, and the page says what to do instead.
  await search(page, "Name or NHS number", edith.nhsNumber.slice(-4));
  await expect(outcome).toContainText(`No people found for “${edith.nhsNumber.slice(-4)}”`);
  await expect(outcome).toContainText("NHS numbers are only matched in full. Enter all 10 digits");
  await expect(page.getByRole("table")).toHaveCount(0);

  await search(page, "Name or NHS number", "Zebedee");
  await expect(outcome).toContainText("No people found for “Zebedee”");
  await expect(outcome).toContainText("Check the spelling, try part of the name");
  await expectAccessible(page);
  await outcome.getByRole("link", { name: "Show everyone" }).click();
  await expect(page.getByRole("table")).toContainText("Arthur Bennett");

  for (const url of addresses) {
    expect(url).not.toContain(edith.nhsNumber);
    expect(url).not.toContain(edith.nhsNumber.slice(-4));
    expect(decodeURIComponent(url)).not.toMatch(/clarke|Zebedee|q=/i);
  }
});

test("a nurse finds an agreement by part of its reference and by the person's name; another team finds none of it", async ({ page }) => {
  const edith = one<{ id: number; reference: string }>("SELECT id, reference FROM agreements WHERE person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') ORDER BY id LIMIT 1");
  const edithsAgreements = countRows("agreements", "person_id = (SELECT id FROM people WHERE name = 'Edith Clarke')");
  await signIn(page, "nurse");
  const addresses = watchAddresses(page);
  await page.goto("/agreements");

  const part = edith.reference.slice(3).toLowerCase(); // "2026-000003": part of it, any case
  await search(page, "Reference, person's name or NHS number", part);
  const outcome = page.getByRole("status");
  await expect(outcome).toContainText(`1 agreement found for “${part}”`);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(edith.reference);
  await expect(rows.nth(1)).toContainText("Edith Clarke");
  await expectAccessible(page);

  await search(page, "Reference, person's name or NHS number", "edith");
  await expect(outcome).toContainText(`${edithsAgreements} agreement${edithsAgreements === 1 ? "" : "s"} found for “edith”`);
  await expect(rows).toHaveCount(edithsAgreements + 1);
  for (let i = 1; i <= edithsAgreements; i++) await expect(rows.nth(i)).toContainText("Edith Clarke");
  await page.getByRole("table").getByRole("link", { name: edith.reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(edith.reference);

  for (const url of addresses) expect(decodeURIComponent(url)).not.toMatch(/edith|q=/i);

  // docs/domain.md rule 15: the search runs inside the reader's scope, so the South team finds nothing.
  await signIn(page, "nurseSouth");
  await page.goto("/agreements");
  await search(page, "Reference, person's name or NHS number", "Edith");
  await expect(page.getByRole("status")).toContainText("No agreements found for “Edith”");
  await expect(page.getByRole("status")).toContainText("Check the spelling, try part of the person's name");
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("a worker's page lists the agreements naming them, and a care worker sees their own on their home page", async ({ page }) => {
  const edith = one<{ reference: string }>("SELECT reference FROM agreements WHERE person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') AND state = 'active' ORDER BY id LIMIT 1");
  const maria = idOf("care_workers", "name = ?", "Maria Santos");
  const naming = all<{ reference: string }>(
    `SELECT DISTINCT a.reference FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id JOIN agreement_workers w ON w.version_id = v.id
     WHERE w.worker_id = ? AND v.version IN (a.current_version, a.in_force_version) AND a.provider_id = (SELECT provider_id FROM care_workers WHERE id = ?)`,
    maria,
    maria,
  );
  await signIn(page, "manager");
  await page.goto(`/workers/${maria}`);
  const section = page.getByRole("region", { name: "Agreements naming this care worker" });
  const table = section.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(naming.length + 1);
  const row = table.getByRole("row").filter({ hasText: edith.reference });
  await expect(row).toContainText("Edith Clarke");
  await expect(row).toContainText("Insulin administration by pen");
  await expect(row).toContainText(/Active|Review due|Review overdue/);
  await expect(row).toContainText("Yes, version");
  await expectAccessible(page);
  await row.getByRole("link", { name: edith.reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(edith.reference);

  await signIn(page, "worker");
  const own = page.getByRole("region", { name: "Agreements that name you" });
  await expect(own.getByRole("row").filter({ hasText: edith.reference })).toContainText("Yes, version");
  await expectAccessible(page);
});

test("a second care worker with the same name needs a staff number; lists and the named-worker picker tell them apart", async ({ page }) => {
  await signIn(page, "manager");
  const addWorker = async (staffNumber: string | null) => {
    await page.goto("/workers/new");
    await page.getByLabel("Full name").fill("Nadia Karim");
    await page.getByLabel("Job title").fill("Care worker");
    if (staffNumber !== null) await page.getByLabel("Staff number (optional)").fill(staffNumber);
    const joined = page.getByRole("group", { name: "Date they joined this provider" });
    await joined.getByLabel("Day").fill("3");
    await joined.getByLabel("Month").fill("3");
    await joined.getByLabel("Year").fill("2024");
    await page.getByRole("button", { name: "Add care worker" }).click();
  };

  // The first Nadia Karim at Brightside needs no staff number.
  await addWorker(null);
  await expect(page.getByText("Nadia Karim has been added.")).toBeVisible();
  const before = countRows("care_workers", "name = 'Nadia Karim'");
  expect(before).toBe(1);

  // A second one without a staff number is refused, naming the worker already there.
  await addWorker(null);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toContainText("Nadia Karim (no staff number recorded) already works at Brightside Home Care. Enter a staff number so the two can be told apart");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await summary.getByRole("link", { name: /already works at Brightside Home Care/ }).click();
  await expect(page.getByLabel("Staff number (optional)")).toBeFocused();
  expect(countRows("care_workers", "name = 'Nadia Karim'")).toBe(1);

  // With a staff number of its own, it is accepted.
  await page.getByLabel("Staff number (optional)").fill("BHC-3105");
  await page.getByRole("button", { name: "Add care worker" }).click();
  await expect(page.getByText("Nadia Karim (staff number BHC-3105) has been added.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nadia Karim (staff number BHC-3105)");
  expect(countRows("care_workers", "name = 'Nadia Karim'")).toBe(2);

  // The workers list names both apart and warns, as it does for the demo's two Grace Okafors.
  await page.goto("/workers");
  await expect(page.getByRole("link", { name: "Nadia Karim (staff number BHC-3105)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Nadia Karim (no staff number recorded)" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Care workers with the same name/ })).toBeVisible();
  await expect(page.getByText("2 care workers at Brightside Home Care are called Nadia Karim. Check the staff number before choosing.")).toBeVisible();
  await expect(page.getByText("2 care workers at Brightside Home Care are called Grace Okafor. Check the staff number before choosing.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Grace Okafor (staff number BHC-1043)" })).toBeVisible();
  await expectAccessible(page);

  // Changing the first one's details without a staff number is refused too; with one, accepted.
  const first = idOf("care_workers", "name = 'Nadia Karim' AND staff_number IS NULL");
  await page.goto(`/workers/${first}/edit`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert")).toContainText("Nadia Karim (staff number BHC-3105) already works at Brightside Home Care");
  await page.getByLabel("Staff number (optional)").fill("BHC-3105");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert")).toContainText("Staff number BHC-3105 is already Nadia Karim's at Brightside Home Care");
  await page.getByLabel("Staff number (optional)").fill("BHC-0977");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes to Nadia Karim (staff number BHC-0977) have been saved.")).toBeVisible();

  // The nurse naming workers on a Brightside agreement sees the same labels and warning.
  const arthur = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Arthur Bennett') ORDER BY id LIMIT 1");
  await signIn(page, "nurse");
  await page.goto(`/agreements/${arthur}/workers`);
  await expect(page.getByLabel("Nadia Karim (staff number BHC-0977)")).toBeVisible();
  await expect(page.getByLabel("Nadia Karim (staff number BHC-3105)")).toBeVisible();
  await expect(page.getByText("2 care workers at Brightside Home Care are called Nadia Karim. Check the staff number before choosing.")).toBeVisible();
  await expectAccessible(page);
});

function pdfText(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dc-e2e-batch-")), "a.pdf");
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

test("every active agreement as one PDF: in the stated order, each from a new page with its own page numbers and status", async ({ page }) => {
  await signIn(page, "manager2");
  await page.goto("/agreements");
  await expect(page.getByText("in order of the person's name, then the agreement's reference")).toBeVisible();
  const expected = all<{ reference: string; person: string }>(
    `SELECT a.reference, p.name AS person FROM agreements a JOIN people p ON p.id = a.person_id
     WHERE a.provider_id = (SELECT id FROM organisations WHERE name = 'Oakfield Care Home') AND a.state = 'active'`,
  ).sort((a, b) => a.person.localeCompare(b.person, "en-GB") || a.reference.localeCompare(b.reference));
  expect(expected.length).toBeGreaterThan(0);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /as one PDF, to print in one go/ }).click();
  const file = await (await download).path();
  const pages = pdfText(fs.readFileSync(file))
    .split("\f")
    .filter((p) => p.trim())
    .map((p) => p.replace(/\s+/g, " "));

  // A contents page listing them in order, then each agreement's own pages.
  expect(pages[0]).toContain(`${expected.length} agreement${expected.length === 1 ? "" : "s"}, in order of the person's name, then the agreement's reference`);
  let at = 1;
  for (const [i, a] of expected.entries()) {
    expect(pages[0]).toContain(`${i + 1} ${a.reference}, version`);
    const first = pages[at]!;
    expect(first).toContain(`Delegation agreement ${a.reference}`);
    const of = Number(first.match(/Page 1 of (\d+)/)![1]);
    expect(of).toBeGreaterThan(0);
    for (let n = 1; n <= of; n++) {
      const sheet = pages[at + n - 1]!;
      expect(sheet).toContain(a.reference);
      expect(sheet).toContain(`Page ${n} of ${of}`);
      expect(sheet).toMatch(/Status on \d{1,2} \w+ \d{4}, the day this was printed: /);
    }
    at += of;
  }
  // Nothing more than the contents and the agreements: a sensible page count.
  expect(pages).toHaveLength(at);
  // Margaret Hollis's agreement is suspended, so it is not among the active ones.
  expect(pages.join(" ")).not.toContain("Margaret Hollis");
});
