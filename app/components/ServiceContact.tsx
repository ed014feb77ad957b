import type { ServiceDetails } from "~/domain/service-details";

/** How to reach the organisation that runs the service (app/domain/service-details.ts), as set by an administrator. */
export function ServiceContact({ details, what = "help" }: { details: ServiceDetails | null; what?: "help" | "address" }) {
  if (!details) {
    return (
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          The organisation running this service has not published its contact details here yet. Ask the person at your organisation who gave you
          access to Delegated Care.
        </p>
      </div>
    );
  }
  return (
    <>
      <ul className="nhsuk-list">
        <li>
          Email: <a href={`mailto:${details.helpEmail}`}>{details.helpEmail}</a>
        </li>
        <li>
          Phone:{" "}
          <a className="dc-nowrap" href={`tel:${details.helpPhone.replace(/\s+/g, "")}`}>{details.helpPhone}</a> ({details.helpHours})
        </li>
      </ul>
      {what === "address" ? <PostalAddress details={details} /> : null}
    </>
  );
}

export function PostalAddress({ details }: { details: ServiceDetails }) {
  return (
    <p className="dc-pre-line">
      {details.addressLines}
      {"\n"}
      {details.postcode}
    </p>
  );
}
