import { describe, expect, it } from "vitest";
import { toFormErrors } from "~/web/forms.server";
import { IdentityProviderSchema } from "./identity-provider.server";

const good = { name: "NHS Care Identity Service 2", key: "cis2", issuer: "https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/oidc", clientId: "delegated-care", emailClaim: "email", organisationIds: ["3", "4"], enabled: "yes" };

function messages(values: Record<string, unknown>) {
  const parsed = IdentityProviderSchema.safeParse(values);
  return parsed.success ? [] : toFormErrors(parsed.error.issues, [], IdentityProviderSchema).map((e) => `${e.field}: ${e.message}`);
}

describe("the sign-in service form", () => {
  it("accepts a provider and reads its boxes", () => {
    const parsed = IdentityProviderSchema.parse({ ...good, key: "CIS2", issuer: `${good.issuer}/` });
    expect(parsed).toMatchObject({ key: "cis2", issuer: good.issuer, organisationIds: [3, 4], enabled: true, required: false, adminsMayUse: false });
  });

  it("names each field left empty, in the form's order", () => {
    expect(messages({ organisationIds: [] })).toEqual([
      "name: Enter the name people see on the button, like NHS Care Identity Service 2",
      "key: Enter a short name, like cis2",
      "issuer: Enter the issuer address",
      "clientId: Enter the client ID the sign-in service gave you",
      "emailClaim: Enter where the email address is, like email",
    ]);
  });

  it("refuses plain http away from this machine, odd short names, spaces in the client ID and made-up organisation values", () => {
    expect(messages({ ...good, issuer: "http://idp.example.nhs.uk" })).toEqual([
      "issuer: Issuer address must start with https:// (plain http is only for a test service on this computer)",
    ]);
    expect(messages({ ...good, key: "cis 2" })[0]).toMatch(/^key: Short name must use only lower-case letters/);
    expect(messages({ ...good, key: "-cis2" })[0]).toMatch(/^key: Short name must use only/);
    expect(messages({ ...good, clientId: "a b" })).toEqual(["clientId: Client ID must not include spaces"]);
    expect(messages({ ...good, emailClaim: "email address" })[0]).toMatch(/^emailClaim: Where the email address is must be one word/);
    expect(messages({ ...good, organisationIds: ["0x3"] })).toEqual(["organisationIds: Select organisations from the list"]);
    expect(messages({ ...good, name: "NHS\u202eCIS2" })[0]).toMatch(/^name: Name on the button must not include hidden characters/);
  });
});
