import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "nhsuk-react-components";
import { SubmissionToken } from "~/components/forms/SubmissionToken";
import { DoneBanner } from "~/components/nhs/Done";
import { PageHeading } from "~/components/nhs/PageHeading";
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from "~/content/notifications";
import { pageTitle } from "~/content/titles";
import { formatDateTime } from "~/domain/dates";
import { countUnread, listNotifications, markAllRead } from "~/models/notifications.server";
import { formValues } from "~/web/forms.server";
import { requireActor } from "~/web/session.server";
import { newSubmissionToken, oncePerSubmission, rejectWithoutToken, submissionToken } from "~/web/submission.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Notifications", matches);

/** Every signed-in user's own notifications: newest first, unread ones marked. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  return {
    notifications: (await listNotifications(context.db, { actor })).map((n) => ({
      ...n,
      kindLabel: NOTIFICATION_KIND_LABELS[n.kind as NotificationKind] ?? "Notification",
      when: formatDateTime(n.createdAt),
    })),
    unread: await countUnread(context.db, actor),
    submissionToken: newSubmissionToken(),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(context, request);
  const values = formValues(await request.formData());
  const token = submissionToken(values);
  if (!token) return rejectWithoutToken(context, values);
  await oncePerSubmission(context.db, { actor, token, form: "notifications-read" }, async (tx) => ({ marked: await markAllRead(tx, { actor, at: context.clock.now() }) }));
  return redirect("/notifications?done=notifications_read");
}

export default function Notifications() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DoneBanner />
        <PageHeading title="Notifications" errors={actionData?.errors}>
          <p>
            What Delegated Care has told you, newest first. Each one was also sent to you by email.{" "}
            {d.unread ? `${d.unread} ${d.unread === 1 ? "is" : "are"} unread.` : "You have read them all."}
          </p>
        </PageHeading>
        {d.unread ? (
          <Form method="post" noValidate>
            <SubmissionToken token={d.submissionToken} />
            <Button type="submit" secondary>
              Mark all as read
            </Button>
          </Form>
        ) : null}
        {d.notifications.length ? (
          <ul className="nhsuk-list">
            {d.notifications.map((n) => (
              <li key={n.id} className={`nhsuk-u-margin-bottom-5${n.readAt ? "" : " dc-unread"}`}>
                <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                  {n.readAt ? null : <strong className="nhsuk-tag nhsuk-tag--blue nhsuk-u-margin-right-2">Unread</strong>}
                  <Link to={n.link}>{n.title}</Link>
                </h2>
                <p className="nhsuk-body-s dc-muted nhsuk-u-margin-bottom-1">
                  {n.kindLabel}, {n.when}
                </p>
                <p className="dc-pre-line nhsuk-u-margin-bottom-0">{n.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>You have no notifications yet. When an agreement waits for your signature, or one you are part of changes, you will be told here and by email.</p>
        )}
      </div>
    </div>
  );
}
