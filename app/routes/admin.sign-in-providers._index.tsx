import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { StatusTag } from "~/components/nhs/StatusTag";
import { pageTitle } from "~/content/titles";
import { providerUsable } from "~/domain/single-sign-on";
import { listProviders } from "~/models/identity-providers.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Sign-in services", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage", "setting");
  return {
    providers: (await listProviders(context.db)).map((p) => ({ id: p.id, name: p.name, key: p.key, usable: providerUsable(p), enabled: p.enabled, secretSet: p.secretSet, required: p.required, organisations: p.organisationIds.length, adminsMayUse: p.adminsMayUse })),
  };
}

export default function SignInProviders() {
  const { providers } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner />
      <PageHeading title="Sign-in services" back={{ to: "/admin/users", label: "Users" }}>
        <p>
          People can sign in with their organisation's account (such as NHS Care Identity Service 2 or Microsoft Entra ID) instead of a password here, if
          an account with the same email address already exists. Nobody gets an account by signing in this way.
        </p>
      </PageHeading>
      <p>
        <Link to="/admin/sign-in-providers/new" className="nhsuk-button">
          Add a sign-in service
        </Link>
      </p>
      {providers.length ? (
        <Table caption="Organisations' sign-in services" responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Name on the button</Table.Cell>
              <Table.Cell>Who may use it</Table.Cell>
              <Table.Cell>Passwords</Table.Cell>
              <Table.Cell>Status</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {providers.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>
                  <Link to={`/admin/sign-in-providers/${p.id}`}>{p.name}</Link>
                </Table.Cell>
                <Table.Cell>
                  {p.organisations === 1 ? "1 organisation" : `${p.organisations} organisations`}
                  {p.adminsMayUse ? " and administrators" : ""}
                </Table.Cell>
                <Table.Cell>{p.required ? "Stop working for its organisations" : "Still work"}</Table.Cell>
                <Table.Cell>
                  {p.usable ? (
                    <StatusTag text="Offered" tone="green" />
                  ) : !p.enabled ? (
                    <StatusTag text="Switched off" tone="grey" />
                  ) : (
                    <StatusTag text="Secret not set" tone="orange" />
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <p>No sign-in service has been added. Everyone signs in with their email address and password.</p>
      )}
    </>
  );
}
