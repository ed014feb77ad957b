/**
 * The end-to-end tests' OpenID provider: the same real provider as the demo's
 * (scripts/identity-provider.ts), alone on loopback at E2E_PORT + 7, started by
 * playwright.config.ts before the tests. Its accounts carry the failure cases.
 */
import express from "express";
import { identityProviderRouter, type ProviderAccount } from "../../scripts/identity-provider";

const port = Number(process.env.IDP_PORT);
const appPorts = (process.env.APP_PORTS ?? "").split(",").filter(Boolean);
if (!port || !appPorts.length) throw new Error("IDP_PORT and APP_PORTS are needed");

export const TEST_PROVIDER_ACCOUNTS: ProviderAccount[] = [
  { sub: "e2e-nurse", email: "nurse@example.org", name: "Priya Shah" },
  { sub: "e2e-nobody", email: "nobody@example.org", name: "Not a user" },
  { sub: "e2e-leaver", email: "leaver@example.org", name: "Lee Aver" },
  // Real accounts in an allowed team, so only the broken ID token stops them.
  { sub: "e2e-audience", email: "facilitator@example.org", name: "Wrong audience", fault: "wrong_audience" },
  { sub: "e2e-expired", email: "nurse.south@example.org", name: "Expired", fault: "expired" },
];

const app = express();
app.get("/healthz", (_req, res) => void res.send("ok"));
app.use(
  identityProviderRouter({
    issuer: `http://localhost:${port}`,
    title: "Ashworth test sign-in",
    client: {
      clientId: "delegated-care-e2e",
      clientSecret: process.env.SSO_TEST_IDP_CLIENT_SECRET ?? "",
      redirectUris: appPorts.map((p) => `http://localhost:${p}/organisation-sign-in/test-idp/callback`),
      postLogoutRedirectUris: appPorts.map((p) => `http://localhost:${p}/login`),
    },
    accounts: TEST_PROVIDER_ACCOUNTS,
    cookieSecret: "e2e-identity-provider-cookies",
  }),
);
app.listen(port);
