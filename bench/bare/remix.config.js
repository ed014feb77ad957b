/**
 * The bench's reference (issue 18): a bare Remix app, the same Remix version and express adapter
 * as Delegated Care, one route with an empty loader. `npm run bench` builds and serves it beside
 * the app and reports each page's speed as a ratio to it. Built with `remix build bench/bare`.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
  },
};
