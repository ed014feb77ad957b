/**
 * One open agreement per person and task (docs/domain.md rule 10). Two agreements for the same
 * person and task can give a care worker two sets of instructions (two doses of insulin), so
 * starting a second needs the nurse to confirm it, with the existing one in front of them, and
 * two live at once raise an alert.
 */
import type { StoredAgreementState } from "./agreement";

/** Open: not ended. A draft or an agreement waiting for signatures is open too. */
export function isOpen(state: StoredAgreementState): boolean {
  return state !== "ended";
}

/** Live: signed and not ended (in force, or suspended and able to be reinstated). */
export function isLive(state: StoredAgreementState): boolean {
  return state === "active" || state === "suspended";
}

export type ExistingAgreement = { id: number; reference: string; state: StoredAgreementState; tasks: { id: number; name: string }[] };

/** The person's open agreements that share a task with the one being started, with the shared tasks. */
export function duplicateAgreements(existing: ExistingAgreement[], taskIds: number[]): (ExistingAgreement & { sharedTasks: string[] })[] {
  return existing
    .filter((a) => isOpen(a.state))
    .map((a) => ({ ...a, sharedTasks: a.tasks.filter((t) => taskIds.includes(t.id)).map((t) => t.name) }))
    .filter((a) => a.sharedTasks.length > 0);
}
