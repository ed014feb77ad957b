/**
 * The one-time token of a rendered form (app/web/submission.server.ts): every form that
 * creates a record carries one, so sending it twice writes once.
 */
export function SubmissionToken({ token }: { token: string }) {
  return <input type="hidden" name="submissionToken" value={token} />;
}
