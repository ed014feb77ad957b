import { Form, Link } from "@remix-run/react";
import { invitationSummary } from "~/content/accounts";
import type { LinkState } from "~/domain/accounts";
import { StatusTag } from "./nhs/StatusTag";
import type { WorkerStatus } from "~/domain/enums";

export type WorkerSignInData = {
  status: WorkerStatus;
  accountEmail: string | null;
  invitation: { email: string; createdAt: string; expiresAt: string; state: LinkState } | null;
};

/**
 * The worker page's "Sign-in" section, for whoever manages the worker's sign-in (their provider's
 * managers, administrators): whether they sign in, an invitation waiting or expired, or neither,
 * and what can be done about it.
 */
export function WorkerSignIn({ workerId, workerName, data }: { workerId: number; workerName: string; data: WorkerSignInData }) {
  const { accountEmail, invitation } = data;
  return (
    <section aria-labelledby="sign-in">
      <h2 id="sign-in">Sign-in</h2>
      {accountEmail ? (
        <p>
          <StatusTag text="Signs in" tone="green" /> {workerName} signs in as {accountEmail}. They sign the agreements that name them in the app themselves.
        </p>
      ) : invitation ? (
        <>
          <p>
            {invitation.state === "usable" ? <StatusTag text="Invitation waiting" tone="blue" /> : <StatusTag text="Invitation expired" tone="grey" />} Sent to{" "}
            {invitation.email}. {invitationSummary(invitation)}
          </p>
          {invitation.state !== "usable" ? <p>The link no longer works. Send the invitation again so that {workerName} can sign in.</p> : null}
          <div className="dc-actions">
            <Link to={`/workers/${workerId}/invite`} className="nhsuk-button nhsuk-button--secondary">
              Send again<span className="nhsuk-u-visually-hidden"> the invitation to {workerName}</span>
            </Link>
            {invitation.state === "usable" ? (
              <Form method="post" action={`/workers/${workerId}/invite`}>
                <input type="hidden" name="intent" value="withdraw" />
                <button type="submit" className="nhsuk-button nhsuk-button--secondary">
                  Withdraw<span className="nhsuk-u-visually-hidden"> the invitation to {workerName}</span>
                </button>
              </Form>
            ) : null}
          </div>
        </>
      ) : data.status === "active" ? (
        <>
          <p>
            <StatusTag text="No sign-in" tone="grey" /> {workerName} cannot sign in yet, so their signatures on agreements are recorded on paper. Invite them to
            sign in to see their skills passport and sign agreements themselves.
          </p>
          <p>
            <Link to={`/workers/${workerId}/invite`} className="nhsuk-button nhsuk-button--secondary">
              Invite to sign in
            </Link>
          </p>
        </>
      ) : (
        <p>{workerName} has left and has no sign-in.</p>
      )}
    </section>
  );
}
