/**
 * Issue 13, items 6 and 7: a facilitator's journeys without the maze. Observations are recorded
 * one after another from the competency ("Record another observation"), the count towards
 * sign-off is always in view, and the sign-off declaration is offered only when nothing stands in
 * the way (docs/domain.md rule 7). Sessions are scheduled ahead, listed as upcoming, changed or
 * cancelled before they happen, and take their register on the day, filtered by provider
 * (docs/domain.md rules 8 and 14).
 */
import type { Page } from "@playwright/test";
import { addDays, formatDate, londonDate } from "../app/domain/dates";
import { countRows, expect, expectAccessible, idOf, setClock, signIn, test } from "./fixtures";

const today = () => londonDate(new Date());

test.afterEach(() => setClock(null));

async function fillDate(page: Page, group: string, iso: string) {
  const [y, m, d] = iso.split("-");
  const fields = page.getByRole("group", { name: group });
  await fields.getByLabel("Day").fill(String(Number(d)));
  await fields.getByLabel("Month").fill(String(Number(m)));
  await fields.getByLabel("Year").fill(y!);
}

test("a facilitator records three observations with 'Record another observation', sees 3 of 3 and signs off; before that the sign-off page said why and had no declaration", async ({ page }) => {
  const fatima = idOf("care_workers", "name = ?", "Fatima Noor");
  const stoma = idOf("tasks", "code = ?", "STOMA");
  await signIn(page, "facilitator");

  // The first observation starts from the worker, choosing the task.
  await page.goto(`/workers/${fatima}`);
  await page.getByRole("link", { name: "Record a supervised observation" }).click();
  await page.getByLabel("Task observed").selectOption({ label: "Stoma care" });
  await page.getByLabel("Satisfactory").check();
  await page.getByRole("button", { name: "Record observation" }).click();
  const banner = page.locator(".nhsuk-notification-banner--success");
  await expect(banner).toContainText("Supervised observation recorded");
  await expect(banner).toContainText("1 of 3 satisfactory observations recorded towards sign-off.");
  const competency = idOf("competencies", "worker_id = ? AND task_id = ?", fatima, stoma);
  expect(new URL(page.url()).pathname).toBe(`/competencies/${competency}`);
  await expectAccessible(page);

  // Not ready: the sign-off page says why, links to the next step, and offers no declaration.
  await page.goto(`/competencies/${competency}/sign-off`);
  await expect(page.getByRole("heading", { name: "This cannot be signed off yet" })).toBeVisible();
  await expect(page.getByText("Sign-off needs 3 satisfactory supervised observations; 1 is recorded.")).toBeVisible();
  await expect(page.getByLabel(/I have observed Fatima Noor/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sign off competency" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Record an observation" })).toHaveAttribute("href", `/workers/${fatima}/observe?competency=${competency}`);
  await expectAccessible(page);
  // Posting the declaration anyway changes nothing.
  const [y, m, d] = today().split("-");
  const forced = await page.request.post(`/competencies/${competency}/sign-off`, {
    form: { "signedOffOn-day": d!, "signedOffOn-month": m!, "signedOffOn-year": y!, confirm: "yes", submissionToken: "forcedSignOffWithoutEvidence1" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(forced.status()).toBe(400);
  expect(countRows("competency_sign_offs", "competency_id = ?", competency)).toBe(0);

  // Back on the competency page, the next observation is one link away, the task already chosen.
  await page.goto(`/competencies/${competency}`);
  await page.getByRole("link", { name: "Record an observation" }).click();
  await expect(page.locator(".nhsuk-summary-list")).toContainText("Stoma care");
  await expect(page.getByLabel("Task observed")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("Satisfactory").check();
  await page.getByRole("button", { name: "Record observation" }).click();
  await expect(banner).toContainText("2 of 3 satisfactory observations recorded towards sign-off.");

  // Each further observation: one link, one choice, one button; two page changes.
  let navigations = 0;
  const count = (frame: { parentFrame(): unknown }) => {
    if (!frame.parentFrame()) navigations++;
  };
  page.on("framenavigated", count);
  await banner.getByRole("link", { name: "Record another observation" }).click();
  await page.getByLabel("Satisfactory").check();
  await page.getByRole("button", { name: "Record observation" }).click();
  await expect(banner).toContainText("3 of 3 satisfactory observations recorded towards sign-off.");
  page.off("framenavigated", count);
  expect(navigations).toBeLessThanOrEqual(2);

  // 3 of 3: the page says so, lists the observations, and the sign-off is the next step.
  await expect(page.locator(".nhsuk-summary-list__row", { hasText: "Towards sign-off" })).toContainText("3 of 3 satisfactory observations recorded: ready for sign-off");
  await expect(page.getByRole("table", { name: /Observed practice/ }).getByRole("row", { name: /Grace Liu/ })).toHaveCount(3);
  await expect(banner.getByRole("link", { name: "Record another observation" })).toHaveCount(1);
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(banner).toContainText("Ready for sign-off");
  await page.getByRole("link", { name: "Sign off competency" }).click();
  await expect(page.getByRole("heading", { name: "This cannot be signed off yet" })).toHaveCount(0);
  await page.getByLabel(/I have observed Fatima Noor/).check();
  await page.getByRole("button", { name: "Sign off competency" }).click();
  await expect(banner).toContainText("Competency signed off");
  await expect(page.locator(".nhsuk-summary-list__row", { hasText: "Status" })).toContainText("Competent");
  await expect(banner.getByRole("link", { name: "Back to Fatima Noor\u2019s record" })).toHaveAttribute("href", `/workers/${fatima}`);
  expect(countRows("supervised_observations", "worker_id = ? AND task_id = ?", fatima, stoma)).toBe(3);
  expect(countRows("competency_sign_offs", "competency_id = ?", competency)).toBe(1);
});

test("a facilitator schedules a session next week, sees it upcoming, cannot take the register yet; on the day filters it by provider and records attendance", async ({ page }) => {
  const ahead = addDays(today(), 6);
  const where = `Observations spec room ${Date.now()}`;
  await signIn(page, "facilitator");
  await page.goto("/training");
  await page.getByRole("link", { name: "Schedule a training session" }).click();
  await expectAccessible(page);
  // A date already past is refused, saying what to do instead.
  await page.getByLabel("Task").selectOption({ label: "Eye drops" });
  await fillDate(page, "Date of the session", addDays(today(), -1));
  await page.getByLabel("Face to face").check();
  await page.getByLabel("Where (optional)").fill(where);
  const before = countRows("training_sessions");
  await page.getByRole("button", { name: "Schedule session" }).click();
  await expect(page.getByRole("alert")).toContainText(`Date of the session must be on or after ${formatDate(today())} (today). To record a session that has already taken place`);
  await expect(page.getByRole("alert").getByRole("link").first()).toHaveAttribute("href", "#heldOn-day");
  expect(countRows("training_sessions")).toBe(before);
  await fillDate(page, "Date of the session", ahead);
  await page.getByRole("button", { name: "Schedule session" }).click();
  await expect(page.getByText("Training session scheduled. Its register opens on the day of the session.")).toBeVisible();
  await expect(page.locator(".nhsuk-summary-list__row", { hasText: "Status" })).toContainText("Scheduled");
  await expect(page.getByText(`Scheduled. Attendance can be recorded from ${formatDate(ahead)}, the day of the session.`)).toBeVisible();
  await expectAccessible(page);
  const session = Number(new URL(page.url()).pathname.split("/")[2]);

  // Listed first, as upcoming.
  await page.goto("/training");
  const upcoming = page.getByRole("table", { name: "Sessions from today, soonest first" });
  await expect(upcoming.getByRole("row", { name: new RegExp(formatDate(ahead)) }).filter({ hasText: "Eye drops" })).toContainText("Scheduled");
  await expect(page.getByRole("table", { name: "Earlier sessions, newest first" })).not.toContainText(formatDate(ahead));
  await expectAccessible(page);

  // Before the day the register is closed, and says when it opens; a posted register is refused.
  await page.goto(`/training/${session}/attendance`);
  await expect(page.getByText(`Attendance can be recorded from ${formatDate(ahead)}, the day of the session.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Record attendance" })).toHaveCount(0);
  const ben = idOf("care_workers", "name = ?", "Ben Ashworth");
  const early = await page.request.post(`/training/${session}/attendance`, { form: { [`outcome-${ben}`]: "completed", submissionToken: "earlyRegisterAttempt000001" }, headers: { Origin: new URL(page.url()).origin } });
  expect(early.status()).toBe(400);
  expect(countRows("training_attendances", "session_id = ?", session)).toBe(0);

  // Changed before it happens.
  await page.goto(`/training/${session}`);
  await page.getByRole("link", { name: "Change session details" }).click();
  await expectAccessible(page);
  await page.getByLabel("Where (optional)").fill(`${where}, first floor`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Training session changed.")).toBeVisible();
  await expect(page.locator(".nhsuk-summary-list__row", { hasText: "Where" })).toContainText("first floor");
  expect(countRows("audit_events", "action = 'training.change' AND entity_id = ?", String(session))).toBe(1);

  // On the day: the register opens; filtered by provider it shows only that provider's workers,
  // and keeps the outcome already chosen for someone of another provider.
  setClock(new Date(`${ahead}T15:00:00Z`));
  await signIn(page, "facilitator");
  await page.goto(`/training/${session}`);
  await expect(page.locator(".nhsuk-summary-list__row", { hasText: "Status" })).toContainText("Attendance to record");
  await page.getByRole("link", { name: "Record attendance" }).click();
  await page.getByLabel("Outcome for Maria Santos").selectOption("completed");
  await page.getByLabel("Show care workers of").selectOption({ label: "Oakfield Care Home" });
  await page.getByRole("button", { name: "Show" }).click();
  const register = page.getByRole("table", { name: "Care workers of Oakfield Care Home" });
  await expect(register).toBeVisible();
  await expect(page.getByText(/Showing \d+ of \d+ care workers: those of Oakfield Care Home\./)).toBeVisible();
  const providers = await register.locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(providers.length).toBeGreaterThan(0);
  expect(new Set(providers.map((p) => p.replace(/^Provider\s*/, "").trim()))).toEqual(new Set(["Oakfield Care Home"]));
  await expect(page.getByLabel("Outcome for Maria Santos")).toHaveCount(0);
  await expect(page.locator(".nhsuk-inset-text")).toContainText("Maria Santos, Brightside Home Care: Completed");
  await expectAccessible(page);
  // Reads well on a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByLabel("Outcome for Ben Ashworth").selectOption("completed");
  await page.getByRole("button", { name: "Record attendance" }).click();
  await expect(page.getByText("Attendance recorded.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Maria Santos/ })).toContainText("Completed");
  await expect(page.getByRole("row", { name: /Ben Ashworth/ })).toContainText("Completed");
  await expect(page.locator(".nhsuk-summary-list__row", { hasText: "Status" })).toContainText("Held");
  expect(countRows("training_attendances", "session_id = ?", session)).toBe(2);
  // Held: no longer changed or cancelled.
  await expect(page.getByRole("link", { name: "Cancel session" })).toHaveCount(0);
});

test("a scheduled session is cancelled with a reason: it stays in the history as cancelled and takes no register", async ({ page }) => {
  const ahead = addDays(today(), 10);
  await signIn(page, "facilitator");
  await page.goto("/training/schedule");
  await page.getByLabel("Task").selectOption({ label: "Compression hosiery" });
  await fillDate(page, "Date of the session", ahead);
  await page.getByLabel("Fieldwork").check();
  await page.getByRole("button", { name: "Schedule session" }).click();
  await expect(page.getByText("Training session scheduled.", { exact: false })).toBeVisible();
  const session = Number(new URL(page.url()).pathname.split("/")[2]);

  await page.getByRole("link", { name: "Cancel session" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Cancel session" }).click();
  await expect(page.getByRole("alert")).toContainText("Say why the session is cancelled");
  expect(countRows("training_sessions", "id = ? AND cancelled_at IS NULL", session)).toBe(1);
  await page.getByLabel("Why the session is cancelled").fill("Trainer unwell");
  await page.getByRole("button", { name: "Cancel session" }).click();
  await expect(page.getByText("Training session cancelled. It stays in the history.")).toBeVisible();
  await expect(page.locator(".nhsuk-summary-list__row", { hasText: "Status" })).toContainText("Cancelled");
  await expect(page.locator(".nhsuk-summary-list__row", { hasText: "Trainer unwell" })).toContainText("by Grace Liu: Trainer unwell");
  await expect(page.getByText("This session was cancelled, so no attendance is recorded.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Change session details" })).toHaveCount(0);
  expect(countRows("audit_events", "action = 'training.cancel' AND entity_id = ?", String(session))).toBe(1);

  await page.goto("/training");
  await expect(page.getByRole("table", { name: "Sessions from today, soonest first" }).getByRole("link", { name: formatDate(ahead) })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Earlier sessions, newest first" }).getByRole("row", { name: new RegExp(formatDate(ahead)) })).toContainText("Cancelled");

  setClock(new Date(`${ahead}T15:00:00Z`));
  await signIn(page, "facilitator");
  await page.goto(`/training/${session}/attendance`);
  await expect(page.getByText("This session was cancelled: no attendance can be recorded for it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Record attendance" })).toHaveCount(0);
});
