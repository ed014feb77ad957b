/**
 * "Needs your action": what waits for one user, grouped in a fixed order, each item a link to
 * where they act. The models find the items, each within the user's scope; this decides which
 * groups a role has, their order and words, and how the count is said.
 */
import type { Role } from "./roles";

export const ACTION_GROUPS = [
  "sign",
  "concern",
  "decline",
  "review",
  "consent",
  "draft",
  "sign_off",
  "attendance",
  "session",
  "organisation",
] as const;
export type ActionGroup = (typeof ACTION_GROUPS)[number];

export const ACTION_GROUP_LABELS: Record<ActionGroup, string> = {
  sign: "Waiting for your signature",
  concern: "Concerns to look into",
  decline: "Tasks declined by a named care worker",
  review: "Reviews due or overdue",
  consent: "Agreements missing consent",
  draft: "Drafts you started",
  sign_off: "Competencies ready for sign-off",
  attendance: "Training attendance to record",
  session: "Training sessions coming up",
  organisation: "Organisations to update",
};

/** The groups each role can be asked to act on (anything else is never shown to them). */
export const ROLE_ACTION_GROUPS: Record<Role, readonly ActionGroup[]> = {
  admin: ["organisation"],
  nurse: ["sign", "concern", "decline", "review", "consent", "draft", "sign_off"],
  facilitator: ["concern", "sign_off", "attendance", "session"],
  provider_manager: ["sign", "concern", "decline"],
  care_worker: ["sign", "concern"],
};

export type ActionItem = {
  group: ActionGroup;
  /** What it is, e.g. "DA-2026-000012 (E. C.): blood glucose monitoring". */
  title: string;
  /** What to do, in a few words. */
  detail: string;
  /** Where to act: a page the user may open. */
  href: string;
  /** For ordering within a group: the soonest first (an ISO date), else as found. */
  dueOn?: string;
};

/** Groups in the fixed order, each item in a group soonest first; groups a role does not have are dropped. */
export function groupActions(role: Role, items: ActionItem[]): { group: ActionGroup; label: string; items: ActionItem[] }[] {
  const allowed = ROLE_ACTION_GROUPS[role];
  return ACTION_GROUPS.filter((g) => allowed.includes(g))
    .map((group) => ({
      group,
      label: ACTION_GROUP_LABELS[group],
      items: items.filter((i) => i.group === group).sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? "")),
    }))
    .filter((g) => g.items.length > 0);
}

/** How many things wait, in words a screen reader reads out: "3 things need your action". */
export function actionCountWords(n: number): string {
  if (n === 0) return "Nothing needs you now";
  return `${n} ${n === 1 ? "thing needs" : "things need"} your action`;
}
