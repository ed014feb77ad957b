import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a provider manager sees their provider's alerts only, and an alert leads to the record", async ({ page }) => {
  await signIn(page, "manager");
  const alerts = page.getByRole("table", { name: /most urgent/ });
  await expect(alerts).toContainText("James Whitfield: Blood glucose monitoring expired");
  await expect(alerts).toContainText("only one competent worker for Blood glucose monitoring");
  await expect(page.locator("main")).not.toContainText("M. H.");
  await expect(page.locator("main")).not.toContainText("Helen Kowalski");
  await expect(page.getByRole("heading", { name: "Competencies expiring in the next 12 months" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Expiring each month" })).toBeVisible();
  await expectAccessible(page);

  await alerts.getByRole("link", { name: /James Whitfield: Blood glucose monitoring expired/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Blood glucose monitoring");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("James Whitfield");
  await expect(page.locator(".nhsuk-summary-list__row", { hasText: "Status" })).toContainText("Expired");
});

test("another provider's manager sees a different set", async ({ page }) => {
  await signIn(page, "manager2");
  const main = page.locator("main");
  await expect(main).toContainText("M. H.");
  await expect(main).toContainText("no competent worker for Urinary catheter care");
  await expect(main).not.toContainText("James Whitfield");
});

test("a nurse sees their team's alerts; a facilitator serving both teams sees both", async ({ page }) => {
  await signIn(page, "nurse");
  await page.goto("/alerts");
  await expectAccessible(page);
  const list = page.getByRole("table", { name: /most urgent first/ });
  await expect(list).toContainText("James Whitfield");
  await expect(list).toContainText("M. H.");
  await expect(list).not.toContainText("D. F.");

  await page.getByLabel("Kind").selectOption({ label: "Competency expired, worker still named" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(list).toContainText("James Whitfield");
  await expect(list).not.toContainText("M. H.");

  const csv = await page.request.get("/alerts.csv?severity=critical");
  const text = await csv.text();
  expect(text.startsWith('\uFEFF"Severity","Kind","Due"')).toBe(true);
  expect(text).toContain('"Critical","Competency expired, worker still named"');
  expect(text).not.toContain('"Warning"');

  await signIn(page, "facilitator");
  await page.goto("/alerts");
  await expect(page.getByRole("table", { name: /most urgent first/ })).toContainText("D. F.");
});

test("a care worker sees only their own competency alerts on their home page", async ({ page }) => {
  await signIn(page, "worker");
  const main = page.locator("main");
  await expect(main).toContainText("Maria Santos: Urinary catheter care expires in");
  await expect(main).not.toContainText("James Whitfield: Blood glucose monitoring expired");
  expect((await page.goto("/alerts"))?.status()).toBe(403);
});
