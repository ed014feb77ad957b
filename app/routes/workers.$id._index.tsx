import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { StatusTag } from "~/components/nhs/StatusTag";
import { Summary } from "~/components/nhs/Summary";
import { WORKER_STATUS_LABELS } from "~/content/labels";
import { pageTitle } from "~/content/titles";
import { formatDate } from "~/domain/dates";
import { can } from "~/domain/roles";
import { getWorker } from "~/models/workers.server";
import { notFound, requireId } from "~/services/params.server";
import { requirePermission } from "~/services/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(data?.worker.name ?? "Care worker", matches);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(context, request, "read", "worker");
  const found = getWorker(context.db, { actor, id: requireId(params.id) });
  if (!found) throw notFound();
  return { ...found, canManage: can(actor.role, "manage", "worker") };
}

export default function WorkerPage() {
  const { worker, providerName, userEmail, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <DoneBanner />
      <PageHeading title={worker.name} caption={`${worker.jobTitle}, ${providerName}`} back={{ to: "/workers", label: "All care workers" }} />
      <Summary
        rows={[
          ["Status", <StatusTag key="s" text={WORKER_STATUS_LABELS[worker.status]} tone={worker.status === "active" ? "green" : "grey"} />],
          ["Provider", providerName],
          ["Job title", worker.jobTitle],
          ["Care Certificate", worker.careCertificateOn ? `Awarded ${formatDate(worker.careCertificateOn)}` : "Not recorded"],
          ...(worker.status === "left" ? ([["Left on", formatDate(worker.leftOn)]] as [string, string][]) : []),
          ["Signs in as", userEmail ?? "No sign-in"],
        ]}
      />
      {canManage ? (
        <p>
          <Link to={`/workers/${worker.id}/edit`} className="nhsuk-button nhsuk-button--secondary">Change details</Link>
        </p>
      ) : null}
      <h2>Skills passport</h2>
      <p>Training, supervised practice and competency sign-off are not recorded in Delegated Care yet; they are the next part being built.</p>
    </>
  );
}
