import { expect, expectAccessible, idOf, signIn, test, type Account } from "./fixtures";

/** Every page each role can reach renders and passes axe. */

function pagesFor(account: Account): string[] {
  const worker = idOf("care_workers", "name = ?", "Maria Santos");
  const person = idOf("people", "name = ?", "Edith Clarke");
  const task = idOf("tasks", "code = ?", "INS-PEN");
  const provider = idOf("organisations", "name = ?", "Brightside Home Care");
  const team = idOf("organisations", "name = ?", "Ashworth North District Nursing Team");
  const user = idOf("users", "email = ?", "nurse@example.org");
  // Maria's blood glucose monitoring: e2e/flow.spec.ts has her decline her insulin competency.
  const competency = idOf("competencies", "worker_id = ? AND task_id = (SELECT id FROM tasks WHERE code = 'BGM')", worker);
  const session = idOf("training_sessions", "task_id = ?", task);
  const agreement = idOf("agreements", "person_id = ? ORDER BY id LIMIT 1", person);
  const draft = idOf("agreements", "state = 'draft' ORDER BY id LIMIT 1");
  const awaiting = idOf("agreements", "state = 'awaiting_signatures' ORDER BY id LIMIT 1");
  switch (account) {
    case "admin":
      return [
        "/", "/organisations", `/organisations/${provider}`, `/organisations/${provider}/edit`, `/organisations/${team}`,
        `/organisations/${team}/edit`, "/organisations/new?kind=provider", "/organisations/new?kind=nhs_team",
        "/admin/users", "/admin/users/new", `/admin/users/${user}`, "/admin/audit", "/admin/settings",
        "/tasks", `/tasks/${task}`, "/tasks/new", `/tasks/${task}/edit`, "/workers", `/workers/${worker}`,
        `/workers/${worker}/edit`, "/workers/new", "/people", `/people/${person}`, `/people/${person}/edit`, "/people/new",
      ];
    case "nurse":
      return [
        "/", "/agreements", "/agreements/new", "/people", `/people/${person}`, `/people/${person}/edit`, "/people/new", "/workers", `/workers/${worker}`,
        "/training", "/training/new", `/training/${session}`, "/training/matrix", `/workers/${worker}/observe`, `/workers/${worker}/prerequisite`,
        `/competencies/${competency}`, `/competencies/${competency}/sign-off`, `/competencies/${competency}/suspend`,
        "/alerts", "/tasks", `/tasks/${task}`, `/organisations/${team}`,
        `/agreements/${agreement}`, `/agreements/${agreement}/versions/1`, `/agreements/${agreement}/review`, `/agreements/${agreement}/amend`,
        `/agreements/${agreement}/suspend`, `/agreements/${agreement}/end`, `/agreements/${draft}`, `/agreements/${draft}/details`,
        `/agreements/${draft}/tasks`, `/agreements/${draft}/workers`, `/agreements/${draft}/consent`, `/agreements/${draft}/send`,
        `/agreements/${awaiting}`, `/agreements/${awaiting}/paper`,
      ];
    case "facilitator":
      return ["/", "/training", "/training/matrix", "/workers", `/workers/${worker}`, `/competencies/${competency}`, "/people", "/alerts", "/tasks"];
    case "manager":
      return ["/", "/agreements", "/workers", `/workers/${worker}`, `/workers/${worker}/edit`, "/workers/new", "/training", `/training/${session}`, "/training/matrix", `/competencies/${competency}`, "/people", "/alerts", "/organisations", `/organisations/${provider}`, `/agreements/${agreement}`, `/agreements/${awaiting}`, `/agreements/${awaiting}/sign`];
    case "worker":
      return ["/", "/agreements", `/agreements/${agreement}`, `/agreements/${awaiting}/sign`, "/tasks", `/tasks/${task}`, `/competencies/${competency}`, `/competencies/${competency}/decline`];
    default:
      return ["/"];
  }
}

for (const account of ["admin", "nurse", "facilitator", "manager", "worker"] as Account[]) {
  test(`every page a ${account} can reach passes axe`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, account);
    for (const path of pagesFor(account)) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
  });
}

test("public pages: sign in, verify, and the 404 page pass axe", async ({ page }) => {
  for (const [path, status] of [["/login", 200], ["/baseline", 200], ["/verify", 200], ["/verify/ABCD-2345", 404], ["/no-such-page", 404]] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    await expectAccessible(page);
  }
});

test("/healthz reports the database is answering", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
