/**
 * Care workers' sign-ins by invitation: a manager of the worker's provider (or an administrator)
 * sends a one-time link to the worker's email; opening it, the worker chooses a password, and the
 * new care worker account is linked to their record (care_workers.user_id), so they sign as
 * themselves (docs/domain.md rule 2). Only the SHA-256 of the link's token is stored.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { invitationExpiry, invitationProblem, linkState, type LinkState } from "~/domain/accounts";
import type { Actor } from "~/domain/actor";
import { EMAIL_IN_USE, EMAIL_INVITED, invitationMail, LINK_PROBLEM_MESSAGES } from "~/content/accounts";
import { recordAudit } from "~/models/audit-log.server";
import { first, inTransaction, inserted } from "~/models/transaction.server";
import { queueMail } from "~/services/mail.server";
import { hashSecretToken, newSecretToken } from "~/services/tokens.server";
import type { Db } from "~db/client";
import { careWorkers, invitations, organisations, users } from "~db/tables";
import { RuleError } from "./errors.server";
import { can } from "~/domain/roles";
import { workerScope } from "./scope.server";
import { findUserByEmail } from "./users.server";

/** The workers whose sign-in this actor manages: a manager's own provider's, or any for an administrator. */
function manageableWorker(actor: Actor, workerId: number) {
  return can(actor.role, "manage", "worker") ? and(eq(careWorkers.id, workerId), workerScope(actor)) : undefined;
}

async function findManageableWorker(db: Db, actor: Actor, workerId: number) {
  const where = manageableWorker(actor, workerId);
  if (!where) return null;
  return (
    await first(db
      .select({ id: careWorkers.id, name: careWorkers.name, providerId: careWorkers.providerId, status: careWorkers.status, userId: careWorkers.userId, providerName: organisations.name })
      .from(careWorkers)
      .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
      .where(where).limit(1)) ?? null
  );
}

export type InvitationView = { email: string; createdAt: string; expiresAt: string; state: LinkState };

/**
 * The worker's sign-in as their page shows it: the account's email, or the latest invitation not
 * withdrawn nor accepted (waiting or expired), or nothing. Null when the actor may not manage it.
 */
export async function getWorkerSignIn(db: Db, { actor, workerId, now }: { actor: Actor; workerId: number; now: Date }) {
  const worker = await findManageableWorker(db, actor, workerId);
  if (!worker) return null;
  const email = worker.userId ? (await first(db.select({ email: users.email }).from(users).where(eq(users.id, worker.userId)).limit(1)))?.email ?? null : null;
  const latest = await first(db
    .select()
    .from(invitations)
    .where(and(eq(invitations.workerId, workerId), isNull(invitations.withdrawnAt), isNull(invitations.acceptedAt)))
    .orderBy(desc(invitations.id)).limit(1));
  const invitation: InvitationView | null =
    !worker.userId && latest
      ? { email: latest.email, createdAt: latest.createdAt, expiresAt: latest.expiresAt, state: linkState({ expiresAt: latest.expiresAt, usedAt: latest.acceptedAt }, now) }
      : null;
  return { status: worker.status, accountEmail: email, invitation };
}

/** Ends every invitation of the worker still open (a new one replaces it, or it is withdrawn). */
async function withdrawOpen(tx: Db, workerId: number, at: Date): Promise<number> {
  return (await tx
    .update(invitations)
    .set({ withdrawnAt: at.toISOString() })
    .where(and(eq(invitations.workerId, workerId), isNull(invitations.withdrawnAt), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id })).length;
}

/**
 * Sends an invitation (or sends it again: a new link replaces any earlier one, which stops
 * working). Refused when the worker has left or already has a sign-in, or the email is another
 * account's or another worker's waiting invitation. Returns the invitation's id; null when the
 * worker is not one the actor manages.
 */
