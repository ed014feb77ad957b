// Copies nhsuk-frontend's CSS, JavaScript and assets into public/ at build time.
// The CSS refers to its images as /assets/..., so they go there.
import fs from "node:fs";
import path from "node:path";

const dist = path.resolve("node_modules/nhsuk-frontend/dist/nhsuk");
const out = path.resolve("public/nhsuk");
fs.mkdirSync(out, { recursive: true });
fs.copyFileSync(path.join(dist, "nhsuk-frontend.min.css"), path.join(out, "nhsuk-frontend.min.css"));
fs.copyFileSync(path.join(dist, "nhsuk-frontend.min.js"), path.join(out, "nhsuk-frontend.min.js"));
fs.cpSync(path.join(dist, "assets"), path.resolve("public/assets"), { recursive: true });
console.log("nhsuk-frontend copied to public/nhsuk and public/assets");
