/**
 * Concerns and incidents (app/domain/concerns.ts; hazard log H41, H42): a care worker records a
 * concern, the nurse and the provider's manager are told and see it, the nurse suspends the
 * competency from it, the manager closes it; the agreement's timeline and printout show it.
 * The journey runs on an agreement it makes itself, and gives Maria's catheter competency back
 * at the end, so the demo stays as other specs expect it.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { addDays, formatDate, londonDate } from "../app/domain/dates";
import { completeAndSend, countRows, expect, expectAccessible, idOf, linkIn, signIn, test, waitForMail } from "./fixtures";

function pdfText(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dc-e2e-pdf-")), "a.pdf");
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** A valid NHS number (modulus 11) that no one in the database has. */
function unusedNhsNumber(): string {
  for (let n = 971000000; ; n++) {
    const digits = String(n).split("").map(Number);
    const check = 11 - (digits.reduce((sum, d, i) => sum + d * (10 - i), 0) % 11);
    if (check === 10) continue;
    const number = `${n}${check === 11 ? 0 : check}`;
    if (!countRows("people", "nhs_number = ?", number)) return number;
  }
}

async function fillDate(page: Page, legend: string, iso: string) {
  const [year, month, day] = iso.split("-") as [string, string, string];
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(String(Number(day)));
  await group.getByLabel("Month").fill(String(Number(month)));
  await group.getByLabel("Year").fill(year);
}

/** A person of Brightside's on the North team, with an active agreement for catheter care naming Maria Santos. */
async function activeCatheterAgreement(page: Page, name: string): Promise<number> {
  await signIn(page, "nurse");
  await page.goto("/people/new");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("NHS number").fill(unusedNhsNumber());
  await fillDate(page, "Date of birth", "1941-03-15");
  await page.getByLabel("Own home").check();
  await page.getByLabel("Care provider").selectOption({ label: "Brightside Home Care" });
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);

  await page.goto("/agreements/new");
  await page.getByLabel("Person receiving care").selectOption({ label: `${name} (Brightside Home Care)` });
  await page.getByLabel("Urinary catheter care").check();
  await page.getByRole("button", { name: "Start agreement" }).click();
  // Through the guided agreement's sections, each by its own page.
  await expect(page).toHaveURL(/\/agreements\/\d+\/draft/);
  const id = Number(new URL(page.url()).pathname.split("/")[2]);
  await completeAndSend(page, id, { taskCode: "CATH", instructions: "Empty the leg bag when two-thirds full; change the night bag daily.", worker: /Maria Santos/ });
  await expect(page.getByText("Sent for signatures.")).toBeVisible();
  const sign = async () => {
    await page.goto(`/agreements/${id}/sign`);
    await page.getByLabel(/I have read version 1/).check();
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByText("Signature recorded.")).toBeVisible();
  };
  await sign();
  await signIn(page, "manager");
  await sign();
  await signIn(page, "worker");
  await sign();
  await signIn(page, "nurse");
  await page.goto(`/agreements/${id}/paper`);
  await page.getByLabel(new RegExp(name)).check();
  await page.getByLabel("Name as signed").fill(name);
  await page.getByLabel(/I hold the signed paper copy/).check();
  await page.getByRole("button", { name: "Record signature" }).click();
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Active");
  return id;
}

