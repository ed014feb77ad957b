import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

const PORT = Number(process.env.E2E_PORT ?? 3123);
/** A real OpenID provider on loopback for the single sign-on tests (e2e/support/identity-provider.ts). */
const IDENTITY_PROVIDER_PORT = PORT + 7;
/** Its client secret, as the servers read it for the sign-in service the test sets up with the short name test-idp. */
const TEST_IDP_SECRET = "e2e-test-idp-client-secret-0123456789";

/**
 * The spec files, in groups that each run one test at a time on a server of their own, with its
 * own freshly seeded demo database (.cache/e2e-<port>), side by side with the other groups. Within
 * a group the files run in alphabetical order (folders among them by name, as Playwright sorts);
 * a group's tests may change its data freely. Six groups share three workers in pairs of about the
 * same length (ORDER below), so the workers finish together. No group waits for another (a project
 * dependency would hold the dependent back until every project without one had finished). Every spec file not listed runs
 * in the last group, "journeys", so a new file is never left out.
 */
const GROUPS: { name: string; files: string[]; env?: Record<string, string>; database?: Engine }[] = [
  // The security suites speak from several client addresses, as a proxy on loopback would pass them on.
  // On SQLite whatever the run asks: hostile-input.spec.ts reads SQLite's own change counter.
  { name: "security", database: "sqlite", files: ["security/authorization.spec.ts", "security/edges.spec.ts", "security/hostile-input.spec.ts"], env: { TRUSTED_PROXIES: "loopback" } },
  { name: "messages", database: "postgres", files: ["messages.spec.ts", "screens-nurse-agreements.spec.ts", "cover.spec.ts", "finding.spec.ts"] },
  { name: "accounts", files: ["accounts.spec.ts", "admin-forms.spec.ts", "flow.spec.ts", "pages.spec.ts", "sign-in.spec.ts", "screens-staff.spec.ts"] },
  { name: "records", database: "postgres", files: ["concerns.spec.ts", "dates.spec.ts", "screens-nurse.spec.ts", "pdf.spec.ts", "pdf-text.spec.ts", "two-factor.spec.ts"] },
  // The demo as a newcomer first sees it, before any test changes its data or its clock: first-look's
  // files run first on this server, as every other file of the group sorts after them (checked below).
  { name: "first-look", files: ["first-look/demo-history.spec.ts", "first-look/needs-action.spec.ts", "needs-action.spec.ts", "screens-provider.spec.ts", "single-sign-on.spec.ts"] },
];
/**
 * The order the groups start in, three at a time (workers below): the three longest first, then
 * each free worker takes the next, so that the pairs end together. Measured on 3 December (seconds
 * of test time): journeys 293, accounts 280, security 277, messages 257, records 240, first-look 165;
 * security ends first and takes messages (534), accounts takes records (520), journeys first-look (458).
 */
const ORDER = ["journeys", "accounts", "security", "messages", "records", "first-look"];
/** The last group: everything not in another. */
const JOURNEYS = "journeys";

type Engine = "sqlite" | "postgres";
/**
 * The database each group's server runs on: SQLite, the embedded default, unless the group says
 * PostgreSQL. The groups on PostgreSQL (journeys, messages, records) hold the journeys that write:
 * agreements from draft to signed, competencies, observations, concerns, messages, printouts, so
 * every write path runs on both engines in one run without making it longer (decision 033).
 * E2E_DATABASE=sqlite or postgres runs every group on that one.
 */
const FORCED = process.env.E2E_DATABASE as Engine | undefined;
if (FORCED && FORCED !== "sqlite" && FORCED !== "postgres") throw new Error("E2E_DATABASE must be sqlite or postgres");
const JOURNEYS_DATABASE: Engine = "postgres";
const databaseOf = (i: number): Engine =>
  GROUPS[i]?.name === "security" ? "sqlite" : (FORCED ?? (i < GROUPS.length ? (GROUPS[i]!.database ?? "sqlite") : JOURNEYS_DATABASE));
