import fs from "node:fs";
import path from "node:path";

/** A route as Remix serves it, read from app/routes (flat routes), with what it exports. */
export type RouteInfo = { file: string; pattern: string; params: string[]; loader: boolean; action: boolean };

/** `agreements.$id.tasks.$taskId.tsx` -> `/agreements/:id/tasks/:taskId`; `[.]` is a literal dot. */
export function routePattern(file: string): string {
  const name = file.replace(/\.(tsx|ts)$/, "").replace(/\[\.\]/g, "\u0000");
  const segments = name
    .split(".")
    .map((s) => s.replace(/\u0000/g, "."))
    .filter((s) => s !== "_index" && !(s.startsWith("_") && s !== "_index"))
    // `login_.code`: a trailing underscore only stops the page nesting inside `login`'s layout.
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? `:${s.slice(1)}` : s));
  return `/${segments.join("/")}`.replace(/\/$/, "") || "/";
}

export function listRoutes(): RouteInfo[] {
  const dir = path.resolve("app/routes");
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(tsx|ts)$/.test(f) && !f.includes(".test."))
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      const pattern = routePattern(file);
      return {
        file,
        pattern,
        params: [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]!),
        loader: /export (async )?function loader/.test(text),
        action: /export (async )?function action/.test(text),
      };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}
