/**
 * One write per form submission. Every form that creates a record is rendered with a one-time
 * token (`newSubmissionToken`, shown by the SubmissionToken component). The write and the
 * token's use are recorded in one transaction; a repeated submission (a double click, a resent
 * request) writes nothing and gets the first submission's result, so it lands on the same page.
 */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Actor } from "~/domain/actor";
import type { Db } from "~db/client";
import { formSubmissions } from "~db/tables";
import { first, inTransaction } from "~/models/transaction.server";
import type { AppContext } from "~/web/context.server";
import { formError, rejectForm, type FormValues } from "~/web/forms.server";
import { notFound } from "~/web/not-found.server";

const FIELD = "submissionToken";
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export function newSubmissionToken(): string {
  return crypto.randomBytes(18).toString("base64url");
}

/** The form's token, or null when it is missing or malformed. */
export function submissionToken(values: FormValues): string | null {
  const token = values[FIELD];
  return typeof token === "string" && TOKEN.test(token) ? token : null;
}

/** A form sent without its token (an old page, or not sent from the form): nothing is written. */
export function rejectWithoutToken(context: AppContext, values: FormValues) {
  return rejectForm(context, formError("form", "This form could not be saved. Reload the page, check your answers and send it again."), values);
}

type Submission = { actor: Actor; token: string; form: string };

async function used(db: Db, { actor, token, form }: Submission) {
  const row = await first(db.select().from(formSubmissions).where(eq(formSubmissions.token, token)).limit(1));
  if (!row) return null;
  // Another user's or another form's token is never honoured: not found, like any record out of scope.
  if (row.userId !== actor.userId || row.form !== form) throw notFound();
  return { result: JSON.parse(row.result) as unknown };
}

/** Whether this token has already been used for this form by this user (for checks made before the write). */
export async function submittedBefore(db: Db, submission: Submission): Promise<boolean> {
  return await used(db, submission) !== null;
}

/**
 * Runs `write` once for this token: the token is recorded in the same transaction as the write
 * (a refused write, or one that found nothing, records nothing, so the form can be corrected and sent again); a repeat
 * returns the first result without writing. `write` must return plain data.
 */
export async function oncePerSubmission<T>(db: Db, submission: Submission, write: (tx: Db) => T | Promise<T>): Promise<T> {
  return await inTransaction(db, async (tx) => {
    const previous = await used(tx, submission);
    if (previous) return previous.result as T;
    const result = await write(tx);
    // Nothing found means nothing written: the token stays unused.
    if (result === null || result === false || result === undefined) return result;
    await tx.insert(formSubmissions).values({ token: submission.token, userId: submission.actor.userId, form: submission.form, result: JSON.stringify(result ?? null) });
    return result;
  });
}
