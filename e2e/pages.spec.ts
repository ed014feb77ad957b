import { expect, serverEngine, test } from "./fixtures";

/*
 * Every page each role can reach is rendered, measured at 1280 px and 375 px and checked with axe
 * in e2e/screens.spec.ts, which took over this file's walk through the pages.
 */

test("/healthz reports the database is answering, and which engine it is", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: serverEngine() });
});
