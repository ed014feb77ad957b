import { expect, idOf, signIn, test } from "./fixtures";

/** Another organisation's record answers 404, never the record, for every role. */

test("a provider manager gets 404 for another provider's care worker and person", async ({ page }) => {
  const otherWorker = idOf("care_workers", "name = ?", "Helen Kowalski"); // Oakfield
  const ownWorker = idOf("care_workers", "name = ?", "James Whitfield"); // Brightside
  const otherPerson = idOf("people", "name = ?", "Margaret Hollis"); // Oakfield
  await signIn(page, "manager");

  const own = await page.goto(`/workers/${ownWorker}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("James Whitfield");

  for (const path of [`/workers/${otherWorker}`, `/workers/${otherWorker}/edit`, `/people/${otherPerson}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page.locator("main")).not.toContainText("Helen Kowalski");
    await expect(page.locator("main")).not.toContainText("Margaret Hollis");
  }

  await page.goto("/workers");
  await expect(page.locator("main")).toContainText("James Whitfield");
  await expect(page.locator("main")).not.toContainText("Helen Kowalski");
});

test("a provider manager cannot change another provider's worker by posting to it", async ({ page }) => {
  const otherWorker = idOf("care_workers", "name = ?", "Helen Kowalski");
  await signIn(page, "manager");
  const response = await page.request.post(`/workers/${otherWorker}/edit`, {
    form: { name: "Changed", jobTitle: "Changed", status: "active" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(404);
  expect(idOf("care_workers", "name = ?", "Helen Kowalski")).toBe(otherWorker);
});

test("a nurse sees their team's people only; another team's person is 404", async ({ page }) => {
  const south = idOf("people", "name = ?", "Doris Fielding");
  const north = idOf("people", "name = ?", "Edith Clarke");
  await signIn(page, "nurse");
  expect((await page.goto(`/people/${north}`))?.status()).toBe(200);
  await expect(page.getByText("NHS number")).toBeVisible();
  expect((await page.goto(`/people/${south}`))?.status()).toBe(404);
  await page.goto("/people");
  await expect(page.locator("main")).toContainText("Edith Clarke");
  await expect(page.locator("main")).not.toContainText("Doris Fielding");
});

test("a nurse sees care workers of providers their team works with, not others", async ({ page }) => {
  const harbourWorker = idOf("care_workers", "name = ?", "Peter Nowak"); // Harbour Lights: South only
  const brightsideWorker = idOf("care_workers", "name = ?", "Aisha Begum");
  await signIn(page, "nurse");
  expect((await page.goto(`/workers/${brightsideWorker}`))?.status()).toBe(200);
  expect((await page.goto(`/workers/${harbourWorker}`))?.status()).toBe(404);
});

test("a facilitator serving both teams sees workers of both", async ({ page }) => {
  const harbourWorker = idOf("care_workers", "name = ?", "Peter Nowak");
  await signIn(page, "facilitator");
  expect((await page.goto(`/workers/${harbourWorker}`))?.status()).toBe(200);
});

test("a care worker cannot open worker, person or admin pages", async ({ page }) => {
  const colleague = idOf("care_workers", "name = ?", "James Whitfield");
  await signIn(page, "worker");
  for (const path of ["/workers", `/workers/${colleague}`, "/people", "/admin/users", "/admin/audit", "/organisations/new?kind=provider"]) {
    const status = (await page.goto(path))?.status();
    expect([403, 404], path).toContain(status);
  }
});

test("only an admin reaches the admin pages", async ({ page }) => {
  await signIn(page, "nurse");
  for (const path of ["/admin/users", "/admin/audit", "/admin/settings", "/tasks/new", "/organisations/new?kind=nhs_team"]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot do this");
  }
});

test("NHS numbers are masked in lists and never in a URL", async ({ page }) => {
  await signIn(page, "nurse");
  await page.goto("/people");
  await expect(page.locator("main table")).toContainText("*** ***");
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await page.getByRole("link", { name: "Edith Clarke" }).click();
  await expect(page.getByText(/^\d{3} \d{3} \d{4}$/)).toBeVisible();
  for (const url of urls) expect(url).not.toMatch(/\d{10}/);
});
