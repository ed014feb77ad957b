import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { ActiveTag } from "~/components/nhs/StatusTag";
import { pageTitle } from "~/content/titles";
import { formatDateTime } from "~/domain/dates";
import { ROLE_LABELS } from "~/domain/roles";
import { listUsers } from "~/models/users.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Users", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage", "user");
  return { users: await listUsers(context.db) };
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner />
      <PageHeading title="Users" />
      <p>
        <Link to="/admin/users/new" className="nhsuk-button">Add a user</Link>
      </p>
      <p>
        People can also sign in with their organisation's account: see <Link to="/admin/sign-in-providers">sign-in services</Link>.
      </p>
      <Table caption="Everyone who can sign in" responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Name</Table.Cell>
            <Table.Cell>Role</Table.Cell>
            <Table.Cell>Organisation</Table.Cell>
            <Table.Cell>Last signed in</Table.Cell>
            <Table.Cell>Status</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {users.map((u) => (
            <Table.Row key={u.id}>
              <Table.Cell>
                <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                <br />
                <span className="dc-muted">{u.email}</span>
              </Table.Cell>
              <Table.Cell>{ROLE_LABELS[u.role]}</Table.Cell>
              <Table.Cell>{u.organisationName ?? "Every organisation (administrator)"}</Table.Cell>
              <Table.Cell>{u.lastSignedInAt ? formatDateTime(u.lastSignedInAt) : "Never"}</Table.Cell>
              <Table.Cell>
                <ActiveTag active={u.active} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
