import { readFileSync } from "node:fs";
import { z } from "zod";

/** The script every page loads, as built by scripts/build-assets.mjs (its name changes with its content). */
const BrowserAssets = z.object({ enhance: z.string().startsWith("/build/browser/") });

let assets: z.infer<typeof BrowserAssets> | null | undefined;

/** The page script's address, or null where nothing was built (unit tests render without a build). */
export function pageScript(): string | null {
  if (assets === undefined) {
    try {
      assets = BrowserAssets.parse(JSON.parse(readFileSync("build/browser-assets.json", "utf8")));
    } catch {
      assets = null;
    }
  }
  return assets?.enhance ?? null;
}
