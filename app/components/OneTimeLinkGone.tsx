import { Link } from "@remix-run/react";
import { LINK_GONE } from "~/content/accounts";

/** The one answer for a link that is unknown, used, withdrawn or expired: nothing about whose it was. */
export function OneTimeLinkGone({ kind }: { kind: "invitation" | "reset" }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{LINK_GONE.title}</h1>
        <p>{LINK_GONE[kind]}</p>
        {kind === "reset" ? (
          <p>
            <Link to="/forgot-password">Ask for a new link to reset your password</Link>
          </p>
        ) : null}
        <p>
          <Link to="/login">Go to the sign-in page</Link>
        </p>
      </div>
    </div>
  );
}
