import { countRows, expect, expectAccessible, signIn, test } from "./fixtures";

/** Bad input on every admin form shows the error summary and writes nothing. */

test("adding a care provider: bad input is refused and nothing is written; good input is saved", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/organisations");
  await page.getByRole("link", { name: "Add a care provider" }).click();
  const before = countRows("organisations");
  await page.getByLabel("Name").fill("Riverside Care");
  await page.getByLabel("CQC location ID").fill("12345");
  await page.getByLabel("The insurer has confirmed delegated healthcare activities are covered").check();
  await page.getByRole("button", { name: "Save organisation" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "CQC location ID must look like 1-123456789" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter the insurer who confirmed cover" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter the date insurance was confirmed" })).toHaveAttribute("href", "#insuranceConfirmedOn-day");
  await expect(page.getByLabel("Name")).toHaveValue("Riverside Care");
  await expectAccessible(page);
  expect(countRows("organisations")).toBe(before);

  await page.getByLabel("CQC location ID").fill("1-987654321");
  await page.getByLabel("Treatment of disease, disorder or injury (TDDI)").check();
  await page.getByLabel("Insurer", { exact: true }).fill("Allied Care Insurance");
  await page.getByLabel("Day").fill("31");
  await page.getByLabel("Month").fill("2");
  await page.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Save organisation" }).click();
  await expect(page.getByRole("alert")).toContainText("Date insurance was confirmed must be a real date");
  expect(countRows("organisations")).toBe(before);

  await page.getByLabel("Day").fill("3");
  await page.getByRole("button", { name: "Save organisation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Riverside Care");
  await expect(page.getByText("Confirmed by Allied Care Insurance on 3 February 2026")).toBeVisible();
  await expect(page.getByText("Treatment of disease, disorder or injury (TDDI)")).toBeVisible();
  expect(countRows("organisations")).toBe(before + 1);
  expect(countRows("audit_events", "action = 'organisation.create'")).toBeGreaterThan(0);
});

test("a duplicate ODS code is refused with a message at the field", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/organisations/new?kind=nhs_team");
  const before = countRows("organisations");
  await page.getByLabel("Name").fill("Duplicate team");
  await page.getByLabel("ODS code").fill("rx1n1");
  await page.getByRole("button", { name: "Save organisation" }).click();
  await expect(page.getByRole("alert")).toContainText("A team with this ODS code is already recorded");
  expect(countRows("organisations")).toBe(before);
});

test("adding a person: an invalid NHS number is refused and says why", async ({ page }) => {
  await signIn(page, "nurse");
  await page.goto("/people/new");
  await expectAccessible(page);
  const before = countRows("people");
  await page.getByLabel("Full name").fill("Norman Price");
  await page.getByLabel("NHS number").fill("943 476 5918");
  await page.getByLabel("Day").fill("4");
  await page.getByLabel("Month").fill("5");
  await page.getByLabel("Year").fill("1940");
  await page.getByLabel("Own home").check();
  await page.getByLabel("Care provider").selectOption({ label: "Brightside Home Care" });
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter a valid NHS number: this one fails the NHS number check" })).toHaveAttribute("href", "#nhsNumber");
  await expect(page.locator("#nhsNumber--error-message")).toContainText("fails the NHS number check");
  await expectAccessible(page);
  expect(countRows("people")).toBe(before);

  await page.getByLabel("NHS number").fill("943 476 5919");
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Norman Price");
  await expect(page.getByText("943 476 5919")).toBeVisible();
  await expect(page.getByText("4 May 1940")).toBeVisible();
  expect(countRows("people")).toBe(before + 1);

  await page.goto("/people/new");
  await page.getByLabel("Full name").fill("Someone Else");
  await page.getByLabel("NHS number").fill("9434765919");
  await page.getByLabel("Day").fill("1");
  await page.getByLabel("Month").fill("1");
  await page.getByLabel("Year").fill("1950");
  await page.getByLabel("Care home", { exact: true }).check();
  await page.getByLabel("Care provider").selectOption({ label: "Brightside Home Care" });
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("alert")).toContainText("A person with this NHS number is already recorded");
  expect(countRows("people")).toBe(before + 1);
});

test("adding a user: a short password and a missing NMC PIN are refused", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/users/new");
  await expectAccessible(page);
  const before = countRows("users");
  await page.getByLabel("Full name").fill("Nadia Khan");
  await page.getByLabel("Email address").fill("nadia.khan@example.org");
  await page.getByLabel("Registered nurse").check();
  await page.getByLabel("Organisation").selectOption({ label: "Ashworth South District Nursing Team (NHS team)" });
  await page.getByLabel("First password").fill("short");
  await page.getByRole("button", { name: "Add user" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Enter the nurse's NMC PIN");
  await expect(summary).toContainText("Password must be 12 characters or more");
  expect(countRows("users")).toBe(before);

  await page.getByLabel("NMC PIN (nurses only)").fill("15c2345d");
  await page.getByLabel("First password").fill("password1234");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("alert")).toContainText("This password is too common");
  expect(countRows("users")).toBe(before);

  await page.getByLabel("First password").fill("kettle orbit lantern 42");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nadia Khan");
  expect(countRows("users")).toBe(before + 1);

  // The new nurse can sign in with that password.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email address").fill("NADIA.KHAN@example.org");
  await page.getByLabel("Password").fill("kettle orbit lantern 42");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Nadia Khan" })).toBeVisible();
});

