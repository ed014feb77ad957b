/**
 * Dates that cannot lie (docs/domain.md rules 7, 8 and 9): each rule walked in the browser,
 * showing the person the message that says what is allowed, and proving nothing was written.
 */
import type { Page } from "@playwright/test";
import { addDays, addMonths, formatDate, londonDate } from "../app/domain/dates";
import { countRows, expect, expectAccessible, idOf, readDb, setClock, signIn, test } from "./fixtures";

const today = () => londonDate(new Date());

test.afterEach(() => setClock(null));

async function fillDate(page: Page, group: string, iso: string) {
  const [y, m, d] = iso.split("-");
  const fields = page.getByRole("group", { name: group });
  await fields.getByLabel("Day").fill(String(Number(d)));
  await fields.getByLabel("Month").fill(String(Number(m)));
  await fields.getByLabel("Year").fill(y!);
}

function value<T>(query: string, ...params: unknown[]): T {
  const db = readDb();
  try {
    return (db.prepare(query).get(...params) as { v: T }).v;
  } finally {
    db.close();
  }
}

test("an insulin observation dated before the worker's e-learning is refused, naming the date practice may start", async ({ page }) => {
  const aisha = idOf("care_workers", "name = ?", "Aisha Begum");
  const elearning = value<string>(
    "SELECT achieved_on AS v FROM worker_prerequisites WHERE worker_id = ? AND prerequisite_id = (SELECT id FROM task_prerequisites WHERE name = 'National insulin e-learning certificate')",
    aisha,
  );
  await signIn(page, "facilitator");
  await page.goto(`/workers/${aisha}/observe`);
  const before = countRows("supervised_observations");
  await page.getByLabel("Task observed").selectOption({ label: "Insulin administration by pen (person-specific)" });
  await page.getByLabel("Whose care was observed").selectOption({ label: "Edith Clarke" });
  await page.getByLabel("Satisfactory").check();

  // 23 November 1999: far outside any sensible date for evidence of practice.
  await fillDate(page, "Date of the observation", "1999-11-23");
  await page.getByRole("button", { name: "Record observation" }).click();
  await expect(page.getByRole("alert")).toContainText(`Date of the observation must be between ${formatDate(addMonths(today(), -60))} and ${formatDate(today())}`);

  // The day before the e-learning: refused, and the message says from when practice may be recorded.
  await fillDate(page, "Date of the observation", addDays(elearning, -1));
  await page.getByRole("button", { name: "Record observation" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText(
    `Date of the observation must be on or after ${formatDate(elearning)}, when the National insulin e-learning certificate was completed: supervised practice comes after it`,
  );
  await expect(summary.getByRole("link").first()).toHaveAttribute("href", "#observedOn-day");
  await expectAccessible(page);
  expect(countRows("supervised_observations")).toBe(before);
});

test("a sign-off dated before its last observation is refused; a mistaken observation is struck out and no longer counts", async ({ page }) => {
  const olivia = idOf("care_workers", "name = ?", "Olivia Reid");
  const competency = idOf("competencies", "worker_id = ? AND task_id = (SELECT id FROM tasks WHERE code = 'COMP')", olivia);
  await signIn(page, "facilitator");
  await page.goto(`/workers/${olivia}/observe`);
  await page.getByLabel("Task observed").selectOption({ label: "Compression hosiery" });
  await page.getByLabel("Satisfactory").check();
  await page.getByRole("button", { name: "Record observation" }).click();
  await expect(page.getByText("Supervised observation recorded.")).toBeVisible();
  const observation = value<number>("SELECT max(id) AS v FROM supervised_observations WHERE worker_id = ?", olivia);

  await page.goto(`/competencies/${competency}/sign-off`);
  await expect(page.getByText(/^2 of \d+ satisfactory observations? recorded\./)).toBeVisible();
  await fillDate(page, "Sign-off date", addDays(today(), -1));
  await page.getByLabel(/I have observed Olivia Reid/).check();
  await page.getByRole("button", { name: "Sign off competency" }).click();
  await expect(page.getByRole("alert")).toContainText(
    `Sign-off date must be on or after ${formatDate(today())}, the date of the last supervised observation it counts`,
  );
  expect(countRows("competency_sign_offs", "competency_id = ?", competency)).toBe(0);

  // Today's observation was recorded against the wrong worker: strike it out.
  await page.goto(`/competencies/${competency}`);
  await page.getByRole("link", { name: `Strike out the observation of ${formatDate(today())}` }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Strike out observation" }).click();
  await expect(page.getByRole("alert")).toContainText("Say why this observation is being struck out");
  expect(countRows("supervised_observations", "id = ? AND struck_out_at IS NULL", observation)).toBe(1);
  await page.getByLabel("Why it is being struck out").fill("Recorded against the wrong care worker");
  await page.getByRole("button", { name: "Strike out observation" }).click();
  await expect(page.getByText("Observation struck out. It stays in the history and no longer counts towards sign-off.")).toBeVisible();
  const row = page.getByRole("row", { name: /Struck out/ });
  await expect(row).toContainText("Struck out by Grace Liu");
  await expect(row).toContainText("Recorded against the wrong care worker");
  await expectAccessible(page);
  expect(countRows("supervised_observations", "id = ? AND struck_out_at IS NOT NULL", observation)).toBe(1);
  expect(countRows("audit_events", "action = 'observation.strike_out'")).toBeGreaterThan(0);

  // The count drops back.
  await page.goto(`/competencies/${competency}/sign-off`);
  await expect(page.getByText(/^1 of \d+ satisfactory observations? recorded\./)).toBeVisible();
});

test("absurd agreement dates are refused: a start in 1900, a review date beyond the tasks' interval, consent in 1901", async ({ page }) => {
  await signIn(page, "nurse");
  await page.goto("/agreements/new");
  const before = countRows("agreements");
  await page.getByLabel("Person receiving care").selectOption({ label: "Winifred Shaw (Brightside Home Care)" });
  await page.getByLabel("Eye drops").check();
  await fillDate(page, "Start date", "1900-01-01");
  await page.getByRole("button", { name: "Start agreement" }).click();
  await expect(page.getByRole("alert")).toContainText(`Start date must be between ${formatDate(addMonths(today(), -12))} and ${formatDate(addMonths(today(), 12))}`);
  await expectAccessible(page);
  expect(countRows("agreements")).toBe(before);

  // Starting next year: the reference still carries the year it was created.
  const start = `${Number(today().slice(0, 4)) + 1}-01-04`;
  await fillDate(page, "Start date", start);
  await page.getByRole("button", { name: "Start agreement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(new RegExp(`DA-${today().slice(0, 4)}-\\d{6}Complete the agreement$`));
  const id = Number(new URL(page.url()).pathname.split("/")[2]);

  // Eye drops are reviewed every 6 months: a review date a year after the start is refused.
  await page.goto(`/agreements/${id}/details`);
  await fillDate(page, "Review date", addMonths(start, 12));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText(
    `Review date must be on or before ${formatDate(addMonths(start, 6))}: the agreement's tasks must be reviewed at least every 6 months from the start date`,
  );
  await expectAccessible(page);
  expect(value<string>("SELECT review_date AS v FROM agreements WHERE id = ?", id)).toBe(addMonths(start, 6));

  // Consent dated 1901 for a woman born in 1933.
  await page.goto(`/agreements/${id}/consent`);
  await page.getByLabel("Given by the person").check();
  await fillDate(page, "Date of consent", "1901-01-01");
  await page.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByRole("alert")).toContainText(`Date of consent must be between ${formatDate(addMonths(today(), -12))} and ${formatDate(today())}`);
  expect(countRows("consents", "agreement_id = ?", id)).toBe(0);
});

test("a review cannot push the next review beyond the shortest review interval", async ({ page }) => {
  const george = idOf("agreements", "person_id = (SELECT id FROM people WHERE name = 'George Whitaker')");
  const reviewDate = value<string>("SELECT review_date AS v FROM agreements WHERE id = ?", george);
  const reviews = countRows("reviews", "agreement_id = ?", george);
  await signIn(page, "nurse");
  await page.goto(`/agreements/${george}/review`);
  await page.getByLabel("Continue").check();
  // George's wound dressing is reviewed every 3 months.
  await fillDate(page, "Next review date", addMonths(today(), 4));
  await page.getByRole("button", { name: "Record review" }).click();
  await expect(page.getByRole("alert")).toContainText(
    `Next review date must be on or before ${formatDate(addMonths(today(), 3))}: the agreement's tasks must be reviewed at least every 3 months from the review`,
  );
  await fillDate(page, "Next review date", "2040-02-23");
  await page.getByRole("button", { name: "Record review" }).click();
  await expect(page.getByRole("alert")).toContainText("Next review date must be between");
  await expectAccessible(page);
  expect(countRows("reviews", "agreement_id = ?", george)).toBe(reviews);
  expect(value<string>("SELECT review_date AS v FROM agreements WHERE id = ?", george)).toBe(reviewDate);
});

test("a training session can be scheduled ahead, but attendance is recorded only from its date, then once", async ({ page }) => {
  const maria = idOf("care_workers", "name = ?", "Maria Santos");
  await signIn(page, "facilitator");
  await page.goto("/training/new");
  const before = countRows("training_sessions");
  const ahead = addDays(today(), 14);
  await page.getByLabel("Task").selectOption({ label: "Eye drops" });
  await fillDate(page, "Date of the session", ahead);
  await page.getByLabel("Face to face").check();
  await page.getByLabel("Outcome for Maria Santos").selectOption("completed");
  await page.getByRole("button", { name: "Record training session" }).click();
  await expect(page.getByRole("alert")).toContainText(`Attendance can be recorded from ${formatDate(ahead)}, the day of the session`);
  await expectAccessible(page);
  expect(countRows("training_sessions")).toBe(before);

  await page.getByLabel("Outcome for Maria Santos").selectOption("");
  await page.getByRole("button", { name: "Record training session" }).click();
  await expect(page.getByText("Training session recorded.")).toBeVisible();
  await expect(page.getByText(`Scheduled. Attendance can be recorded from ${formatDate(ahead)}, the day of the session.`)).toBeVisible();
  expect(countRows("training_sessions")).toBe(before + 1);
  const session = Number(new URL(page.url()).pathname.split("/")[2]);
  expect(countRows("training_attendances", "session_id = ?", session)).toBe(0);

  // Before the day, the register page says when it opens, and a posted register is refused.
  await page.goto(`/training/${session}/attendance`);
  await expect(page.getByText(`Attendance can be recorded from ${formatDate(ahead)}, the day of the session.`)).toBeVisible();
  const early = await page.request.post(`/training/${session}/attendance`, { form: { [`outcome-${maria}`]: "completed" }, headers: { Origin: new URL(page.url()).origin } });
  expect(early.status()).toBe(400);
  expect(countRows("training_attendances", "session_id = ?", session)).toBe(0);

  // On the day of the session the facilitator records who came.
  setClock(new Date(`${ahead}T15:00:00Z`));
  await signIn(page, "facilitator");
  await page.goto(`/training/${session}`);
  await page.getByRole("link", { name: "Record attendance" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Record attendance" }).click();
  await expect(page.getByRole("alert")).toContainText("Record at least one care worker who attended");
  await page.getByLabel("Outcome for Maria Santos").selectOption("completed");
  await page.getByRole("button", { name: "Record attendance" }).click();
  await expect(page.getByText("Attendance recorded.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Maria Santos/ })).toContainText("Completed");
  expect(countRows("training_attendances", "session_id = ? AND worker_id = ?", session, maria)).toBe(1);
  expect(countRows("audit_events", "action = 'training.attendance' AND entity_id = ?", String(session))).toBe(1);
});
