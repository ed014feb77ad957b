import type { Page } from "@playwright/test";
import { CONSENT_KIND_LABELS, REPRESENTATIVE_AUTHORITY_LABELS } from "../app/content/agreements";
import { formatDate } from "../app/domain/dates";
import { formatNhsNumber } from "../app/domain/nhs-number";
import { countRows, expect, expectAccessible, idOf, readDb, savedToTaskList, signIn, test } from "./fixtures";

/** The frozen canonical content of a version, exactly as stored and hashed. */
function frozenContent(agreementId: number, version: number): Record<string, unknown> {
  const db = readDb();
  try {
    const row = db.prepare("SELECT content FROM agreement_versions WHERE agreement_id = ? AND version = ?").get(agreementId, version) as { content: string };
    return JSON.parse(row.content) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

/**
 * Every field of the content as a user would read it: text as written (line breaks kept),
 * dates in UK format, the NHS number spaced, consent kinds in words. Internal ids are not shown.
 */
function shownFields(value: unknown, key = ""): { field: string; text: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => shownFields(v, `${key}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => shownFields(v, key ? `${key}.${k}` : k));
  const name = key.split(".").pop()!;
  if (value === null || value === "" || name === "id" || key === "version") return [];
  if (name === "nhsNumber") return [{ field: key, text: formatNhsNumber(String(value)) }];
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) return [{ field: key, text: formatDate(String(value)) }];
  if (key === "consent.kind") return [{ field: key, text: CONSENT_KIND_LABELS[value as keyof typeof CONSENT_KIND_LABELS] }];
  if (key === "consent.authority") return [{ field: key, text: REPRESENTATIVE_AUTHORITY_LABELS[value as keyof typeof REPRESENTATIVE_AUTHORITY_LABELS] }];
  return [{ field: key, text: String(value) }];
}

async function paperSignature(page: Page, agreementId: number, party: RegExp, name: string) {
  await page.goto(`/agreements/${agreementId}/paper`);
  await page.getByLabel(party).check();
  await page.getByLabel("Name as signed").fill(name);
  await page.getByLabel(/I hold the signed paper copy/).check();
  await page.getByRole("button", { name: "Record signature" }).click();
  await expect(page.getByText("Signature recorded.")).toBeVisible();
}

test("a second agreement for the same task asks for confirmation; the sign page shows all it signs; signing off the worker it waits for makes it active", async ({ page }) => {
  test.setTimeout(120_000);
  const edith = idOf("people", "name = ?", "Edith Clarke");
  const existing = idOf("agreements", "person_id = ? AND state = 'active' ORDER BY id LIMIT 1", edith);
  const existingReference = (() => {
    const db = readDb();
    try {
      return (db.prepare("SELECT reference FROM agreements WHERE id = ?").get(existing) as { reference: string }).reference;
    } finally {
      db.close();
    }
  })();

  // Rule 10: starting a second open agreement for Edith's insulin asks first, and links to the existing one.
  await signIn(page, "nurse");
  await page.goto("/agreements/new");
  await page.getByLabel("Person receiving care").selectOption({ label: "Edith Clarke (Brightside Home Care)" });
  await page.getByLabel("Insulin administration by pen").check();
  const before = countRows("agreements");
  await page.getByRole("button", { name: "Start agreement" }).click();
  await expect(page.getByRole("alert")).toContainText(`There is already an open agreement for this person and Insulin administration by pen. Check ${existingReference}`);
  await expect(page.getByRole("link", { name: existingReference, exact: true })).toHaveAttribute("href", `/agreements/${existing}`);
  expect(countRows("agreements")).toBe(before);
  await expectAccessible(page);
  await page.getByLabel("I have checked the existing agreement and a second agreement is needed").check();
  await page.getByRole("button", { name: "Start agreement" }).click();
  await expect(page.getByText("Draft agreement started. Complete each section, then check and send it.")).toBeVisible();
  const id = Number(new URL(page.url()).pathname.split("/")[2]);

  await page.getByRole("link", { name: "Care-plan details: Insulin administration by pen" }).click();
  await page.getByLabel("Instructions").fill("1. Check blood glucose with the meter.\n2. Give 8 units with breakfast.\n3. Record the dose on the chart.");
  await page.getByLabel("Care-plan reference").fill("Care plan DN-INS-0199");
  await page.getByLabel("Device or product").fill("NovoRapid FlexPen");
  await page.getByLabel("Parameters").fill("Target 6 to 12 mmol/L");
  await page.getByLabel("What the care worker must not do").fill("Do not change the dose.\nDo not give a missed dose late.");
  await page.getByRole("button", { name: "Save details" }).click();
  await savedToTaskList(page);
  await page.goto(`/agreements/${id}/details`);
  await page.getByLabel("Supervision and support").fill("The district nurse visits every Monday.\nCall the team for advice at any time.");
  await page.getByLabel("What triggers an earlier review").fill("Any hospital admission or change of dose.");
  await page.getByRole("button", { name: /Save/ }).click();
  await savedToTaskList(page);
  await page.goto(`/agreements/${id}/draft`);
  await page.getByRole("link", { name: "Named care workers" }).click();
  await page.getByLabel(/Maria Santos/).check();
  await page.getByLabel(/Aisha Begum/).check(); // in training: 2 of 3 observations
  await page.getByRole("button", { name: "Save named workers" }).click();
  await page.getByRole("link", { name: "Consent" }).click();
  await page.getByLabel("Given by the person").check();
  await page.getByRole("button", { name: "Record consent" }).click();
  await page.getByRole("link", { name: "Check and send" }).click();
  await page.getByRole("button", { name: "Send for signatures" }).click();
  await expect(page.getByText("Sent for signatures.")).toBeVisible();

  // Rule 6: the sign page shows every field of the frozen content, as written.
  await page.getByRole("link", { name: "Sign this agreement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sign version 1");
  const main = page.locator("main");
  await expect(main).toContainText("Sliding-scale"); // the catalogue's "excluded"
  const shown = await main.innerText();
  const fields = shownFields(frozenContent(id, 1));
  expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(["tasks[0].inScope", "tasks[0].excluded", "tasks[0].carePlanReference", "supervisionArrangements", "earlyReviewTriggers", "consent.kind"]));
  for (const f of fields) expect(shown, `${f.field} on the sign page`).toContain(f.text);
  expect(shown).toContain("1. Check blood glucose with the meter.\n2. Give 8 units with breakfast.\n3. Record the dose on the chart.");
  await expectAccessible(page);
  await page.getByLabel(/I have read version 1/).check();
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page.getByText("Signature recorded.")).toBeVisible();

  // The provider's manager and Maria (who has a sign-in) sign in the app as themselves (docs/domain.md rule 2).
  for (const account of ["manager", "worker"] as const) {
    await signIn(page, account);
    await page.goto(`/agreements/${id}/sign`);
    await page.getByLabel(/I have read version 1/).check();
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByText("Signature recorded.")).toBeVisible();
  }
  await signIn(page, "nurse");
  await paperSignature(page, id, /Aisha Begum \(named care worker\)/, "Aisha Begum");
  await paperSignature(page, id, /Edith Clarke/, "Edith Clarke");
  // Every party has signed: only Aisha's sign-off is missing.
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Awaiting signatures");
  await expect(page.locator("#blockers li")).toHaveText(["Aisha Begum is not competent for Insulin administration by pen: not yet signed off"]);

  // Rule 5: the facilitator observes Aisha once more and signs her off; the agreement becomes active at once.
  const aisha = idOf("care_workers", "name = ?", "Aisha Begum");
  await signIn(page, "facilitator");
  await page.goto(`/workers/${aisha}/observe`);
  await page.getByLabel("Task observed").selectOption({ label: "Insulin administration by pen (person-specific)" });
  await page.getByLabel("Whose care was observed").selectOption({ label: "Edith Clarke" });
  await page.getByLabel("Satisfactory").check();
  await page.getByRole("button", { name: "Record observation" }).click();
  await expect(page.getByText("Supervised observation recorded.")).toBeVisible();
  await page.getByRole("link", { name: "Sign off competency" }).click();
  await page.getByLabel(/I have observed Aisha Begum/).check();
  await page.getByRole("button", { name: "Sign off competency" }).click();
  await expect(page.getByText("Competency signed off.")).toBeVisible();
  expect(countRows("agreements", "id = ? AND state = 'active'", id)).toBe(1);

  await signIn(page, "nurse");
  await page.goto(`/agreements/${id}`);
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Active");
  await expect(page.locator("#blockers")).toHaveCount(0);

  // Two live agreements for Edith's insulin now: the nurse is alerted.
  await page.goto("/alerts");
  await expect(page.locator("main")).toContainText(`is also live for Insulin administration by pen`);
  await expectAccessible(page);
});

test("a change of consent on an active agreement is refused when contradictory, else starts a new version to sign and suspends it", async ({ page }) => {
  const ivy = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Ivy Thompson') AND state = 'active'");
  await signIn(page, "nurse");
  await page.goto(`/agreements/${ivy}`);
  await page.getByRole("link", { name: "Record consent again" }).click();
  await expect(page.getByRole("heading", { name: "Consent is part of what the parties sign" })).toBeVisible();
  await expect(page.locator(".nhsuk-card--warning")).toContainText("Version 1 was sent for signatures with this consent: Best-interests decision");
  await expectAccessible(page);

  // A representative's consent needs the representative's name and authority, revealed under that option.
  const consents = countRows("consents", "agreement_id = ?", ivy);
  await page.getByLabel("Given by a representative with authority").check();
  await page.getByLabel(/I understand that every party must sign version 2/).check();
  await page.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the representative's name");
  await expect(page.getByRole("alert")).toContainText("Select the representative's authority");
  expect(countRows("consents", "agreement_id = ?", ivy)).toBe(consents);
  await expectAccessible(page);

  // Her son now holds a lasting power of attorney: version 2 with the new consent, signed by every party; suspended meanwhile.
  await page.getByLabel("Representative's name").fill("Graham Thompson (son)");
  await page.getByLabel("Lasting power of attorney for health and welfare").check();
  await page.getByLabel(/I understand that every party must sign version 2/).check();
  await page.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByText("Consent recorded. It differs from what was signed, so a new version with this consent has been started: every party must sign it again.")).toBeVisible();
  // The new version is completed on the same task list as any amendment; the agreement page says it is suspended meanwhile.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Complete version 2");
  await page.goto(`/agreements/${ivy}`);
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Suspended");
  await expect(page.locator("main")).toContainText("suspended until version 2, with the new consent, is signed by every party");
  await expect(page.getByText("Version 2 is being agreed")).toBeVisible();
  await expectAccessible(page);

  // What was signed keeps its consent; the new version carries the new one; capacity follows.
  await page.goto(`/agreements/${ivy}/versions/1`);
  await expect(page.locator("main")).toContainText("Best-interests decision (the person lacks capacity)");
  await page.goto(`/agreements/${ivy}/versions/2`);
  await expect(page.locator("main")).toContainText("Given by a representative with authority: Graham Thompson (son) (Lasting power of attorney for health and welfare)");
  await page.goto(`/people/${idOf("people", "name = ?", "Ivy Thompson")}`);
  await expect(page.locator("main")).toContainText("Lacks capacity to consent to delegated care: Graham Thompson (son) consented for them on");
});

test("a care worker declines a task with confirmation; the manager and the nurse are alerted; no sign-off is shown as current", async ({ page }) => {
  const maria = idOf("care_workers", "name = ?", "Maria Santos");
  const insulin = idOf("competencies", "worker_id = ? AND task_id = (SELECT id FROM tasks WHERE code = 'INS-PEN')", maria);
  await signIn(page, "worker");
  await page.goto(`/competencies/${insulin}`);
  await page.getByRole("link", { name: "Decline task" }).click();
  await expect(page.getByRole("heading", { name: "You are named for this task on an agreement" })).toBeVisible();
  await expect(page.locator(".nhsuk-card--warning")).toContainText("Edith Clarke");
  await expectAccessible(page);
  await page.getByLabel("Reason").fill("I am not confident with the new pen.");
  await page.getByRole("button", { name: "Decline task" }).click();
  await expect(page.getByRole("alert")).toContainText("Confirm that you are declining this task");
  expect(countRows("competencies", "id = ? AND state = 'competent'", insulin)).toBe(1);
  await page.getByLabel("I am declining Insulin administration by pen. I will not carry it out").check();
  await page.getByRole("button", { name: "Decline task" }).click();
  await expect(page.getByText("You have declined this task.")).toBeVisible();
  const summary = page.locator(".nhsuk-summary-list");
  await expect(summary).toContainText("Declined");
  await expect(summary).toContainText("No current sign-off: declined. Past sign-offs are listed below.");
  await expect(summary).not.toContainText("Expires");
  await page.goto("/");
  const row = page.getByRole("row", { name: /Insulin administration by pen for Edith Clarke/ });
  await expect(row).toContainText("Declined");
  await expect(row).toContainText("Not applicable");
  await expect(row).not.toContainText(/\d{4}/);
  expect(countRows("outbox", "subject LIKE 'Maria Santos declined Insulin administration by pen on agreement %' AND to_address IN ('nurse@example.org', 'manager@example.org')")).toBeGreaterThanOrEqual(2);

  for (const account of ["manager", "nurse"] as const) {
    await signIn(page, account);
    await page.goto("/alerts");
    await expect(page.locator("main")).toContainText("Maria Santos declined Insulin administration by pen for E. C.");
    await expectAccessible(page);
  }
  const csv = await page.request.get("/training/matrix.csv");
  const line = (await csv.text()).split("\r\n").find((l) => l.startsWith('"Maria Santos"'))!;
  expect(line).toMatch(/Declined on \d+ \w+ \d{4} \(for Edith Clarke\)/);
  expect(line).not.toMatch(/Declined, expires/);
});
