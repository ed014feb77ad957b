import { INVITATION_VALID_DAYS, RESET_VALID_MINUTES, type LinkProblem, type SessionEnd } from "~/domain/accounts";
import { formatDateTime } from "~/domain/dates";

/** Words about accounts: invitations, password resets, linking, and sessions that end. */

export const LINK_PROBLEM_MESSAGES: Record<LinkProblem, string> = {
  not_care_worker: "Only a care worker's account can be linked to a care worker",
  other_provider: "This account belongs to another care provider. Choose a care worker of the account's own provider",
  inactive_account: "This account is deactivated. Reactivate it before linking it",
  worker_left: "This care worker has left their provider, so they cannot be given a sign-in",
  worker_has_account: "This care worker already has a sign-in",
  account_linked: "This account is already linked to another care worker",
};

export const EMAIL_IN_USE =
  "This email address is already used by another account. Use the care worker's own email address, or ask your administrator to link that account to this care worker";
export const EMAIL_INVITED = "An invitation waiting for another care worker uses this email address. Use the care worker's own email address";

export const LINK_GONE = {
  title: "This link has expired or been used",
  invitation: "Ask your manager for a new invitation.",
  reset: "You can ask for a new link.",
};

export function invitationMail({ workerName, providerName, link, expiresAt }: { workerName: string; providerName: string; link: string; expiresAt: string }) {
  return {
    subject: "You are invited to sign in to Delegated Care",
    body: [
      `Dear ${workerName},`,
      "",
      `${providerName} has invited you to sign in to Delegated Care, where you can see your skills passport, read and sign the delegation agreements that name you, and decline a task you do not feel able to do.`,
      "",
      "To choose your password and sign in, open this link:",
      link,
      "",
      `The link works once, for ${INVITATION_VALID_DAYS} days (until ${formatDateTime(expiresAt)}). If it has expired, ask your manager to send a new invitation.`,
      "",
      "If you were not expecting this email, you can ignore it.",
    ].join("\n"),
  };
}

export function resetMail({ name, link }: { name: string; link: string }) {
  return {
    subject: "Reset your Delegated Care password",
    body: [
      `Dear ${name},`,
      "",
      "Someone (we hope you) asked to reset the password of your Delegated Care account. To choose a new password, open this link:",
      link,
      "",
      `The link works once, for ${RESET_VALID_MINUTES} minutes. Choosing a new password signs you out everywhere.`,
      "",
      "If you did not ask for this, you can ignore this email: your password has not changed.",
    ].join("\n"),
  };
}

export const RESET_SENT = `If an account uses that email address, we have sent a link to it. The link works once, for ${RESET_VALID_MINUTES} minutes. If nothing arrives within a few minutes, check your junk folder or ask your administrator.`;

export function signedOutMessage(reason: SessionEnd, { idleMinutes, absoluteHours }: { idleMinutes: number; absoluteHours: number }): string {
  return reason === "idle"
    ? `You were signed out because you had not used Delegated Care for ${idleMinutes} minutes. Sign in to carry on.`
    : `You were signed out because you had been signed in for ${absoluteHours} hours. Sign in to carry on.`;
}

export function invitationSummary(invitation: { createdAt: string; expiresAt: string }): string {
  return `Sent ${formatDateTime(invitation.createdAt)}. The link works until ${formatDateTime(invitation.expiresAt)}.`;
}

