import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3123);
/** A real OpenID provider on loopback for the single sign-on tests (e2e/support/identity-provider.ts). */
const IDENTITY_PROVIDER_PORT = PORT + 7;
/** Its client secret, as the servers read it for the sign-in service the test sets up with the short name test-idp. */
const TEST_IDP_SECRET = "e2e-test-idp-client-secret-0123456789";

/**
 * The spec files, in groups that each run one test at a time on a server of their own, with its
 * own freshly seeded demo database (.cache/e2e-<port>), side by side with the other groups. Within
 * a group the files run in alphabetical order; a group's tests may change its data freely. The groups are
 * of about the same length, so the workers finish together. The first server shows the untouched
 * demo to first-look before any journey there writes; every spec file not listed below runs there
 * after it ("journeys"), so a new file is never left out.
 */
const GROUPS: { name: string; files: string[]; env?: Record<string, string> }[] = [
  // The security suites speak from several client addresses, as a proxy on loopback would pass them on.
  { name: "security", files: ["security/authorization.spec.ts", "security/edges.spec.ts"], env: { TRUSTED_PROXIES: "loopback" } },
  { name: "hostile-input", files: ["security/hostile-input.spec.ts", "screens-provider.spec.ts"], env: { TRUSTED_PROXIES: "loopback" } },
  { name: "accounts", files: ["accounts.spec.ts", "admin-forms.spec.ts", "flow.spec.ts", "pages.spec.ts", "screens.spec.ts", "sign-in.spec.ts"] },
  { name: "messages", files: ["messages.spec.ts", "screens-nurse-agreements.spec.ts", "cover.spec.ts"] },
  { name: "needs-action", files: ["needs-action.spec.ts", "screens-nurse.spec.ts", "finding.spec.ts"] },
  { name: "records", files: ["concerns.spec.ts", "screens-staff.spec.ts", "pdf.spec.ts", "pdf-text.spec.ts", "two-factor.spec.ts", "single-sign-on.spec.ts"] },
];
const groupPort = (i: number) => PORT + 1 + i;
/** Exactly these files under e2e/ (a bare file name matches in any folder: needs-action.spec.ts is also in first-look/). */
const filesOf = (g: { files: string[] }) => g.files.map((f) => `**/e2e/${f}`);
const SERVERS = [{ port: PORT, env: {} as Record<string, string> }, ...GROUPS.map((g, i) => ({ port: groupPort(i), env: g.env ?? {} }))];
if (SERVERS.at(-1)!.port >= IDENTITY_PROVIDER_PORT) throw new Error("More servers than ports below the identity provider's");

/**
 * End-to-end tests run the production build (npm run build first) on a temporary database
 * seeded with the demo data, in Debian's Chromium: Playwright's own browser download is
 * not possible here (docs/decisions/004-debian-chromium-for-e2e.md).
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  /**
   * Two browsers at once (the machine has two cores). Each server's tests run one at a time
   * against its own database: the first look then half the journeys, the other half of the
   * journeys, and the security suites.
   */
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  /**
   * Journeys sign in as several people and render PDFs; on a busy 2-core CI machine a 30-second
   * budget ran out mid-journey. A generous budget per test, and none per step, keeps a slow
   * machine from failing a correct product; a hang still fails.
   */
  timeout: 120_000,
  projects: [
    // The demo as a newcomer first sees it, before any other test changes its data or its clock.
    { name: "first-look", testMatch: "first-look/**/*.spec.ts", workers: 1, use: { baseURL: `http://localhost:${PORT}` } },
    {
      name: "journeys",
      testIgnore: ["first-look/**", ...GROUPS.flatMap(filesOf)],
      dependencies: ["first-look"],
      workers: 1,
      use: { baseURL: `http://localhost:${PORT}` },
    },
    ...GROUPS.map((g, i) => ({ name: g.name, testMatch: filesOf(g), workers: 1, use: { baseURL: `http://localhost:${groupPort(i)}` } })),
  ],
  use: {
    trace: "off",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: "node --import tsx e2e/support/identity-provider.ts",
      url: `http://localhost:${IDENTITY_PROVIDER_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
      env: { IDP_PORT: String(IDENTITY_PROVIDER_PORT), APP_PORTS: SERVERS.map((s) => s.port).join(","), SSO_TEST_IDP_CLIENT_SECRET: TEST_IDP_SECRET },
    },
    ...SERVERS.map(({ port, env }) => ({
      command: `node e2e/start-server.mjs`,
      url: `http://localhost:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      // The server logs a JSON line per request to stdout; warnings and errors (stderr) are shown.
      stdout: "ignore" as const,
      stderr: "pipe" as const,
      env: {
        PORT: String(port),
        DATABASE_URL: `.cache/e2e-${port}/e2e.db`,
        NODE_ENV: "production",
        SSO_TEST_IDP_CLIENT_SECRET: TEST_IDP_SECRET,
        ...env,
      },
    })),
  ],
});
