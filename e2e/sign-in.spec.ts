import { ACCOUNTS, expect, expectAccessible, signInWithForm, test, type Account } from "./fixtures";

const HOME_SHOWS: Record<Account, string> = {
  admin: "Organisations",
  nurse: "People on the caseload",
  nurseSouth: "People on the caseload",
  facilitator: "Care workers",
  manager: "Care workers",
  manager2: "Care workers",
  worker: "Your skills passport and the agreements that name you.",
};

for (const account of Object.keys(ACCOUNTS) as Account[]) {
  test(`${account} signs in and sees their home page`, async ({ page }) => {
    await signInWithForm(page, account);
    await expect(page.getByText(HOME_SHOWS[account], { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(ACCOUNTS[account].name);
    await expectAccessible(page);
  });
}

test("a wrong password shows the error summary and does not sign in", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page);
  await page.getByLabel("Email address").fill("nurse@example.org");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Enter a correct email address and password" })).toHaveAttribute("href", "#email");
  await expect(page).toHaveTitle(/^Error: Sign in/);
  await expect(page.getByLabel("Email address")).toHaveValue("nurse@example.org");
  await expectAccessible(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2F$/);
});

test("an unknown email gets the same message as a wrong password", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill("nobody@example.org");
  await page.getByLabel("Password").fill("anything-at-all");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a correct email address and password");
});

test("empty fields are each named in the error summary", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#email");
  await expect(summary.getByRole("link", { name: "Enter your password" })).toHaveAttribute("href", "#password");
});

test("after signing in the user returns to the page they asked for, but never to another site", async ({ page }) => {
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Ftasks/);
  await page.getByLabel("Email address").fill(ACCOUNTS.nurse.email);
  await page.getByLabel("Password").fill("delegated-care-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.goto("/login?redirectTo=//evil.example/phish");
  await page.getByLabel("Email address").fill(ACCOUNTS.nurse.email);
  await page.getByLabel("Password").fill("delegated-care-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/localhost:\d+\/$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signing in and a rejected form both work, with Error: in the title", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveTitle(/^Error: Sign in/);
    await expect(page.getByRole("alert")).toContainText("Enter your email address");
    await signInWithForm(page, "admin");
    await page.goto("/organisations/new?kind=provider");
    await page.getByRole("button", { name: "Save organisation" }).click();
    await expect(page).toHaveTitle(/^Error: Add a care provider/);
    await expect(page.getByRole("alert")).toContainText("Enter the CQC location ID");
  });
});
