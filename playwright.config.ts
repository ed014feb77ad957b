import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3123);
/** A second server with its own database for the security suites, which write freely. */
const SECURITY_PORT = PORT + 1;
/** A third server, with its own untouched demo, for the second half of the journeys. */
const SECOND_PORT = PORT + 2;
/** A real OpenID provider on loopback for the single sign-on tests (e2e/support/identity-provider.ts). */
const IDENTITY_PROVIDER_PORT = PORT + 7;
/** Its client secret, as the servers read it for the sign-in service the test sets up with the short name test-idp. */
const TEST_IDP_SECRET = "e2e-test-idp-client-secret-0123456789";
/**
 * The journeys that run on the third server, side by side with the others. They share a database
 * with each other only (flow before screens: screens reads the decline flow made).
 */
const SECOND_HALF = ["accounts.spec.ts", "admin-forms.spec.ts", "flow.spec.ts", "pages.spec.ts", "screens.spec.ts", "sign-in.spec.ts"].map((f) => `**/e2e/${f}`);

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
    { name: "e2e", testIgnore: ["security/**", "first-look/**", ...SECOND_HALF], dependencies: ["first-look"], workers: 1, use: { baseURL: `http://localhost:${PORT}` } },
    { name: "e2e-second", testMatch: SECOND_HALF, workers: 1, use: { baseURL: `http://localhost:${SECOND_PORT}` } },
    { name: "security", testMatch: "security/**/*.spec.ts", workers: 1, use: { baseURL: `http://localhost:${SECURITY_PORT}` } },
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
      env: { IDP_PORT: String(IDENTITY_PROVIDER_PORT), APP_PORTS: [PORT, SECURITY_PORT, SECOND_PORT].join(","), SSO_TEST_IDP_CLIENT_SECRET: TEST_IDP_SECRET },
    },
    ...[PORT, SECURITY_PORT, SECOND_PORT].map((port) => ({
    command: `node e2e/start-server.mjs`,
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    // The server logs a JSON line per request to stdout; warnings and errors (stderr) are shown.
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      PORT: String(port),
      DATABASE_URL: `.cache/e2e-${port}/e2e.db`,
      NODE_ENV: "production",
      // The security suites speak from several client addresses, as a proxy on loopback would pass them on.
      ...(port === SECURITY_PORT ? { TRUSTED_PROXIES: "loopback" } : {}),
      SSO_TEST_IDP_CLIENT_SECRET: TEST_IDP_SECRET,
    },
  })),
  ],
});