test("a care worker reports a concern; the nurse and manager are emailed and see it; the nurse suspends the competency from it; the manager closes it; timeline and printout show it", async ({ page }) => {
  test.setTimeout(240_000);
  const today = londonDate(new Date());
  const id = await activeCatheterAgreement(page, "Nora Quayle");
  const reference = `DA-${today.slice(0, 4)}-${String(id).padStart(6, "0")}`;
  const mariaCath = idOf("competencies", "worker_id = (SELECT id FROM care_workers WHERE name = 'Maria Santos') AND task_id = (SELECT id FROM tasks WHERE code = 'CATH') AND person_id IS NULL");

  // Maria, from the agreement that names her.
  await signIn(page, "worker");
  await page.goto(`/agreements/${id}`);
  await expect(page.locator("#concerns")).toContainText("No concerns recorded.");
  await page.getByRole("link", { name: "Report a concern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Report a concern");
  await expect(page.locator("main")).toContainText("Learn from Patient Safety Events (LFPSE)");
  // A care worker names only herself.
  await expect(page.getByRole("group", { name: "Which care worker is it about?" }).getByRole("radio")).toHaveCount(2);
  await expectAccessible(page);

  // Bad input: nothing described, and a date in the future. The error summary links to each field; nothing is written.
  const before = countRows("concerns");
  await fillDate(page, "Date it happened", addDays(today, 1));
  await page.getByRole("button", { name: "Record concern" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: "Date it happened must be today or in the past" })).toHaveAttribute("href", "#occurredOn-day");
  await expect(summary.getByRole("link", { name: "Describe what happened" })).toHaveAttribute("href", "#whatHappened");
  await expect(summary.getByRole("link", { name: "Select whether anyone was harmed" })).toHaveAttribute("href", "#harm");
  await expect(page).toHaveTitle(/^Error: Report a concern/);
  await expectAccessible(page);
  expect(countRows("concerns")).toBe(before);

  await fillDate(page, "Date it happened", today);
  await page.getByLabel("Urinary catheter care").check();
  await page.getByLabel("Maria Santos").check();
  await page.getByLabel("What happened").fill("The catheter bag was leaking at the tap and I was not sure whether to change it or call the nurse.");
  await page.getByLabel("What has been done about it so far").fill("Changed the leg bag and told the office.");
  await page.getByLabel("No, nobody was harmed").check();
  await page.getByRole("button", { name: "Record concern" }).click();
  await expect(page.getByText("Concern recorded. The delegating nurse and the care provider's managers have been told.")).toBeVisible();
  const concern = Number(new URL(page.url()).pathname.split("/")[2]);
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Open");
  await expectAccessible(page);
  expect(countRows("concerns", "agreement_id = ?", id)).toBe(1);

  // Both are emailed: the reference and the person's initials, no details.
  for (const address of ["nurse@example.org", "manager@example.org"]) {
    const mail = await waitForMail(address, new RegExp(`^Concern recorded about agreement ${reference} \\(N\\. Q\\.\\)$`));
    expect(mail.text).not.toContain("Nora");
    expect(mail.text).not.toContain("leaking");
    expect(linkIn(mail, "/concerns/")).toBe(`/concerns/${concern}`);
  }

  // The manager follows the link, and sees it on the agreement page.
  await signIn(page, "manager");
  await page.goto(`/agreements/${id}`);
  await expect(page.locator("#concerns")).toContainText("Concerns (1 open)");
  await expect(page.locator("#concerns")).toContainText(`Concern ${concern}: happened ${formatDate(today)}, Urinary catheter care, Maria Santos, no harm`);
  await page.getByRole("link", { name: `Concern ${concern}`, exact: true }).click();
  await expect(page.locator("main")).toContainText("The catheter bag was leaking at the tap");
  // The manager cannot suspend a competency; closing is theirs.
  await expect(page.getByRole("link", { name: /Suspend this competency/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Close this concern" })).toBeVisible();

  // The nurse suspends Maria's catheter care from the concern; the reason cites it.
  await signIn(page, "nurse");
  await page.goto(`/agreements/${id}`);
  await expect(page.locator("#concerns")).toContainText("Concerns (1 open)");
  await page.getByRole("link", { name: `Concern ${concern}`, exact: true }).click();
  await expect(page.getByRole("link", { name: "Review the agreement" })).toBeVisible();
  await page.getByRole("link", { name: /Suspend this competency.*Maria Santos, Urinary catheter care/ }).click();
  await expect(page.getByLabel("Reason")).toHaveValue(new RegExp(`^Suspended after concern ${concern}, recorded on ${formatDate(today)}: The catheter bag was leaking`));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByText("Competency suspended and linked to this concern.")).toBeVisible();
  await expect(page.locator("#follow-ups")).toContainText("Competency suspended: Maria Santos, Urinary catheter care");
  await expect(page.getByRole("link", { name: /Suspend this competency/ })).toHaveCount(0);
  expect(countRows("competencies", "id = ? AND state = 'suspended' AND state_reason LIKE ?", mariaCath, `Suspended after concern ${concern},%`)).toBe(1);
  expect(countRows("concern_follow_ups", "concern_id = ? AND competency_id = ?", concern, mariaCath)).toBe(1);
  // Maria was the only named worker: the interlock suspends the agreement (docs/domain.md rule 5).
  await page.goto(`/agreements/${id}`);
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Suspended");

  // The manager closes it: an empty outcome is refused, then it is closed with one.
  await signIn(page, "manager");
  await page.goto(`/concerns/${concern}`);
  await page.getByRole("link", { name: "Close this concern" }).click();
  await page.getByRole("button", { name: "Close concern" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter the outcome: what was done and why the concern can be closed" })).toHaveAttribute("href", "#outcome");
  await expectAccessible(page);
  expect(countRows("concerns", "id = ? AND status = 'open'", concern)).toBe(1);
  await page.getByLabel("Outcome").fill("Maria shown how to change a leaking leg bag; the nurse will reassess her catheter care.");
  await page.getByRole("button", { name: "Close concern" }).click();
  await expect(page.getByText("Concern closed. It stays on the record with its outcome.")).toBeVisible();
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Closed");
  await expect(page.locator("main")).toContainText("Maria shown how to change a leaking leg bag");
  await expect(page.getByRole("link", { name: "Close this concern" })).toHaveCount(0);
  await expectAccessible(page);

  // The agreement's timeline shows the concern, its follow-up and its closing.
  await page.goto(`/agreements/${id}`);
  const timeline = page.locator("h2", { hasText: "Timeline" }).locator("xpath=following-sibling::ul[1]");
  await expect(timeline).toContainText("Maria Santos recorded a concern about this agreement");
  await expect(timeline).toContainText("Priya Shah linked a follow-up to a concern about this agreement: competency suspended");
  await expect(timeline).toContainText("Sam Patel closed a concern about this agreement: ");
  await expect(page.locator("#concerns")).toContainText(`Closed Concern ${concern}`);

  // The printed agreement's history mentions it.
  const pdf = await page.request.get(`/agreements/${id}/pdf`);
  expect(pdf.status()).toBe(200);
  const text = pdfText(await pdf.body());
  expect(text).toContain("12. Concerns recorded while this version was in force");
  // The line may wrap before the closing date, and the "Suspended" watermark is read in among the words.
  expect(text).toContain(`Concern ${concern}, recorded ${formatDate(today)} (happened ${formatDate(today)}), Urinary catheter care, no harm: closed`);

  // Maria's catheter competency back as it was, for the demo's other journeys.
  await signIn(page, "nurse");
  await page.goto(`/competencies/${mariaCath}/reinstate`);
  await page.getByLabel("Reason").fill("Reassessed after the concern: changes a leaking leg bag correctly.");
  await page.getByRole("button", { name: "Reinstate" }).click();
  await expect(page.getByText("Competency reinstated.")).toBeVisible();
  expect(countRows("competencies", "id = ? AND state = 'competent'", mariaCath)).toBe(1);
  // And the journey's own agreement ended, so it names Maria on nothing live after this test.
  await page.goto(`/agreements/${id}/end`);
  await page.getByLabel(/Reason/).fill("Catheter care returns to the district nursing team.");
  await page.getByRole("button", { name: /End agreement/ }).click();
  await expect(page.getByText("Agreement ended. Its history is kept.")).toBeVisible();
});

test("the demo shows an open concern on Edith's agreement and a closed one with its follow-up on Chloe's page; the nurse reviews George's agreement from a concern", async ({ page }) => {
  const edith = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') ORDER BY id LIMIT 1");
  const george = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'George Whitaker')");
  const chloe = idOf("care_workers", "name = ?", "Chloe Barker");
  await signIn(page, "nurse");
  await page.goto(`/workers/${chloe}`);
  const section = page.locator("#concerns");
  await expect(section).toContainText("Closed");
  await expect(section).toContainText("Urinary catheter care, low harm, 1 follow-up");
  await section.getByRole("link", { name: /Concern \d+/ }).click();
  await expect(page.locator("#follow-ups")).toContainText("Competency suspended: Chloe Barker, Urinary catheter care");
  await expect(page.locator("main")).toContainText("reassessment booked with the facilitator");
  await expectAccessible(page);
  // The form about a care worker offers the tasks they hold a competency for.
  await page.goto(`/workers/${chloe}`);
  await page.locator("#concerns").getByRole("link", { name: "Report a concern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Chloe Barker");
  await expect(page.getByRole("group", { name: "Which task is it about?" })).toContainText("Urinary catheter care");
  await expectAccessible(page);

  await page.goto(`/agreements/${edith}`);
  await expect(page.locator("#concerns")).toContainText(/Concerns \(\d+ open\)/);
  await expect(page.locator("#concerns")).toContainText("Insulin administration by pen, Maria Santos, no harm");

  // A concern the nurse records herself about George's agreement, reviewed from the concern.
  await page.goto(`/agreements/${george}`);
  await page.locator("#concerns").getByRole("link", { name: "Report a concern" }).click();
  await page.getByLabel("Not about one task").check();
  await page.getByLabel("Not about one care worker").check();
  await page.getByLabel("What happened").fill("The wound looked larger at my visit; the carers say the dressing came off overnight twice this week.");
  await page.getByLabel("Not known yet").check();
  await page.getByRole("button", { name: "Record concern" }).click();
  await expect(page.getByText("Concern recorded.", { exact: false })).toBeVisible();
  const concern = Number(new URL(page.url()).pathname.split("/")[2]);
  await page.getByRole("link", { name: "Review the agreement" }).click();
  await expect(page.locator("main")).toContainText(`This review will be linked to concern ${concern}`);
  await expectAccessible(page);
  await page.getByLabel("Continue", { exact: true }).check();
  await fillDate(page, "Next review date", addDays(londonDate(new Date()), 30));
  await page.getByLabel("Notes").fill("Dressing changed to a larger border; carers shown how to secure it. Review again in a month.");
  await page.getByRole("button", { name: "Record review" }).click();
  await expect(page.getByText("Review recorded and linked to this concern.")).toBeVisible();
  await expect(page.locator("#follow-ups")).toContainText("Agreement reviewed: Continue");
  await expectAccessible(page);

  // On a phone (375 px wide) the concern and its form read without scrolling sideways.
  await page.setViewportSize({ width: 375, height: 800 });
  for (const url of [`/concerns/${concern}`, `/concerns/new?agreement=${george}`]) {
    await page.goto(url);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(375);
  }
});

test("out of scope: another provider's manager and a care worker not named cannot see or write a concern; a care worker cannot close one", async ({ page, baseURL }) => {
  const edith = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'Edith Clarke') ORDER BY id LIMIT 1");
  const george = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'George Whitaker')");
  const mariasConcern = idOf("concerns", "what_happened LIKE 'At the evening visit the pen needle%'");
  const chloesConcern = idOf("concerns", "worker_id = (SELECT id FROM care_workers WHERE name = 'Chloe Barker')");
  const post = (url: string, form: Record<string, string>) => page.request.post(url, { form, headers: { Origin: baseURL! }, maxRedirects: 0 });
  const concernForm = { taskId: "", workerId: "", "occurredOn-day": "1", "occurredOn-month": "11", "occurredOn-year": "2026", whatHappened: "Out of scope", actionTaken: "", harm: "none", submissionToken: "abcdefghijklmnopqrstuv" };
  const before = countRows("concerns");

  // Oakfield's manager: Edith's agreement and its concerns are Brightside's.
  await signIn(page, "manager2");
  for (const url of [`/concerns/${mariasConcern}`, `/concerns/${mariasConcern}/close`, `/concerns/new?agreement=${edith}`, `/concerns/new?worker=${idOf("care_workers", "name = ?", "Maria Santos")}`]) {
    expect((await page.request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
  }
  expect((await post(`/concerns/new?agreement=${edith}`, concernForm)).status()).toBe(404);
  expect((await post(`/concerns/${mariasConcern}/close`, { outcome: "Not mine", submissionToken: "abcdefghijklmnopqrstuw" })).status()).toBe(404);
  await page.goto(`/concerns/${mariasConcern}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Page not found");

  // Maria: not named on George's agreement, and Chloe's concern is not hers; she may not close her own.
  await signIn(page, "worker");
  expect((await page.request.get(`/concerns/new?agreement=${george}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await post(`/concerns/new?agreement=${george}`, concernForm)).status()).toBe(404);
  expect((await page.request.get(`/concerns/${chloesConcern}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await page.request.get(`/concerns/${mariasConcern}`, { maxRedirects: 0 })).status()).toBe(200);
  expect((await page.request.get(`/concerns/${mariasConcern}/close`, { maxRedirects: 0 })).status()).toBe(403);
  expect((await post(`/concerns/${mariasConcern}/close`, { outcome: "Sorted", submissionToken: "abcdefghijklmnopqrstux" })).status()).toBe(403);
  expect(countRows("concerns")).toBe(before);
  expect(countRows("concerns", "id = ? AND status = 'open'", mariasConcern)).toBe(1);
});
