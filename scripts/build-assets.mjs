// After `remix build`: the browser's assets.
// 1. nhsuk-frontend's CSS and assets, copied into public/ (the CSS refers to its images as /assets/...).
// 2. The one script pages load, app/browser/enhance.ts, bundled by esbuild into public/build/browser/
//    under a name that changes with its content (served as immutable), with build/browser-assets.json
//    naming it for the server (app/web/browser-assets.server.ts) and build/browser-metafile.json
//    saying what went into it (app/browser/bundle.test.ts).
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";

const dist = path.resolve("node_modules/nhsuk-frontend/dist/nhsuk");
const out = path.resolve("public/nhsuk");
fs.mkdirSync(out, { recursive: true });
// The Frutiger web font is served from assets.nhs.uk, which this service must not depend on
// (no third-party requests from pages holding health data); Arial, the fallback, is used.
const css = fs
  .readFileSync(path.join(dist, "nhsuk-frontend.min.css"), "utf8")
  .replace(/@font-face\{[^}]*assets\.nhs\.uk[^}]*\}/g, "");
fs.writeFileSync(path.join(out, "nhsuk-frontend.min.css"), css);
fs.rmSync(path.join(out, "nhsuk-frontend.min.js"), { force: true });
fs.cpSync(path.join(dist, "assets"), path.resolve("public/assets"), { recursive: true });
fs.copyFileSync(path.join(dist, "assets/images/favicon.ico"), path.resolve("public/favicon.ico"));

const browserOut = path.resolve("public/build/browser");
fs.rmSync(browserOut, { recursive: true, force: true });
const result = await build({
  entryPoints: { enhance: "app/browser/enhance.ts" },
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  platform: "browser",
  outdir: browserOut,
  entryNames: "[name]-[hash]",
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
});
const [file] = Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".js"));
fs.mkdirSync("build", { recursive: true });
fs.writeFileSync("build/browser-assets.json", `${JSON.stringify({ enhance: `/${path.relative("public", file)}` })}\n`);
fs.writeFileSync("build/browser-metafile.json", JSON.stringify(result.metafile));
console.log(`nhsuk-frontend copied to public/nhsuk and public/assets; ${file} built`);
