/**
 * Confirmation messages shown after an action, chosen by a key in the redirect's query
 * string (`?done=created`). Only these keys show anything; the text never comes from the URL.
 */
export const DONE_MESSAGES = {
  // The record's name comes from the page it lands on (DoneBanner's `subject`), never from the URL.
  created: (subject: string) => `${subject} has been added.`,
  updated: (subject: string) => `Your changes to ${subject} have been saved.`,
  deactivated: (subject: string) => `${subject} has been deactivated. Their history is kept.`,
  reactivated: (subject: string) => `${subject} has been reactivated.`,
  draft_started: "Draft agreement started. Complete each section, then check and send it.",
  draft_updated: "Your changes to the draft have been saved.",
  settings: "Settings saved. They apply from now on.",
  identity_unlinked: "The organisation account has been unlinked. Sessions started with it have ended.",
  service_details: "Service details saved. The footer and the help, privacy, cookies and accessibility pages now show them.",
  observation: "Supervised observation recorded.",
  prerequisite: "Prerequisite recorded.",
  signed_off: "Competency signed off.",
  renewed: "Competency renewed. The new expiry date is shown below.",
  suspend: "Competency suspended. The care worker must not carry out this task.",
  reinstate: "Competency reinstated.",
  revoke: "Competency revoked.",
  decline: "You have declined this task. Your manager and the nurse can see this.",
  training: "Training session recorded.",
  scheduled: "Training session scheduled. Its register opens on the day of the session.",
  session_changed: "Training session changed.",
  session_cancelled: "Training session cancelled. It stays in the history.",
  attendance: "Attendance recorded.",
  struck_out: "Observation struck out. It stays in the history and no longer counts towards sign-off.",
  consent: "Consent recorded.",
  consent_changed: "Consent recorded. It differs from what was signed, so a new version with this consent has been started: every party must sign it again.",
  password: "Your password has been changed. Other sessions have been signed out.",
  sent: "Sent for signatures. Its content is now fixed. Everyone who signs in the app has been asked to sign, by email and in their notifications.",
  signed: "Signature recorded.",
  amended: "A new draft version has been started. Make the changes, then check and send it.",
  draft_deleted: "The draft has been deleted.",
  reviewed: "Review recorded.",
  agreement_suspend: "Agreement suspended. The delegating nurse and the provider have been told.",
  agreement_reinstate: "Agreement reinstated.",
  agreement_end: "Agreement ended. Its history is kept.",
  concern: "Concern recorded. The delegating nurse and the care provider's managers have been told.",
  concern_closed: "Concern closed. It stays on the record with its outcome.",
  concern_suspend: "Competency suspended and linked to this concern. The care worker must not carry out this task.",
  concern_reviewed: "Review recorded and linked to this concern.",
  notifications_read: "Every notification is marked as read.",
  invited: "Invitation sent. The care worker chooses their password from the link in the email.",
  invitation_withdrawn: "Invitation withdrawn. Its link no longer works.",
  linked: "Account linked. They now sign in as this care worker.",
  unlinked: "Account unlinked from the care worker. They have been signed out.",
  two_factor_off: "Two-factor authentication is turned off. You sign in with your password only.",
  two_factor_reset: "Two-factor authentication has been reset. They have been sent an email.",
  password_reset: "Your password has been changed and you have been signed out everywhere. Sign in with your new password.",
} as const;

export type DoneKey = keyof typeof DONE_MESSAGES;

/**
 * The message for a `?done=` key; `subject` names the record the page shows ("Edith Clarke"),
 * for the messages that say what was saved. Without one they fall back to "The record".
 */
export function doneMessage(value: string | null, subject?: string): string | null {
  if (!value || !Object.hasOwn(DONE_MESSAGES, value)) return null;
  const message: string | ((subject: string) => string) = DONE_MESSAGES[value as DoneKey];
  return typeof message === "function" ? message(subject ?? "The record") : message;
}