/** The servers' ports: the first E2E_PORT, then one up for each group, stepping over the identity provider's. */
const ports = [...GROUPS.map((g) => g.name), JOURNEYS].map((_, i) => PORT + i + (PORT + i >= IDENTITY_PROVIDER_PORT ? 1 : 0));
/** Exactly these files under e2e/ (a bare file name matches in any folder: needs-action.spec.ts is also in first-look/). */
const filesOf = (g: { files: string[] }) => g.files.map((f) => `**/e2e/${f}`);
const firstLook = GROUPS.find((g) => g.name === "first-look")!;
const after = firstLook.files.filter((f) => !f.startsWith("first-look/") && f.localeCompare("first-look") < 0);
if (after.length) throw new Error(`${after.join(", ")} would run before first-look on its server: move them to another group`);
if (ORDER.length !== GROUPS.length + 1 || ![...GROUPS.map((g) => g.name), JOURNEYS].every((n) => ORDER.includes(n))) throw new Error("ORDER must name every group once");
const SERVERS = ports.map((port, i) => ({ port, env: GROUPS[i]?.env ?? {}, database: databaseOf(i) }));

/**
 * Debian's Chromium headless shell when installed (the engine without the browser's interface,
 * as Playwright runs headless tests: a fifth of the start-up time), else the full browser
 * (docs/decisions/004-debian-chromium-for-e2e.md).
 */
const CHROMIUM = existsSync("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium";

/**
 * End-to-end tests run the production build (npm run build first) on a temporary database
 * seeded with the demo data, in Debian's Chromium: Playwright's own browser download is
 * not possible here (docs/decisions/004-debian-chromium-for-e2e.md).
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  /**
   * Three browsers at once on a 2-core machine: a test often waits on its server or its browser,
   * so a third worker keeps both cores busy. Each group's tests run one at a time against its own
   * server and database (GROUPS above), so no more workers than groups are of use. E2E_WORKERS
   * sets another number, for measuring: six took no less time on 2 cores (decision 029).
   */
  workers: Number(process.env.E2E_WORKERS ?? 3),
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
    ...GROUPS.map((g, i) => ({ name: g.name, testMatch: filesOf(g), workers: 1, metadata: { database: databaseOf(i) }, use: { baseURL: `http://localhost:${ports[i]}` } })),
    { name: JOURNEYS, testIgnore: GROUPS.flatMap(filesOf), workers: 1, metadata: { database: databaseOf(GROUPS.length) }, use: { baseURL: `http://localhost:${ports[GROUPS.length]}` } },
  ].sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name)),
  use: {
    trace: "off",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? CHROMIUM,
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
  /**
   * One launcher starts every server at once, and the test OpenID provider when they all answer
   * (e2e/start-servers.mjs): Playwright would start separate entries one after another.
   */
  webServer: {
    command: "node e2e/start-servers.mjs",
    url: `http://localhost:${IDENTITY_PROVIDER_PORT}/healthz`,
    reuseExistingServer: false,
    // Told to stop, not killed: the launcher stops the app servers, then the run's PostgreSQL server.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      E2E_SERVERS: JSON.stringify(
        SERVERS.map(({ port, env, database }) => ({
          port,
          database,
          // On PostgreSQL start-servers.mjs gives the server a database of its own instead of the file.
          env: { E2E_FOLDER: `.cache/e2e-${port}`, DATABASE_URL: `.cache/e2e-${port}/e2e.db`, NODE_ENV: "production", SSO_TEST_IDP_CLIENT_SECRET: TEST_IDP_SECRET, ...env },
        })),
      ),
      IDP_PORT: String(IDENTITY_PROVIDER_PORT),
      APP_PORTS: SERVERS.map((s) => s.port).join(","),
      SSO_TEST_IDP_CLIENT_SECRET: TEST_IDP_SECRET,
    },
  },
});
