// Copies nhsuk-frontend's CSS, JavaScript and assets into public/ at build time.
// The CSS refers to its images as /assets/..., so they go there.
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
fs.copyFileSync(path.join(dist, "nhsuk-frontend.min.js"), path.join(out, "nhsuk-frontend.min.js"));
fs.cpSync(path.join(dist, "assets"), path.resolve("public/assets"), { recursive: true });
fs.copyFileSync(path.join(dist, "assets/images/favicon.ico"), path.resolve("public/favicon.ico"));
console.log("nhsuk-frontend copied to public/nhsuk and public/assets");
