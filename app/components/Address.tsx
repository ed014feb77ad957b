import { Fragment } from "react";
import { addressLines } from "~/domain/address";

/** An address on a page, one line a row as typed (addressLines); nothing when none is recorded, so a summary row says "Not recorded". */
export function Address({ address, postcode }: { address: string | null | undefined; postcode?: string | null }) {
  const lines = addressLines(address, postcode);
  if (!lines.length) return null;
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  );
}

/** The address as a summary list value: the lines, or "" so the row reads "Not recorded". */
export function addressValue(address: string | null | undefined, postcode?: string | null) {
  return addressLines(address, postcode).length ? <Address address={address} postcode={postcode} /> : "";
}
