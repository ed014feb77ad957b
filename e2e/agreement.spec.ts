import type { Page } from "@playwright/test";
import { addDays } from "../app/domain/dates";
import { countRows, expect, expectAccessible, idOf, setClock, signIn, test } from "./fixtures";

test.afterEach(() => setClock(null));

async function openAgreement(page: Page, id: number) {
  await page.goto(`/agreements/${id}`);
}

function coverRow(page: Page, task: string, worker: string) {
  return page.locator("h2:has-text('Who may carry out each task today') ~ div", { hasText: task }).locator("li", { hasText: worker });
}

test("the whole path: create, consent, send, every party signs, active; then the clock moves past expiry and the interlock acts", async ({ page }) => {
  // The longest journey: seven parties' pages and a clock change. Measured at 56 s on a busy 2-core
  // machine with three workers and 90 s with six; a deliberate budget well above that, which a hang still fails.
  test.setTimeout(240_000);
  await signIn(page, "nurse");
  await page.goto("/agreements");
  await page.getByRole("link", { name: "Start a new agreement" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Start agreement" }).click();
  await expect(page.getByRole("alert")).toContainText("Select the person receiving care");
  await page.getByLabel("Person receiving care").selectOption({ label: "Edith Clarke (Brightside Home Care)" });
  await page.getByLabel("Insulin administration by pen").check();
  await page.getByRole("button", { name: "Start agreement" }).click();
  // Edith already has an agreement for insulin (docs/domain.md rule 10): a second needs confirming.
  await expect(page.getByRole("alert")).toContainText("There is already an open agreement for this person and Insulin administration by pen");
  await page.getByLabel("I have checked the existing agreement and a second agreement is needed").check();
  await page.getByRole("button", { name: "Start agreement" }).click();
  // The guided agreement: the draft's task list (e2e/guided-agreement.spec.ts walks it in full).
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/DA-\d{4}-\d{6}Complete the agreement$/);
  const id = Number(new URL(page.url()).pathname.split("/")[2]);
  await expectAccessible(page);

  // Sending too early says exactly what is missing.
  await page.goto(`/agreements/${id}/send`);
  await page.getByRole("button", { name: "Send for signatures" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Add the instructions or the care-plan reference for Insulin administration by pen");
  await expect(summary).toContainText("Name at least one care worker");

  await openAgreement(page, id);
  await page.getByRole("link", { name: /Change the care-plan details/ }).click();
  await page.getByLabel("Instructions").fill("Check blood glucose, then give 8 units with breakfast.");
  await page.getByLabel("Device or product").fill("NovoRapid FlexPen");
  await page.getByLabel("Parameters").fill("Target 6 to 12 mmol/L");
  await page.getByLabel("What the care worker must not do").fill("Do not change the dose.");
  await page.getByRole("button", { name: "Save details" }).click();

  await page.getByRole("link", { name: "Named care workers" }).click();
  await expect(page.getByText("Not yet competent for every task").first()).toBeVisible(); // Aisha is in training
  await expectAccessible(page);
  await page.getByLabel(/Maria Santos/).check();
  await page.getByLabel(/James Whitfield/).check();
  await page.getByRole("button", { name: "Save named workers" }).click();

  await page.getByRole("link", { name: "Dates and supervision" }).click();
  await page.getByLabel("Supervision and support").fill("The district nurse visits weekly and checks the insulin chart.");
  await page.getByRole("button", { name: "Save" }).click();

  await page.getByRole("link", { name: "Consent" }).click();
  await expectAccessible(page);
  await page.getByLabel("Given by the person").check();
  await page.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByText("Consent recorded.")).toBeVisible();

  await page.getByRole("link", { name: "Check and send" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send for signatures" }).click();
  await expect(page.getByText("Sent for signatures.")).toBeVisible();
  const blockers = page.locator("#blockers");
  await expect(blockers).toContainText("Waiting for the signature of Priya Shah");
  await expect(blockers).toContainText("Waiting for the signature of Brightside Home Care");
  await expect(blockers).toContainText("Waiting for the signature of Edith Clarke");

  // The sent version is frozen: changing it is refused and nothing changes (docs/domain.md rule 3).
  const workersBefore = countRows("agreement_workers", "version_id = (SELECT id FROM agreement_versions WHERE agreement_id = ? AND version = 1)", id);
  await page.goto(`/agreements/${id}/workers`);
  await page.getByLabel(/Maria Santos/).uncheck();
  await page.getByRole("button", { name: "Save named workers" }).click();
  await expect(page.getByRole("alert")).toContainText("Version 1 has been sent for signatures and cannot be changed");
  expect(countRows("agreement_workers", "version_id = (SELECT id FROM agreement_versions WHERE agreement_id = ? AND version = 1)", id)).toBe(workersBefore);

  // The delegating nurse signs.
  await openAgreement(page, id);
  await page.getByRole("link", { name: "Sign this agreement" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Confirm that you have read this version and agree to your part in it");
  await page.getByLabel(/I have read version 1/).check();
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page.getByText("Signature recorded.")).toBeVisible();

  // The provider manager signs for the provider, and records James's signature made on paper.
  await signIn(page, "manager");
  await openAgreement(page, id);
  await page.getByRole("link", { name: "Sign this agreement" }).click();
  await page.getByLabel(/I have read version 1/).check();
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await page.getByRole("link", { name: "Record a signature made on paper" }).click();
  await expectAccessible(page);
  await page.getByLabel(/James Whitfield \(named care worker\)/).check();
  await page.getByLabel("Name as signed").fill("James Whitfield");
  await page.getByLabel(/I hold the signed paper copy/).check();
  await page.getByRole("button", { name: "Record signature" }).click();
  await expect(page.getByText("Signature recorded.")).toBeVisible();

  // Maria signs as herself.
  await signIn(page, "worker");
  await page.goto("/agreements");
  await page.getByRole("link", { name: new RegExp(`DA-\\d{4}-${String(id).padStart(6, "0")}`) }).click();
  await page.getByRole("link", { name: "Sign this agreement" }).click();
  await page.getByLabel(/I have read version 1/).check();
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page.getByText("Signature recorded.")).toBeVisible();

  // The nurse records Edith's signature: every party has signed and it becomes active.
  await signIn(page, "nurse");
  await page.goto(`/agreements/${id}/paper`);
  await page.getByLabel(/Edith Clarke/).check();
  await page.getByLabel("Name as signed").fill("Edith Clarke");
  await page.getByLabel(/I hold the signed paper copy/).check();
  await page.getByRole("button", { name: "Record signature" }).click();
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Active");
  await expect(coverRow(page, "Insulin administration by pen", "James Whitfield")).toContainText("May carry out");
  await expect(coverRow(page, "Insulin administration by pen", "Maria Santos")).toContainText("May carry out");
  await expectAccessible(page);

  // The clock moves past James's expiry (about 6 months on): he must not carry out the task.
  const jamesExpiry = (await (async () => {
    const db = (await import("./fixtures")).readDb();
    try {
      return (db.prepare("SELECT expires_on AS e FROM competencies WHERE worker_id = (SELECT id FROM care_workers WHERE name = 'James Whitfield') AND task_id = (SELECT id FROM tasks WHERE code = 'INS-PEN')").get() as { e: string }).e;
    } finally {
      db.close();
    }
  })());
  setClock(new Date(`${addDays(jamesExpiry, 1)}T12:00:00Z`));
  await signIn(page, "nurse");
  await openAgreement(page, id);
  await expect(coverRow(page, "Insulin administration by pen", "James Whitfield")).toContainText("Must not carry out");
  await expect(coverRow(page, "Insulin administration by pen", "James Whitfield")).toContainText("competency expired on");
  await expect(coverRow(page, "Insulin administration by pen", "Maria Santos")).toContainText("May carry out");
  await expect(page.getByText("Only one competent worker")).toBeVisible();
  expect(countRows("agreements", "id = ? AND state = 'active'", id)).toBe(1);

  // And past Maria's: no competent worker is left, so the agreement is suspended and says why.
  setClock(new Date(`${addDays(jamesExpiry, 120)}T12:00:00Z`));
  await signIn(page, "nurse");
  await openAgreement(page, id);
  await expect(page.getByRole("heading", { name: "Suspended automatically" })).toBeVisible();
  await expect(page.locator(".nhsuk-card--warning")).toContainText("No named care worker is competent for Insulin administration by pen");
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Suspended");
  expect(countRows("audit_events", "entity_type = 'agreement' AND entity_id = ? AND action = 'agreement.suspend_automatically'", String(id))).toBe(1);
  expect(countRows("outbox", "subject LIKE ? ", `Agreement DA-%${String(id).padStart(6, "0")} suspended: no competent care worker`)).toBe(3); // the nurse, the manager, and Maria, named with her own sign-in
  await expectAccessible(page);
});

test("an amendment makes a new version that needs every signature again; the signed one stays in force", async ({ page }) => {
  const edith = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') AND state = 'active'");
  await signIn(page, "nurse");
  await openAgreement(page, edith);
  await page.getByRole("link", { name: "Amend" }).click();
  await expectAccessible(page);
  await page.getByLabel("Reason for the change").fill("James is moving to nights: Maria alone gives the insulin.");
  await page.getByLabel("Version 1 stays in force").check();
  await page.getByRole("button", { name: "Start version 2" }).click();
  await expect(page.getByText("A new draft version has been started.")).toBeVisible();
  await openAgreement(page, edith);
  await expect(page.getByText("Version 2 is being agreed")).toBeVisible();
  await page.getByRole("link", { name: "Change the named care workers" }).click();
  await page.getByLabel(/James Whitfield/).uncheck();
  await page.getByRole("button", { name: "Save named workers" }).click();
  await page.getByRole("link", { name: "Check and send" }).click();
  await page.getByRole("button", { name: "Send for signatures" }).click();
  const parties = page.getByRole("table", { name: "Parties to version 2" });
  await expect(parties).toContainText("Not signed");
  await expect(parties).not.toContainText("Signed in the app");
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Active");
  await page.getByRole("link", { name: "Version 1", exact: true }).click();
  await expect(page.getByText(/In force: Version 1 is signed by every party and has been in force since/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Signatures on version 1" })).toContainText("James Whitfield");
  await expectAccessible(page);
});

test("scope: another provider's manager gets 404; a care worker sees only the agreements that name them", async ({ page }) => {
  const edith = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') ORDER BY id LIMIT 1");
  const george = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'George Whitaker')");
  await signIn(page, "manager2");
  expect((await page.goto(`/agreements/${edith}`))?.status()).toBe(404);
  expect((await page.goto(`/agreements/${george}`))?.status()).toBe(200);

  await signIn(page, "worker");
  await page.goto("/agreements");
  const list = page.locator("main table");
  await expect(list).toContainText("Edith Clarke");
  await expect(list).not.toContainText("George Whitaker");
  await expect(list).not.toContainText("Ivy Thompson");
  expect((await page.goto(`/agreements/${george}`))?.status()).toBe(404);
});

test("the demo's suspended agreement says why, and a nurse cannot reinstate it while no one is competent", async ({ page }) => {
  const margaret = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Margaret Hollis')");
  await signIn(page, "nurse");
  await openAgreement(page, margaret);
  await expect(page.locator(".nhsuk-card--warning")).toContainText("Sophie Turner: competency revoked");
  await page.getByRole("link", { name: "Reinstate" }).click();
  await page.getByLabel("Reason").fill("Trying");
  await page.getByRole("button", { name: "Reinstate agreement" }).click();
  await expect(page.getByRole("alert")).toContainText("It cannot be reinstated: no named care worker is competent for Urinary catheter care");
  expect(countRows("agreements", "id = ? AND state = 'suspended'", margaret)).toBe(1);
});

test("a review records the outcome and sets the next review date", async ({ page }) => {
  const george = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'George Whitaker')");
  await signIn(page, "nurse");
  await openAgreement(page, george);
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Review overdue");
  await page.getByRole("link", { name: "Record a review" }).click();
  await expectAccessible(page);
  await page.getByLabel("Continue").check();
  await page.getByRole("button", { name: "Record review" }).click();
  await expect(page.getByText("Review recorded.")).toBeVisible();
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Active");
});
