import { Link } from "@remix-run/react";

/** Why a session cannot be changed any more (it was held, or cancelled), and the way back to it. */
export function SessionChangeRefused({ reason, sessionId }: { reason: string; sessionId: number }) {
  return (
    <>
      <p>{reason}.</p>
      <p>
        <Link to={`/training/${sessionId}`}>Back to the session</Link>
      </p>
    </>
  );
}
