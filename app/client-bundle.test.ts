/**
 * No server code in the browser (docs/decisions/026-enums-and-form-schemas.md): reads the
 * metafile esbuild writes for the browser build (build/metafile.js.json, written by every
 * `remix build`) and fails when zod, drizzle, better-sqlite3, anything under db/ or a real
 * `.server` module reaches a chunk a browser downloads. `npm test` builds before the unit tests;
 * run alone, this test builds when the metafile is missing or older than the code.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

type Metafile = {
  inputs: Record<string, { imports: { path: string }[] }>;
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown>; imports: { path: string; kind: string }[] }>;
};

const METAFILE = "build/metafile.js.json";

/** What must never run in a browser. Remix swaps a `.server` module for an "empty-module:" one. */
function isServerOnly(input: string): boolean {
  return (
    /(^|\/)node_modules\/(zod|drizzle-orm|better-sqlite3)\//.test(input) ||
    /^db\//.test(input) ||
    (!input.startsWith("empty-module:") && /\.server\.tsx?$/.test(input))
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

function readMetafile(): Metafile {
  const stale = !existsSync(METAFILE) || statSync(METAFILE).mtimeMs < Math.max(newestSource("app"), newestSource("db"));
  // As `npm run build` builds it: vitest sets NODE_ENV=test, which would leave a development build for the end-to-end tests.
  if (stale) execFileSync("npm", ["run", "build"], { stdio: "ignore", timeout: 120_000, env: { ...process.env, NODE_ENV: "production" } });
  return JSON.parse(readFileSync(METAFILE, "utf8")) as Metafile;
}

/** For each browser entry (a route, root, entry.client): the modules of ours in its chunks that import server-only code. */
function serverCodeInBrowser(meta: Metafile): Map<string, string[]> {
  const closure = (output: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(output)) return seen;
    seen.add(output);
    for (const i of meta.outputs[output]?.imports ?? []) if (i.kind === "import-statement") closure(i.path, seen);
    return seen;
  };
  const found = new Map<string, string[]>();
  for (const [output, { entryPoint }] of Object.entries(meta.outputs)) {
    if (!entryPoint || !output.endsWith(".js")) continue;
    const inputs = [...closure(output)].flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
    if (!inputs.some(isServerOnly)) continue;
    const culprits = inputs.filter((i) => !isServerOnly(i) && !i.includes("node_modules") && (meta.inputs[i]?.imports ?? []).some((x) => isServerOnly(x.path)));
    found.set(entryPoint.replace(/^browser-route-module:|\?browser$/g, ""), culprits.length ? [...new Set(culprits)] : ["(a server-only module included directly)"]);
  }
  return found;
}

describe("the browser build", () => {
  const meta = readMetafile();
  const found = serverCodeInBrowser(meta);

  it("has chunks to check", () => {
    expect(Object.keys(meta.outputs).filter((o) => o.startsWith("public/build/routes/")).length).toBeGreaterThan(50);
  });

  it("carries no zod, drizzle, db/ or .server module on any page", () => {
    const unexpected = [...found].flatMap(([entry, culprits]) => culprits.map((c) => `${entry}: ${c} imports server-only code`));
    expect(unexpected).toEqual([]);
  });

  it("never carries zod, drizzle, better-sqlite3 or db/, whatever the module", () => {
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs.filter(isServerOnly)).toEqual([]);
  });
});