export async function inviteWorker(
  db: Db,
  { actor, workerId, email, at, publicUrl }: { actor: Actor; workerId: number; email: string; at: Date; publicUrl: string },
): Promise<number | null> {
  return await inTransaction(db, async (tx) => {
    const worker = await findManageableWorker(tx, actor, workerId);
    if (!worker) return null;
    const problem = invitationProblem(worker);
    if (problem) throw new RuleError([{ field: "email", message: LINK_PROBLEM_MESSAGES[problem] }]);
    const address = email.trim().toLowerCase();
    if (await findUserByEmail(tx, address)) throw new RuleError([{ field: "email", message: EMAIL_IN_USE }]);
    const clash = (await tx
      .select({ workerId: invitations.workerId, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(and(eq(invitations.email, address), isNull(invitations.withdrawnAt), isNull(invitations.acceptedAt))))
      .find((i) => i.workerId !== workerId && linkState({ expiresAt: i.expiresAt, usedAt: null }, at) === "usable");
    if (clash) throw new RuleError([{ field: "email", message: EMAIL_INVITED }]);
    const replaced = await withdrawOpen(tx, workerId, at);
    const token = newSecretToken();
    const expiresAt = invitationExpiry(at).toISOString();
    const row = await inserted(tx
      .insert(invitations)
      .values({ workerId, email: address, tokenHash: hashSecretToken(token), invitedBy: actor.userId, createdAt: at.toISOString(), expiresAt })
      .returning({ id: invitations.id }));
    const mail = invitationMail({ workerName: worker.name, providerName: worker.providerName, link: `${publicUrl}/invitation?token=${token}`, expiresAt });
    await queueMail(tx, { dedupeKey: `invitation:${row.id}`, toAddress: address, subject: mail.subject, body: mail.body, sensitive: true });
    await recordAudit(tx, { actorId: actor.userId, action: replaced ? "worker.invitation_resend" : "worker.invite", entityType: "worker", entityId: workerId, details: { email: address, expiresAt }, at });
    return row.id;
  });
}

/** Withdraws the worker's open invitation: its link stops working. Null when there is none the actor manages. */
export async function withdrawInvitation(db: Db, { actor, workerId, at }: { actor: Actor; workerId: number; at: Date }): Promise<true | null> {
  return await inTransaction(db, async (tx) => {
    if (!await findManageableWorker(tx, actor, workerId)) return null;
    if (!await withdrawOpen(tx, workerId, at)) return null;
    await recordAudit(tx, { actorId: actor.userId, action: "worker.invitation_withdraw", entityType: "worker", entityId: workerId, at });
    return true;
  });
}

/** The open, unexpired invitation this token belongs to, with what the accept page shows; otherwise null. */
async function usableInvitation(db: Db, token: string, now: Date) {
  const row = await first(db
    .select({ invitation: invitations, workerName: careWorkers.name, jobTitle: careWorkers.jobTitle, providerId: careWorkers.providerId, workerStatus: careWorkers.status, workerUserId: careWorkers.userId, providerName: organisations.name })
    .from(invitations)
    .innerJoin(careWorkers, eq(careWorkers.id, invitations.workerId))
    .innerJoin(organisations, eq(organisations.id, careWorkers.providerId))
    .where(eq(invitations.tokenHash, hashSecretToken(token))).limit(1));
  if (!row) return null;
  const { invitation } = row;
  if (linkState({ expiresAt: invitation.expiresAt, usedAt: invitation.acceptedAt, withdrawnAt: invitation.withdrawnAt }, now) !== "usable") return null;
  if (invitationProblem({ providerId: row.providerId, status: row.workerStatus, userId: row.workerUserId })) return null;
  return row;
}

/** What the accept page may show to the holder of a usable link: the worker's name, provider and email. */
export async function findInvitation(db: Db, { token, now }: { token: string; now: Date }) {
  const row = await usableInvitation(db, token, now);
  return row ? { workerName: row.workerName, providerName: row.providerName, email: row.invitation.email } : null;
}

/**
 * Accepts an invitation: creates the care worker account with the chosen password, links it to
 * the worker record and uses the link up, in one transaction. Null when the link is unknown,
 * used, withdrawn or expired, the worker has since left or got a sign-in, or the email has since
 * been taken (nothing is written).
 */
export async function acceptInvitation(db: Db, { token, passwordHash, at }: { token: string; passwordHash: string; at: Date }): Promise<{ userId: number } | null> {
  return await inTransaction(db, async (tx) => {
    const row = await usableInvitation(tx, token, at);
    if (!row || await findUserByEmail(tx, row.invitation.email)) return null;
    const { invitation } = row;
    const user = await inserted(tx
      .insert(users)
      .values({ email: invitation.email, name: row.workerName, role: "care_worker", organisationId: row.providerId, passwordHash, passwordChangedAt: at.toISOString(), jobTitle: row.jobTitle })
      .returning({ id: users.id }));
    await tx.update(careWorkers).set({ userId: user.id, updatedAt: at.toISOString() }).where(and(eq(careWorkers.id, invitation.workerId), isNull(careWorkers.userId)));
    await tx.update(invitations).set({ acceptedAt: at.toISOString(), userId: user.id }).where(eq(invitations.id, invitation.id));
    await recordAudit(tx, { actorId: user.id, action: "worker.invitation_accept", entityType: "worker", entityId: invitation.workerId, details: { userId: user.id, email: invitation.email }, at });
    return { userId: user.id };
  });
}
