import { Link } from "@remix-run/react";
import { InsetText, WarningCallout } from "nhsuk-react-components";
import { VERSION_STATE_LABELS } from "~/content/agreements";
import type { AgreementStatus, StoredAgreementState } from "~/domain/agreement";
import { formatDate, formatDateTime } from "~/domain/dates";

type Notice = {
  status: AgreementStatus;
  agreement: {
    id: number;
    state: StoredAgreementState;
    suspendedAutomatically: boolean;
    stateReason: string;
    stateChangedAt: string | null;
    startDate: string;
    currentVersion: number;
    inForceVersion: number | null;
  };
  versionState: keyof typeof VERSION_STATE_LABELS;
};

/** What the agreement's state means for whoever reads it: suspended, not yet in force, ended, or being amended. */
export function StateNotices({ status, agreement: a, versionState }: Notice) {
  const amending = a.inForceVersion !== null && a.currentVersion !== a.inForceVersion;
  return (
    <>
      {a.state === "suspended" ? (
        <WarningCallout>
          <WarningCallout.Heading headingLevel="h2">{a.suspendedAutomatically ? "Suspended automatically" : "Suspended"}</WarningCallout.Heading>
          <p>{a.stateReason}</p>
          <p>No named care worker may carry out the tasks on this agreement while it is suspended.</p>
        </WarningCallout>
      ) : null}
      {status === "not_yet_in_force" ? (
        <InsetText>
          <p>
            Signed by every party. It starts on {formatDate(a.startDate)}: nobody may carry out its tasks before then.
          </p>
        </InsetText>
      ) : null}
      {a.state === "ended" ? (
        <InsetText>
          <p>This agreement ended on {formatDateTime(a.stateChangedAt)}: {a.stateReason}</p>
        </InsetText>
      ) : null}
      {amending ? (
        <InsetText>
          <p>
            Version {a.currentVersion} is being agreed ({VERSION_STATE_LABELS[versionState].toLowerCase()}). Version {a.inForceVersion}{" "}
            {a.state === "active" ? "stays in force until it is signed." : "is suspended meanwhile."}{" "}
            <Link to={`/agreements/${a.id}/versions/${a.inForceVersion}`}>Read version {a.inForceVersion}</Link>
          </p>
        </InsetText>
      ) : null}
    </>
  );
}
