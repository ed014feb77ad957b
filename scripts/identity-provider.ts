/**
 * A real OpenID provider (oidc-provider) for the demo and the tests, never for a deployment:
 * its sign-in page lists accounts by email address and asks for no password. The demo mounts it
 * at /demo-sign-in inside the server (scripts/server.ts, demo mode only); the end-to-end tests
 * run it alone on loopback (e2e/support/identity-provider.ts); the integration test runs it
 * in-process (app/services/single-sign-on.server.test.ts).
 *
 * A test account may carry a fault: its ID token comes back re-signed with the provider's own key
 * but for another audience, or already expired. Everything else is the real provider.
 */
import express, { type Router } from "express";
import crypto from "node:crypto";
import Provider, { type KoaContext } from "oidc-provider";

export type ProviderAccount = {
  sub: string;
  email: string;
  name: string;
  /** What the provider says about the email address; true unless given. */
  emailVerified?: boolean;
  fault?: "wrong_audience" | "expired";
};

export type IdentityProviderOptions = {
  /** The issuer address; its path is where the provider is mounted (`http://localhost:3000/demo-sign-in`). */
  issuer: string;
  title: string;
  client: { clientId: string; clientSecret: string; redirectUris: string[]; postLogoutRedirectUris: string[] };
  accounts: ProviderAccount[] | (() => Promise<ProviderAccount[]>);
  /** Signs the provider's own cookies. */
  cookieSecret: string;
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body style="font-family: Arial, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">${body}</body></html>`;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

/** Re-signs an ID token's claims with the provider's key (RS256), as the provider itself would. */
function resign(idToken: string, change: (claims: Record<string, unknown>) => Record<string, unknown>, key: crypto.KeyObject): string {
  const [header, payload] = idToken.split(".");
  const claims = change(JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>);
  const signingInput = `${header}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(crypto.sign("sha256", Buffer.from(signingInput), key))}`;
}

export function identityProviderRouter(options: IdentityProviderOptions): Router {
  const accounts = async () => (typeof options.accounts === "function" ? await options.accounts() : options.accounts);
  const mount = new URL(options.issuer).pathname.replace(/\/$/, "");
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "signing-key", alg: "RS256", use: "sig" };

  const provider = new Provider(options.issuer, {
    clients: [
      {
        client_id: options.client.clientId,
        client_secret: options.client.clientSecret,
        redirect_uris: options.client.redirectUris,
        post_logout_redirect_uris: options.client.postLogoutRedirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [options.cookieSecret] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The service reads the email from the ID token, as it does from NHS CIS2 and Entra ID.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600, AccessToken: 600, IdToken: 600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx: KoaContext, form: string) {
          ctx.body = page(`Sign out of ${options.title}`, `<h1>Sign out of ${escape(options.title)}?</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`);
        },
        postLogoutSuccessSource(ctx: KoaContext) {
          ctx.body = page("Signed out", `<h1>You have signed out of ${escape(options.title)}</h1>`);
        },
      },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${mount}/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, id: string) {
      const account = (await accounts()).find((a) => a.sub === id);
      if (!account) return undefined;
      return { accountId: account.sub, claims: () => ({ sub: account.sub, email: account.email, email_verified: account.emailVerified ?? true, name: account.name }) };
    },
    // No consent screen: the organisation has agreed to the service on everyone's behalf.
    async loadExistingGrant(ctx: { oidc: { provider: Provider; client: { clientId: string }; session: { accountId: string } } }) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });

  // The faults: the real token response, with its ID token changed and signed again with the provider's own key.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    const idToken = body?.id_token;
    if (ctx.oidc?.route !== "token" || !body || typeof idToken !== "string") return;
    const sub = (JSON.parse(Buffer.from(idToken.split(".")[1]!, "base64url").toString("utf8")) as { sub?: string }).sub;
    const fault = (await accounts()).find((a) => a.sub === sub)?.fault;
    const now = Math.floor(Date.now() / 1000);
    if (fault === "wrong_audience") body.id_token = resign(idToken, (c) => ({ ...c, aud: "another-service" }), privateKey);
    if (fault === "expired") body.id_token = resign(idToken, (c) => ({ ...c, iat: now - 7200, exp: now - 3600 }), privateKey);
  });

  const router = express.Router();
  router.get(`${mount}/interaction/:uid`, async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const buttons = (await accounts())
        .map((a) => `<p><button type="submit" name="account" value="${escape(a.sub)}">${escape(a.email)}</button></p>`)
        .join("");
      res.type("html").send(
        page(
          `Sign in to ${options.title}`,
          `<h1>Sign in to ${escape(options.title)}</h1><p>This is a pretend sign-in service for trying Delegated Care. Choose who you are: no password is asked for.</p><form method="post" action="${mount}/interaction/${escape(details.uid)}/login">${buttons}</form>`,
        ),
      );
    } catch (error) {
      next(error);
    }
  });
  router.post(`${mount}/interaction/:uid/login`, express.urlencoded({ extended: false, limit: "10kb" }), async (req, res, next) => {
    try {
      const sub = typeof req.body?.account === "string" ? req.body.account : "";
      if (!(await accounts()).some((a) => a.sub === sub)) return void res.status(400).type("text").send("Choose an account");
      await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
    } catch (error) {
      next(error);
    }
  });
  router.use(mount || "/", provider.callback());
  return router;
}
