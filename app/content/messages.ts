/**
 * Confirmation messages shown after an action, chosen by a key in the redirect's query
 * string (`?done=created`). Only these keys show anything; the text never comes from the URL.
 */
export const DONE_MESSAGES = {
  created: "Saved. The record has been added.",
  updated: "Your changes have been saved.",
  deactivated: "Deactivated. Their history is kept.",
  reactivated: "Reactivated.",
  settings: "Settings saved. They apply from now on.",
} as const;

export type DoneKey = keyof typeof DONE_MESSAGES;

export function doneMessage(value: string | null): string | null {
  return value && value in DONE_MESSAGES ? DONE_MESSAGES[value as DoneKey] : null;
}