test("a deactivated user is signed out and cannot sign in", async ({ page, browser }) => {
  const other = await browser.newContext();
  const managerPage = await other.newPage();
  await signIn(managerPage, "manager2");

  await signIn(page, "admin");
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Joanne Fraser" }).click();
  await page.getByRole("button", { name: "Deactivate user" }).click();
  await expect(page.getByText("Deactivated. Their history is kept.")).toBeVisible();

  await managerPage.goto("/workers");
  await expect(managerPage).toHaveURL(/\/login/);
  await managerPage.getByLabel("Email address").fill("manager2@example.org");
  await managerPage.getByLabel("Password").fill("delegated-care-demo");
  await managerPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(managerPage.getByRole("alert")).toContainText("Enter a correct email address and password");

  await page.getByRole("button", { name: "Reactivate user" }).click();
  await expect(page.getByText("Reactivated.")).toBeVisible();
  await other.close();
});

test("a provider manager adds a care worker to their own provider; bad input writes nothing", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/workers/new");
  await expectAccessible(page);
  const before = countRows("care_workers");
  await page.getByRole("button", { name: "Add care worker" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the care worker's full name");
  await page.getByLabel("Full name").fill("Kofi Mensah");
  await page.getByLabel("Job title").fill("Care worker");
  const joined = page.getByRole("group", { name: "Date they joined this provider" });
  const certificate = page.getByRole("group", { name: "Date the Care Certificate was awarded (optional)" });
  await certificate.getByLabel("Day").fill("1");
  await certificate.getByLabel("Month").fill("1");
  await certificate.getByLabel("Year").fill("2999");
  await page.getByRole("button", { name: "Add care worker" }).click();
  await expect(page.getByRole("alert")).toContainText("Date the Care Certificate was awarded must be today or in the past");
  // The date they joined is asked for: no supervised practice can be recorded before it.
  await expect(page.getByRole("alert")).toContainText("Enter the date they joined this provider");
  expect(countRows("care_workers")).toBe(before);
  await certificate.getByLabel("Year").fill("2014");
  await joined.getByLabel("Day").fill("1");
  await joined.getByLabel("Month").fill("9");
  await joined.getByLabel("Year").fill("2023");
  await page.getByRole("button", { name: "Add care worker" }).click();
  // Before the Care Certificate existed (April 2015): a typing slip.
  await expect(page.getByRole("alert")).toContainText("Date the Care Certificate was awarded must be between 1 April 2015 and");
  expect(countRows("care_workers")).toBe(before);
  await certificate.getByLabel("Year").fill("2024");
  await page.getByRole("button", { name: "Add care worker" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kofi Mensah");
  await expect(page.getByText("Brightside Home Care").first()).toBeVisible();
  expect(countRows("care_workers", "name = 'Kofi Mensah' AND provider_id = (SELECT id FROM organisations WHERE name = 'Brightside Home Care')")).toBe(1);
});

test("task catalogue and settings refuse bad numbers", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/tasks/new");
  await expectAccessible(page);
  const tasksBefore = countRows("tasks");
  await page.getByLabel("Code").fill("INS-PEN");
  await page.getByLabel("Name", { exact: true }).fill("Duplicate insulin");
  await page.getByLabel("Vital signs").check();
  await page.getByLabel("What is in scope").fill("x");
  await page.getByLabel("What is excluded").fill("y");
  await page.getByLabel("Escalation guidance").fill("z");
  await page.getByLabel("Supervised observations needed before sign-off").fill("0");
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByRole("alert")).toContainText("Supervised observations needed must be a whole number from 1 to 20");
  await page.getByLabel("Supervised observations needed before sign-off").fill("3");
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByRole("alert")).toContainText("A task with this code already exists");
  expect(countRows("tasks")).toBe(tasksBefore);

  await page.goto("/admin/settings");
  await expectAccessible(page);
  const settingsBefore = countRows("settings");
  const warning = page.getByLabel("Days before expiry that a competency shows as expiring");
  await warning.fill("abc");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert")).toContainText("Days before expiry that a competency shows as expiring must be a number, like 90");
  expect(countRows("settings")).toBe(settingsBefore);
  await warning.fill("400");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert")).toContainText("Days before expiry that a competency shows as expiring must be a whole number between 1 and 365");
  await warning.fill("120");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect(warning).toHaveValue("120");
  await warning.fill("90");
  await page.getByRole("button", { name: "Save settings" }).click();
});
