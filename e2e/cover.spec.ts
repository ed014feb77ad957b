import { addDays, formatDate } from "../app/domain/dates";
import { expect, expectAccessible, readDb, setClock, signIn, test } from "./fixtures";

/**
 * Who may carry out each task (docs/domain.md rules 3, 4 and 13): only under an agreement in
 * force; before that the page says who will be able to, and when; and the nurse is warned
 * before a task's cover drops below two competent workers.
 */
test.afterEach(() => setClock(null));

function one<T>(query: string, ...params: unknown[]): T {
  const db = readDb();
  try {
    return db.prepare(query).get(...params) as T;
  } finally {
    db.close();
  }
}

const agreementOf = (person: string) =>
  one<{ id: number; startDate: string; reference: string }>(
    `SELECT a.id, a.start_date AS "startDate", a.reference FROM agreements a JOIN people p ON p.id = a.person_id WHERE p.name = ? ORDER BY a.id LIMIT 1`,
    person,
  );

test("a signed agreement whose start date is ahead: nobody may carry out its tasks yet, and the page says when", async ({ page }) => {
  const stanley = agreementOf("Stanley Moore");
  const starts = formatDate(stanley.startDate);
  await signIn(page, "nurseSouth");
  await page.goto(`/agreements/${stanley.id}`);
  const main = page.locator("main");
  await expect(page.locator(".nhsuk-tag").first()).toHaveText(`Signed, starts ${starts}`);
  await expect(page.getByRole("heading", { level: 2, name: "Who may carry out each task", exact: true })).toBeVisible();
  await expect(main).toContainText(`This agreement comes into force on ${starts}. Nobody may carry out its tasks before then.`);
  const peter = page.locator("li", { hasText: "Peter Nowak" }).filter({ hasText: "carry out" });
  await expect(peter).toContainText(`Will be able to carry out from ${starts}`);
  await expect(peter).toContainText("competent until");
  await expect(main).not.toContainText("May carry out");
  await expectAccessible(page);

  // On the start date it is in force, and Peter may carry out the task.
  setClock(new Date(`${stanley.startDate}T09:00:00Z`));
  await signIn(page, "nurseSouth");
  await page.goto(`/agreements/${stanley.id}`);
  await expect(page.getByRole("heading", { level: 2, name: "Who may carry out each task today" })).toBeVisible();
  await expect(page.locator("li", { hasText: "Peter Nowak" }).filter({ hasText: "carry out" })).toContainText("May carry out");
  await expect(main).not.toContainText("Nobody may carry out its tasks before then");
  await expectAccessible(page);
});

test("an agreement still waiting for signatures shows no one as able to carry out a task", async ({ page }) => {
  const winifred = agreementOf("Winifred Shaw");
  await signIn(page, "nurse");
  await page.goto(`/agreements/${winifred.id}`);
  const main = page.locator("main");
  await expect(page.locator(".nhsuk-tag").first()).toHaveText("Awaiting signatures");
  await expect(main).not.toContainText("May carry out");
  const maria = page.locator("li", { hasText: "Maria Santos" }).filter({ hasText: "carry out" });
  await expect(maria).toContainText("Will be able to carry out once the agreement is in force");
  await expect(maria).toContainText("competent until");
  await expectAccessible(page);
});

test("the nurse is warned before a task's cover drops below two competent workers; the window is a setting", async ({ page }) => {
  const liam = one<{ expiresOn: string }>(
    `SELECT c.expires_on AS "expiresOn" FROM competencies c JOIN care_workers w ON w.id = c.worker_id JOIN tasks t ON t.id = c.task_id WHERE w.name = 'Liam Hughes' AND t.code = 'PEG'`,
  );
  const drops = formatDate(addDays(liam.expiresOn, 1));
  const ivy = agreementOf("Ivy Thompson");
  await signIn(page, "nurse");
  await page.goto("/alerts");
  await page.getByLabel("Kind").selectOption({ label: "Cover will drop below two workers" });
  await page.getByRole("button", { name: "Filter" }).click();
  const list = page.getByRole("table", { name: /most urgent first/ });
  const alert = `${ivy.reference} (I. T.): from ${drops} only one named worker will be able to carry out Enteral (PEG) feeding and flushing`;
  await expect(list).toContainText(alert);
  await expect(list).toContainText("Renew a competency or name another competent worker before then");
  await expectAccessible(page);
  await list.getByRole("link", { name: alert }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ivy.reference);

  // The window is on the settings page; a value outside 1 to 180 days is refused, saying why.
  await signIn(page, "admin");
  await page.goto("/admin/settings");
  const field = page.getByLabel("Days ahead to check each task will have two care workers");
  await expect(field).toHaveValue("28");
  await field.fill("0");
  await page.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByRole("alert")).toContainText("Days ahead to check each task will have two care workers must be a whole number between 1 and 180");
  await expectAccessible(page);
});
