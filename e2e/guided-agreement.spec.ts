import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { countRows, expect, expectAccessible, idOf, readDb, signIn, test } from "./fixtures";

/** The status a row of the task list shows ("Completed", "Not started", "Cannot start yet"...). */
function status(page: Page, section: string) {
  return page.locator(".nhsuk-task-list__item", { hasText: section }).locator(".nhsuk-task-list__status");
}

function idFromUrl(page: Page): number {
  return Number(new URL(page.url()).pathname.split("/")[2]);
}

function one<T>(sql: string, ...params: unknown[]): T {
  const db = readDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

function pdfPages(bytes: Buffer): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dc-e2e-pdf-")), "a.pdf");
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" })
    .split("\f")
    .filter((p) => p.trim())
    .map((p) => p.replace(/\s+/g, " "));
}

/** Every link in the error summary goes to an element that is on the page. */
async function expectErrorLinksLand(page: Page) {
  const links = page.locator(".nhsuk-error-summary a");
  expect(await links.count()).toBeGreaterThan(0);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
    expect(href, "an error link to a place on this page").toMatch(/^#[\w-]+$/);
    await expect(page.locator(href), `${href} is on the page`).toHaveCount(1);
  }
}

test("a nurse is led through a new agreement: the task list's statuses follow her; check and send refuses until every section, consent included, is complete; then it awaits signatures", async ({ page }) => {
  await signIn(page, "nurse");
  await page.goto("/agreements/new");
  await page.getByLabel("Person receiving care").selectOption({ label: "George Whitaker (Oakfield Care Home)" });
  await page.getByLabel("Eye drops").check();
  await page.getByRole("button", { name: "Start agreement" }).click();

  // Straight to the task list of the new draft.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Complete the agreement/);
  const id = idFromUrl(page);
  await expect(page.getByText("Draft agreement started. Complete each section, then check and send it.")).toBeVisible();
  await expect(status(page, "Person and care provider")).toHaveText("Completed");
  await expect(status(page, "Tasks to delegate")).toHaveText("Completed");
  await expect(status(page, "Care-plan details: Eye drops")).toHaveText("Not started");
  await expect(status(page, "Named care workers")).toHaveText("Not started");
  await expect(status(page, "Dates and supervision")).toHaveText("Not started");
  await expect(status(page, "Consent")).toHaveText("Not started");
  await expect(status(page, "Check and send")).toHaveText("Cannot start yet");
  await expect(page.getByRole("link", { name: "Check and send" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "1 of 5 sections completed" })).toBeVisible();
  await expectAccessible(page);

  // The agreement page of a draft leads back to the task list.
  await page.goto(`/agreements/${id}`);
  await expect(page.getByText("Version 1 is a draft: 1 of 5 sections completed")).toBeVisible();
  await page.getByRole("link", { name: "Continue this agreement" }).click();
  await expect(page).toHaveURL(new RegExp(`/agreements/${id}/draft$`));

  // Sending now is refused; every error names what is missing and links to it on the page.
  await page.goto(`/agreements/${id}/send`);
  await expect(page.getByText("Some sections are not completed yet")).toBeVisible();
  await page.getByRole("button", { name: "Send for signatures" }).click();
  const summary = page.locator(".nhsuk-error-summary");
  await expect(summary).toContainText("Add the instructions or the care-plan reference for Eye drops");
  await expect(summary).toContainText("Name at least one care worker");
  await expect(summary).toContainText("Enter how the care workers are supervised and supported");
  await expect(summary).toContainText("Record consent: it is part of what every party signs");
  await expectErrorLinksLand(page);
  await expectAccessible(page);
  expect(countRows("agreement_versions", "agreement_id = ? AND state = 'draft'", id)).toBe(1);

  // Care-plan details: the form returns to the task list, the row now completed.
  await page.goto(`/agreements/${id}/draft`);
  await page.getByRole("link", { name: "Care-plan details: Eye drops" }).click();
  await page.getByLabel("Instructions").fill("1. Wash hands.\n2. One drop of latanoprost in each eye at 8pm.");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Your changes to the draft have been saved.")).toBeVisible();
  await expect(status(page, "Care-plan details: Eye drops")).toHaveText("Completed");

  await page.getByRole("link", { name: "Named care workers" }).click();
  await page.getByLabel(/Helen Kowalski/).check();
  await page.getByRole("button", { name: "Save named workers" }).click();
  await expect(status(page, "Named care workers")).toHaveText("Completed");

  // Supervision is the nurse's to write: saving without it is refused at the field.
  await page.getByRole("link", { name: "Dates and supervision" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter how the care workers are supervised and supported");
  await page.getByLabel("Supervision and support").fill("The district nurse visits every two weeks; call the team with any concern.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(status(page, "Dates and supervision")).toHaveText("Completed");
  await expect(status(page, "Check and send")).toHaveText("Cannot start yet");

  // Consent is still missing (docs/domain.md rule 1): sending says so, and the link goes to the consent row.
  await page.goto(`/agreements/${id}/send`);
  await page.getByRole("button", { name: "Send for signatures" }).click();
  await expect(summary).toContainText("Record consent: it is part of what every party signs");
  await expect(summary.locator("a")).toHaveCount(1);
  await expectErrorLinksLand(page);
  await summary.getByRole("link").click();
  await expect(page.locator("#consent")).toContainText("Not recorded");

  await page.goto(`/agreements/${id}/draft`);
  await page.getByRole("link", { name: "Consent" }).click();
  await page.getByLabel("Given by the person").check();
  await page.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByText("Consent recorded.")).toBeVisible();
  await expect(status(page, "Consent")).toHaveText("Completed");
  await expect(status(page, "Check and send")).toHaveText("Not started");
  await expect(page.getByRole("heading", { name: "5 of 5 sections completed" })).toBeVisible();
  await expectAccessible(page);

  // Check and send: the whole agreement as it will be signed, each part with its "Change" link.
  await page.getByRole("link", { name: "Check and send" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Check version 1 before sending it/);
  const main = page.locator("main");
  await expect(main).toContainText("One drop of latanoprost in each eye at 8pm.");
  await expect(main).toContainText("Helen Kowalski");
  await expect(main).toContainText("The district nurse visits every two weeks");
  await expect(main).toContainText("Given by the person");
  await expect(page.getByRole("link", { name: "Change named care workers" })).toHaveAttribute("href", `/agreements/${id}/workers`);
  await expect(page.getByRole("link", { name: "Change consent" })).toHaveAttribute("href", `/agreements/${id}/consent`);
  await expect(page.getByRole("link", { name: "Change instructions" })).toHaveAttribute("href", /\/agreements\/\d+\/tasks\/\d+$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send for signatures" }).click();

  await expect(page.getByText("Sent for signatures.")).toBeVisible();
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Awaiting signatures");
  await expect(page.locator("#blockers")).toContainText("Waiting for the signature of Priya Shah");
  await expect(page.getByRole("link", { name: "Delete draft" })).toHaveCount(0);
  // Nothing left on the task list: it leads back to the agreement.
  await page.goto(`/agreements/${id}/draft`);
  await expect(page).toHaveURL(new RegExp(`/agreements/${id}$`));
});

test("a nurse deletes a draft she started: it is gone from the lists and the audit trail says so; a sent agreement cannot be deleted", async ({ page }) => {
  await signIn(page, "nurse");
  await page.goto("/agreements/new");
  await page.getByLabel("Person receiving care").selectOption({ label: "Margaret Hollis (Oakfield Care Home)" });
  await page.getByLabel("Stoma care").check();
  await page.getByRole("button", { name: "Start agreement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Complete the agreement/);
  const id = idFromUrl(page);
  const { reference } = one<{ reference: string }>("SELECT reference FROM agreements WHERE id = ?", id);
  const versionId = idOf("agreement_versions", "agreement_id = ?", id);
  await page.getByRole("link", { name: "Named care workers" }).click();
  await page.getByLabel(/Ben Ashworth/).check();
  await page.getByRole("button", { name: "Save named workers" }).click();

  await page.getByRole("link", { name: "Delete this draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Are you sure you want to delete this draft\?$/);
  await expect(page.getByText("This cannot be undone")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Delete draft" }).click();

  await expect(page.getByText("The draft has been deleted.")).toBeVisible();
  await expect(page.locator("main")).not.toContainText(reference);
  expect(countRows("agreements", "id = ?", id)).toBe(0);
  expect(countRows("agreement_versions", "agreement_id = ?", id)).toBe(0);
  expect(countRows("agreement_tasks", "version_id = ?", versionId)).toBe(0);
  expect(countRows("agreement_workers", "version_id = ?", versionId)).toBe(0);
  expect((await page.goto(`/agreements/${id}`))?.status()).toBe(404);
  await page.goto(`/people/${idOf("people", "name = ?", "Margaret Hollis")}`);
  await expect(page.locator("main")).not.toContainText(reference);

  // The audit trail keeps what was deleted and by whom.
  await signIn(page, "admin");
  await page.goto("/admin/audit?type=agreement");
  const row = page.getByRole("row", { name: new RegExp(`deleted the draft agreement ${reference}`) });
  await expect(row).toContainText("Priya Shah deleted the draft agreement");

  // Anything sent or signed offers no delete, and a delete posted directly is refused with the reason.
  await signIn(page, "nurse");
  const edith = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') AND state = 'active'");
  await page.goto(`/agreements/${edith}`);
  await expect(page.getByRole("link", { name: /Delete/ })).toHaveCount(0);
  await page.goto(`/agreements/${edith}/delete`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/This agreement cannot be deleted$/);
  await expect(page.getByRole("button", { name: "Delete draft" })).toHaveCount(0);
  const response = await page.request.post(`/agreements/${edith}/delete`, { form: { submissionToken: crypto.randomUUID() }, headers: { Origin: new URL(page.url()).origin } });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("has been sent for signatures, so it is a record and cannot be deleted");
  expect(countRows("agreements", "id = ?", edith)).toBe(1);
});

test("an amendment says why and what changed, field by field; the version awaiting signatures prints 'Not signed: for discussion' on every page and its code is never valid", async ({ page }) => {
  const harold = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Harold Jenkins') AND state = 'active' ORDER BY id");
  const reason = "Harold's pressure in the left eye is up: a second evening drop, and Olivia joins the rota.";
  await signIn(page, "nurseSouth");
  await page.goto(`/agreements/${harold}/amend`);
  await page.getByLabel("Version 1 stays in force").check();
  await page.getByRole("button", { name: "Start version 2" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the reason for the change");
  await expectAccessible(page);
  await page.getByLabel("Reason for the change").fill(reason);
  await page.getByRole("button", { name: "Start version 2" }).click();

  // The same task list, for the amendment: copied from version 1, so it can be sent once changed.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Complete version 2/);
  await expect(page.getByText(`Reason for this version: ${reason}`)).toBeVisible();
  await expect(status(page, "Check and send")).toHaveText("Not started");
  await page.getByRole("link", { name: "Care-plan details: Eye drops" }).click();
  await page.getByLabel("Instructions").fill("1. Wash hands.\n2. One drop in each eye at 8am and 8pm.");
  await page.getByRole("button", { name: "Save details" }).click();
  await page.getByRole("link", { name: "Named care workers" }).click();
  await page.getByLabel(/Olivia Reid/).check();
  await page.getByRole("button", { name: "Save named workers" }).click();
  await page.getByRole("link", { name: "Check and send" }).click();
  await expect(page.locator("main")).toContainText(reason);
  await page.getByRole("button", { name: "Send for signatures" }).click();
  await expect(page.getByText("Sent for signatures.")).toBeVisible();

  // The timeline says why; the version page says why and what changed.
  await expect(page.locator("main")).toContainText(`started an amendment to this agreement (version 2): ${reason}`);
  await page.getByRole("link", { name: "Version 2", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Reason for the change" })).toBeVisible();
  await expect(page.locator("main")).toContainText(reason);
  const changes = page.locator("#changes");
  await expect(changes).toContainText("Named care worker added: Olivia Reid");
  await expect(changes).toContainText("Eye drops, instructions changed from");
  await expect(changes).toContainText("2. One drop in each eye at 8am and 8pm.");
  await expect(changes).not.toContainText("Start date");
  await expectAccessible(page);

  // Printed for discussion: marked on every page, no verification code; its code is never "valid" at /verify.
  const printLink = page.getByRole("link", { name: "Print version 2 for discussion (PDF, not signed)" });
  await expect(printLink).toHaveAttribute("href", `/agreements/${harold}/pdf?version=2`);
  const pdf = await page.request.get(`/agreements/${harold}/pdf?version=2`);
  expect(pdf.status()).toBe(200);
  const pages = pdfPages(await pdf.body());
  for (const p of pages) {
    expect(p).toContain("Not signed: for discussion");
    expect(p).not.toMatch(/Verification code: [A-Z0-9]{4}-[A-Z0-9]{4}/);
  }
  expect(pages.join(" ")).toContain(`Reason for the change: ${reason}`);
  expect(pages.join(" ")).toContain("One drop in each eye at 8am and 8pm.");
  const { code } = one<{ code: string }>("SELECT verification_code AS code FROM agreement_versions WHERE agreement_id = ? AND version = 2", harold);
  await page.goto(`/verify/${code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/This printout has not been signed by every party/);
  await expect(page.locator("main")).not.toContainText("is the version in force");
});
