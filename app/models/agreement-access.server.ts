import { first } from "./transaction.server";
/**
 * Finding an agreement the actor may act on: in their scope (the WHERE), and the change they
 * ask for allowed by `changeRefusal` (app/domain/agreement-actions.ts), or a RuleError saying why.
 */
import { and, eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import { changeRefusal, type AgreementChange } from "~/domain/agreement-actions";
import type { Db } from "~db/client";
import { agreements, agreementVersions } from "~db/tables";
import { RuleError } from "./errors.server";
import { agreementScope } from "./scope.server";

export type Agreement = typeof agreements.$inferSelect;
export type AgreementVersion = typeof agreementVersions.$inferSelect;

export async function agreementInScope(db: Db, actor: Actor, id: number): Promise<Agreement | null> {
  return await first(db.select().from(agreements).where(and(eq(agreements.id, id), agreementScope(actor))).limit(1)) ?? null;
}

export async function versionOf(db: Db, agreementId: number, version: number): Promise<AgreementVersion | null> {
  return await first(db
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.version, version))).limit(1)) ?? null;
}

/**
 * Refuses a change the actor may not make to the agreement now. `fields` names the form field
 * each kind of refusal is shown at: the role's (usually the whole form) and the state's.
 */
export function requireChange(
  change: AgreementChange,
  { actor, agreement, version }: { actor: Actor; agreement: Agreement; version: AgreementVersion },
  fields: { role: string; state: string },
) {
  const refusal = changeRefusal(change, agreement, version, actor);
  if (refusal) throw new RuleError([{ field: fields[refusal.because], message: refusal.message }]);
}

/**
 * The agreement in scope and its current version, once the change is allowed; null when the
 * agreement is not in the actor's scope. The current version is the one every change starts from.
 */
export async function agreementFor(
  db: Db,
  { actor, agreementId, change, fields }: { actor: Actor; agreementId: number; change: AgreementChange; fields: { role: string; state: string } },
): Promise<{ agreement: Agreement; version: AgreementVersion } | null> {
  const agreement = await agreementInScope(db, actor, agreementId);
  if (!agreement) return null;
  const version = (await versionOf(db, agreementId, agreement.currentVersion))!;
  requireChange(change, { actor, agreement, version }, fields);
  return { agreement, version };
}

/** The draft version of an agreement a nurse may still edit, or a RuleError saying why not (docs/domain.md rule 6). */
export async function editableDraft(db: Db, actor: Actor, agreementId: number): Promise<{ agreement: Agreement; version: AgreementVersion } | null> {
  return await agreementFor(db, { actor, agreementId, change: "edit", fields: { role: "form", state: "form" } });
}
