import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { StatusTag } from "~/components/nhs/StatusTag";
import { Summary } from "~/components/nhs/Summary";
import { TASK_CATEGORY_LABELS } from "~/content/labels";
import { RecordHistory } from "~/components/RecordHistory";
import { pageTitle } from "~/content/titles";
import { listRecordHistory } from "~/models/audit.server";
import { can } from "~/domain/roles";
import { getTask } from "~/models/tasks.server";
import { found, notFound, requireId } from "~/web/not-found.server";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.task.name ?? "Task", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "task");
  const task = found(await getTask(context.db, requireId(params.id)));
  const canManage = can(actor.role, "manage", "task");
  if (!task.task.active && !canManage) throw notFound();
  return { ...task, canManage, history: await listRecordHistory(context.db, { entityType: "task", entityId: task.task.id }) };
}

export default function TaskPage() {
  const { task, prerequisites, canManage, history } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner subject={task.name} />
      <PageHeading title={task.name} caption={`${TASK_CATEGORY_LABELS[task.category]} (${task.code})`} back={{ to: "/tasks", label: "Task catalogue" }} />
      <Summary
        rows={[
          ["Status", task.active ? <StatusTag key="a" text="Available" tone="green" /> : <StatusTag key="a" text="Withdrawn" tone="grey" />],
          ["In scope", task.inScope],
          ["Excluded", task.excluded],
          ["Signed off for", task.personSpecific ? "One named person (person-specific)" : "Any person (generic)"],
          ["Prerequisites", prerequisites.length ? <ul className="nhsuk-list" key="p">{prerequisites.map((p) => <li key={p.id}>{p.name}</li>)}</ul> : "None needed"],
          ["Supervised observations before sign-off", String(task.requiredObservations)],
          ["Competency valid for", `${task.validityMonths} months`],
          ["Agreement review every", `${task.reviewIntervalMonths} months`],
          ["Escalation", task.escalationGuidance],
        ]}
      />
      {canManage ? (
        <p>
          <Link to={`/tasks/${task.id}/edit`} className="nhsuk-button nhsuk-button--secondary">Change task</Link>
        </p>
      ) : null}
      <RecordHistory events={history} />
    </>
  );
}
