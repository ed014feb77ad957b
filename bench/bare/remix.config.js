/**
 * The bench's reference (issue 18): a bare Remix app, the same Remix version and express adapter
 * as Delegated Care, one route with an empty loader. `npm run bench` builds and serves it beside
 * the app and reports each page's speed as a ratio to it. Built with `remix build bench/bare`.
 * @type {import('@remix-run/dev').AppConfig}
 */
import app from "../../remix.config.js";

export default {
  serverModuleFormat: "esm",
  // The app's own future flags (single fetch among them), so both run the same Remix.
  future: app.future,
};
