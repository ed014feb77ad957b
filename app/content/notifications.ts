/**
 * Words of what the app tells people about agreements, in the app and by email (the same words
 * in both). Only the person's initials, never their name or other details: an email leaves the
 * service (as the interlock's message always did).
 */
import { formatDate, type IsoDate } from "~/domain/dates";

export type NotificationKind = "agreement_sent" | "agreement_active" | "agreement_suspended" | "agreement_ended" | "task_declined" | "concern_recorded";

export type Notice = { kind: NotificationKind; title: string; body: string; link: string };

type AgreementRef = { id: number; reference: string; personInitials: string };

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  agreement_sent: "Waiting for your signature",
  agreement_active: "Agreement active",
  agreement_suspended: "Agreement suspended",
  agreement_ended: "Agreement ended",
  task_declined: "Task declined",
  concern_recorded: "Concern recorded",
};

export function agreementSentNotice(a: AgreementRef & { version: number; sentBy: string; sentOn: IsoDate; taskNames: string[] }): Notice {
  return {
    kind: "agreement_sent",
    title: `Agreement ${a.reference} (${a.personInitials}) is waiting for your signature`,
    body:
      `${a.sentBy} sent version ${a.version} of agreement ${a.reference} (${a.personInitials}: ${a.taskNames.join(", ")}) for signatures on ${formatDate(a.sentOn)}.\n\n` +
      "Read it and sign it. If anything in it is wrong, do not sign: tell the delegating nurse. Nobody may carry out its tasks until every party has signed.",
    link: `/agreements/${a.id}/sign?version=${a.version}`,
  };
}

export function agreementActiveNotice(a: AgreementRef & { version: number; startDate: IsoDate; today: IsoDate }): Notice {
  const starts = a.startDate > a.today ? `It starts on ${formatDate(a.startDate)}: nobody may carry out its tasks before then.` : `It is in force from ${formatDate(a.today)}.`;
  return {
    kind: "agreement_active",
    title: `Agreement ${a.reference} (${a.personInitials}) is active`,
    body: `Every party has signed version ${a.version} of agreement ${a.reference} (${a.personInitials}) and it is now active. ${starts}\n\nNamed care workers carry out only the tasks they are competent for, as the agreement says.`,
    link: `/agreements/${a.id}`,
  };
}

export function agreementEndedNotice(a: AgreementRef & { endedBy: string; reason: string; endedOn: IsoDate }): Notice {
  return {
    kind: "agreement_ended",
    title: `Agreement ${a.reference} (${a.personInitials}) has ended`,
    body: `${a.endedBy} ended agreement ${a.reference} (${a.personInitials}) on ${formatDate(a.endedOn)}: ${a.reason}\n\nNobody may carry out its tasks any more.`,
    link: `/agreements/${a.id}`,
  };
}

/** The last line of every email: where to act. */
export function emailBody(notice: Notice, publicUrl: string): string {
  return `${notice.body}\n\nOpen it in Delegated Care: ${publicUrl}${notice.link}\n\nYou can see all your notifications at ${publicUrl}/notifications\n`;
}

/** "3 unread notifications" for the navigation, read out in words. */
export function unreadWords(n: number): string {
  return `${n} unread notification${n === 1 ? "" : "s"}`;
}
