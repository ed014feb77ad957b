import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { StatusTag } from "~/components/nhs/StatusTag";
import { TASK_CATEGORY_LABELS } from "~/content/labels";
import { pageTitle } from "~/content/titles";
import { can } from "~/domain/roles";
import { listTasks } from "~/models/tasks.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Task catalogue", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "task");
  const canManage = can(actor.role, "manage", "task");
  return { tasks: await listTasks(context.db, { activeOnly: !canManage }), canManage };
}

export default function Tasks() {
  const { tasks, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner />
      <PageHeading title="Task catalogue">
        <p>The healthcare tasks that can be delegated to care workers, with their limits and how often competency is reassessed.</p>
      </PageHeading>
      {canManage ? (
        <p>
          <Link to="/tasks/new" className="nhsuk-button">Add a task</Link>
        </p>
      ) : null}
      <Table caption="Delegable tasks" responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Task</Table.Cell>
            <Table.Cell>Category</Table.Cell>
            <Table.Cell>Observations before sign-off</Table.Cell>
            <Table.Cell>Competency valid for</Table.Cell>
            <Table.Cell>Signed off for</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {tasks.map((t) => (
            <Table.Row key={t.id}>
              <Table.Cell>
                <Link to={`/tasks/${t.id}`}>{t.name}</Link> <span className="dc-muted">({t.code})</span>
                {!t.active ? <> <StatusTag text="Withdrawn" tone="grey" /></> : null}
              </Table.Cell>
              <Table.Cell>{TASK_CATEGORY_LABELS[t.category]}</Table.Cell>
              <Table.Cell>{t.requiredObservations}</Table.Cell>
              <Table.Cell>{t.validityMonths} months</Table.Cell>
              <Table.Cell>{t.personSpecific ? "One named person" : "Any person"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
