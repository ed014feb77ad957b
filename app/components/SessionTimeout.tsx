import { IDLE_WARNING_MINUTES } from "~/domain/accounts";

/**
 * The idle warning and the "we have put back what you typed" notice (hazard H33), rendered here
 * closed or as a template; app/browser/session-timeout.ts shows them where JavaScript runs.
 * Without JavaScript the sign-in page still says why the session ended and returns to the same page.
 */
export function SessionTimeout({ idleMinutes }: { idleMinutes: number }) {
  return (
    <div data-session-timeout="" data-idle-minutes={idleMinutes} data-warning-minutes={IDLE_WARNING_MINUTES}>
      <dialog className="dc-dialog" aria-labelledby="session-warning-title" aria-describedby="session-warning-text">
        <h2 id="session-warning-title">You will be signed out soon</h2>
        <p id="session-warning-text">
          You have not used Delegated Care for a while. To protect people's information, you will be signed out at <span data-warn-at="" />. Anything
          you have typed is kept on this device and put back when you sign in again.
        </p>
        <div className="dc-actions">
          <button type="button" className="nhsuk-button" data-stay-signed-in="">
            Stay signed in
          </button>
          <form method="post" action="/logout">
            <button type="submit" className="nhsuk-button nhsuk-button--secondary">
              Sign out
            </button>
          </form>
        </div>
      </dialog>
      {/* A template: not part of the page until the script puts typed text back. */}
      <template data-restored="">
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>We have put back what you typed before you were signed out. Check it, then send the form again.</p>
        </div>
      </template>
    </div>
  );
}

/** On the sign-in page after a session ended: marks the page to return to, so its typed text is put back there. */
export function MarkDraftsToRestore({ redirectTo }: { redirectTo: string }) {
  return <div data-restore-for={redirectTo} hidden />;
}
