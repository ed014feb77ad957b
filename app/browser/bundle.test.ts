/**
 * What a browser downloads to run a page (docs/decisions/034-pages-without-react-in-the-browser.md):
 * one script, built by scripts/build-assets.mjs from app/browser/enhance.ts. Reads the metafile
 * esbuild writes beside it (build/browser-metafile.json) and the built files. `npm test` builds
 * before the unit tests; run alone, this test builds when the build is missing or older than the code.
 * The request count of a whole page is measured in the browser (e2e/screens.spec.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

type Metafile = { inputs: Record<string, unknown>; outputs: Record<string, { inputs: Record<string, unknown> }> };

const METAFILE = "build/browser-metafile.json";
const ASSETS = "build/browser-assets.json";
/** Issue 18: at most this much gzipped JavaScript on any page's first load. */
const FIRST_LOAD_BUDGET_BYTES = 90 * 1024;

/** What must never run in a browser: server code, and the React and Remix runtime the pages no longer need there. */
function forbidden(input: string): boolean {
  return (
    /(^|\/)node_modules\/(zod|drizzle-orm|better-sqlite3|pg|react|react-dom|@remix-run\/[^/]+|nhsuk-react-components)\//.test(input) ||
    /^db\//.test(input) ||
    /\.server\.tsx?$/.test(input)
  );
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function built(): { meta: Metafile; script: string } {
  const stale = !existsSync(METAFILE) || !existsSync(ASSETS) || statSync(METAFILE).mtimeMs < newestSource("app/browser");
  // As `npm run build` builds it: vitest sets NODE_ENV=test, which would leave a development build for the end-to-end tests.
  if (stale) execFileSync("npm", ["run", "build"], { stdio: "ignore", timeout: 120_000, env: { ...process.env, NODE_ENV: "production" } });
  const { enhance } = JSON.parse(readFileSync(ASSETS, "utf8")) as { enhance: string };
  return { meta: JSON.parse(readFileSync(METAFILE, "utf8")) as Metafile, script: `public${enhance}` };
}

describe("the script every page loads", () => {
  const { meta, script } = built();

  it("is one file, named by its content, holding this service's enhancements and NHS.UK frontend's", () => {
    expect(script).toMatch(/^public\/build\/browser\/enhance-[A-Z0-9]{8}\.js$/);
    expect(Object.keys(meta.outputs).filter((o) => o.endsWith(".js"))).toEqual([script]);
    const inputs = Object.keys(meta.inputs);
    expect(inputs).toEqual(expect.arrayContaining(["app/browser/enhance.ts", "app/browser/session-timeout.ts", "app/browser/conditional-radios.ts"]));
    expect(inputs.some((i) => i.includes("node_modules/nhsuk-frontend/"))).toBe(true);
  });

  it("carries no server code, and no React or Remix", () => {
    expect(Object.keys(meta.inputs).filter(forbidden)).toEqual([]);
  });

  it(`with the early support check, is at most ${FIRST_LOAD_BUDGET_BYTES / 1024} KB gzipped`, () => {
    const gzipped = [script, "public/js/supported.js"].reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
    expect(gzipped).toBeGreaterThan(1024);
    expect(gzipped).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
  });
});
