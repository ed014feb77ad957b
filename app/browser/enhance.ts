/**
 * The one script every page loads (docs/decisions/034-pages-without-react-in-the-browser.md).
 * Pages are HTML from the server and work without it; where JavaScript runs it starts NHS.UK
 * frontend's components (the header's menu, error summary focus, character counts, buttons that
 * ignore a second click) and this service's own: conditional questions, the idle warning and
 * keeping typed text. Built by scripts/build-assets.mjs into public/build/; it must never import
 * server code (app/browser/bundle.test.ts).
 */
import { initAll } from "nhsuk-frontend";
import { conditionalRadios } from "./conditional-radios";
import { markDraftsToRestore, sessionTimeout } from "./session-timeout";

initAll();
for (const group of document.querySelectorAll<HTMLElement>("[data-conditional-radios]")) conditionalRadios(group);
for (const root of document.querySelectorAll<HTMLElement>("[data-session-timeout]")) sessionTimeout(root);
for (const marker of document.querySelectorAll<HTMLElement>("[data-restore-for]")) markDraftsToRestore(marker);
// The page's scripts are live (end-to-end tests wait for this before relying on timers).
document.documentElement.dataset.scripts = "ready";
