/**
 * What changed from one version of an agreement to the next, field by field (docs/domain.md
 * rule 6: every party signs each version afresh, so each must be able to see what is new).
 * One pure comparison of two canonical contents (app/domain/agreement-content.ts), used by the
 * version page.
 */
import type { SignedConsent, VersionContent } from "./agreement-content";
import { formatDate } from "./dates";

export type VersionChange =
  | { kind: "task_added"; task: string }
  | { kind: "task_removed"; task: string }
  | { kind: "task_field"; task: string; field: string; from: string; to: string }
  | { kind: "worker_added"; worker: string }
  | { kind: "worker_removed"; worker: string }
  | { kind: "field"; field: string; from: string; to: string };

type Task = VersionContent["tasks"][number];

/** Each field of a task the parties sign, with its name as the page shows it. */
export const TASK_FIELD_LABELS: Record<Exclude<keyof Task, "code" | "name">, string> = {
  inScope: "In scope",
  excluded: "Excluded",
  instructions: "Instructions",
  carePlanReference: "Care-plan reference",
  deviceOrProduct: "Device or product",
  parameters: "Parameters",
  mustNotDo: "Must not do",
  escalationPlan: "Escalation plan",
};

const CONSENT_FIELDS: [keyof SignedConsent, string][] = [
  ["kind", "Consent: who consented"],
  ["representativeName", "Consent: representative's name"],
  ["authority", "Consent: representative's authority"],
  ["decisionDetails", "Consent: best-interests decision"],
  ["givenOn", "Consent: date"],
];

/**
 * The changes from `before` to `after`, in the order a reader meets them on the page: tasks,
 * named workers, dates and supervision, consent. `describe` turns a consent value into words
 * (the labels live in app/content).
 */
export function versionChanges(
  before: VersionContent,
  after: VersionContent,
  describe: { consentKind: (k: SignedConsent["kind"]) => string; authority: (a: NonNullable<SignedConsent["authority"]>) => string },
): VersionChange[] {
  const changes: VersionChange[] = [];
  const beforeTasks = new Map(before.tasks.map((t) => [t.code, t]));
  const afterTasks = new Map(after.tasks.map((t) => [t.code, t]));
  for (const t of after.tasks) if (!beforeTasks.has(t.code)) changes.push({ kind: "task_added", task: t.name });
  for (const t of before.tasks) if (!afterTasks.has(t.code)) changes.push({ kind: "task_removed", task: t.name });
  for (const t of after.tasks) {
    const old = beforeTasks.get(t.code);
    if (!old) continue;
    for (const [field, label] of Object.entries(TASK_FIELD_LABELS) as [keyof typeof TASK_FIELD_LABELS, string][]) {
      if ((old[field] ?? "") !== (t[field] ?? "")) changes.push({ kind: "task_field", task: t.name, field: label, from: old[field] ?? "", to: t[field] ?? "" });
    }
  }

  const beforeWorkers = new Set(before.workers.map((w) => w.id));
  const afterWorkers = new Set(after.workers.map((w) => w.id));
  for (const w of after.workers) if (!beforeWorkers.has(w.id)) changes.push({ kind: "worker_added", worker: w.name });
  for (const w of before.workers) if (!afterWorkers.has(w.id)) changes.push({ kind: "worker_removed", worker: w.name });

  const field = (label: string, from: string, to: string) => {
    if (from !== to) changes.push({ kind: "field", field: label, from, to });
  };
  field("Start date", formatDate(before.startDate), formatDate(after.startDate));
  field("Review date", formatDate(before.reviewDate), formatDate(after.reviewDate));
  field("Supervision and support", before.supervisionArrangements, after.supervisionArrangements);
  field("What triggers an earlier review", before.earlyReviewTriggers, after.earlyReviewTriggers);

  // A version frozen before consent was part of the signed content has none to compare with.
  if (before.consent !== undefined && after.consent !== undefined) {
    const words = (c: SignedConsent | null, key: keyof SignedConsent): string => {
      if (!c) return "";
      if (key === "kind") return describe.consentKind(c.kind);
      if (key === "authority") return c.authority ? describe.authority(c.authority) : "";
      if (key === "givenOn") return formatDate(c.givenOn);
      return c[key] ?? "";
    };
    for (const [key, label] of CONSENT_FIELDS) field(label, words(before.consent, key), words(after.consent, key));
  }
  return changes;
}
