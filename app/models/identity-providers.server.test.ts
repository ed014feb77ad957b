import { inserted } from "./transaction.server";
import { describe, expect, it } from "vitest";
import { PENDING_SIGN_IN_MINUTES } from "~/domain/single-sign-on";
import { createTestDatabase } from "~db/test-db";
import { identityProviders } from "~db/tables";
import { clientSecretFor, createPendingSignIn, takePendingSignIn } from "./identity-providers.server";

async function setUp() {
  const { db } = await createTestDatabase();
  const id = async (key: string) => (await inserted(db.insert(identityProviders).values({ key, name: key, issuer: "https://idp.example.nhs.uk", clientId: "dc" }).returning({ id: identityProviders.id }))).id;
  return { db, first: await id("first"), second: await id("second") };
}

const at = new Date("2026-12-01T09:00:00Z");
const pending = (providerId: number, id = "hash-1") => ({ id, providerId, state: "s", nonce: "n", codeVerifier: "v", redirectTo: "/", at });

describe("a sign-in sent to a provider and not yet back", () => {
  it("is taken once only", async () => {
    const { db, first } = await setUp();
    await createPendingSignIn(db, pending(first));
    expect(await takePendingSignIn(db, { id: "hash-1", providerId: first, at })).toMatchObject({ state: "s", nonce: "n", codeVerifier: "v" });
    expect(await takePendingSignIn(db, { id: "hash-1", providerId: first, at })).toBeNull();
  });

  it(`lasts ${PENDING_SIGN_IN_MINUTES} minutes`, async () => {
    const { db, first } = await setUp();
    await createPendingSignIn(db, pending(first, "a"));
    await createPendingSignIn(db, pending(first, "b"));
    const justBefore = new Date(at.getTime() + PENDING_SIGN_IN_MINUTES * 60_000 - 1);
    const atTheEnd = new Date(at.getTime() + PENDING_SIGN_IN_MINUTES * 60_000);
    expect(await takePendingSignIn(db, { id: "a", providerId: first, at: justBefore })).not.toBeNull();
    expect(await takePendingSignIn(db, { id: "b", providerId: first, at: atTheEnd })).toBeNull();
  });

  it("is for one provider: brought back to another, it is refused and used up", async () => {
    const { db, first, second } = await setUp();
    await createPendingSignIn(db, pending(first));
    expect(await takePendingSignIn(db, { id: "hash-1", providerId: second, at })).toBeNull();
    expect(await takePendingSignIn(db, { id: "hash-1", providerId: first, at })).toBeNull();
  });

  it("an unknown one is nothing", async () => {
    const { db, first } = await setUp();
    expect(await takePendingSignIn(db, { id: "never-made", providerId: first, at })).toBeNull();
  });
});

describe("a provider's client secret", () => {
  it("comes only from the environment, by its short name", () => {
    expect(clientSecretFor("cis2", { SSO_CIS2_CLIENT_SECRET: " s3cret " })).toBe("s3cret");
    expect(clientSecretFor("cis2", { SSO_CIS2_CLIENT_SECRET: "  " })).toBeNull();
    expect(clientSecretFor("entra-id", { SSO_ENTRA_ID_CLIENT_SECRET: "x" })).toBe("x");
  });
});
