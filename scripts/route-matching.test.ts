/**
 * Remix 2's router flattened, ranked and compiled every route's pattern on every request: a fifth
 * of a plain page's server time here (issue 18). patches/@remix-run+router+1.23.3.patch (applied by
 * `npm install` through patch-package; decision 035) does it once, as react-router 7 does. These
 * tests check that the patch is installed and that matching still answers as before.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { matchPath, matchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);

describe("route matching (patched @remix-run/router)", () => {
  it("is the patched build, in both of the router's module formats", () => {
    for (const file of ["@remix-run/router/dist/router.cjs.js", "@remix-run/router/dist/router.js"]) {
      const source = readFileSync(require.resolve(file), "utf8");
      expect(source, file).toContain("rankedBranches.get(routes)");
      expect(source, file).toContain("compiledPaths.get(key)");
    }
  });

  it("matches as before, again and again: a fixed path ranks above a parameter, an index route, a splat, case", () => {
    const routes = [
      { id: "root", path: "/", children: [
        { id: "home", index: true },
        { id: "agreement", path: "agreements/:id" },
        { id: "new", path: "agreements/new" },
        { id: "version", path: "agreements/:id/versions/:n" },
        { id: "csv", path: "alerts.csv" },
        { id: "rest", path: "*" },
      ] },
    ];
    const ids = (path: string) => matchRoutes(routes, path)?.map((m) => m.route.id);
    for (let round = 0; round < 3; round++) {
      expect(ids("/")).toEqual(["root", "home"]);
      expect(ids("/agreements/new")).toEqual(["root", "new"]);
      expect(ids("/agreements/12")).toEqual(["root", "agreement"]);
      expect(matchRoutes(routes, "/agreements/12/versions/3")?.at(-1)?.params).toEqual({ id: "12", n: "3" });
      expect(ids("/alerts.csv")).toEqual(["root", "csv"]);
      expect(ids("/no/such/page")).toEqual(["root", "rest"]);
    }
    expect(matchPath({ path: "/Agreements/:id", caseSensitive: true }, "/agreements/1")).toBeNull();
    expect(matchPath({ path: "/Agreements/:id", caseSensitive: false }, "/agreements/1")?.params).toEqual({ id: "1" });
    expect(matchPath({ path: "/agreements", end: false }, "/agreements/1")?.pathnameBase).toBe("/agreements");
    expect(matchPath({ path: "/agreements", end: true }, "/agreements/1")).toBeNull();
  });
});
