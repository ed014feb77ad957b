import { Link } from "@remix-run/react";
import { BackLink } from "nhsuk-react-components";
import type { ReactNode } from "react";

/** A back link (when there is somewhere to go back to), the caption and the page's one h1. */
export function PageHeading({
  title,
  caption,
  back,
  children,
}: {
  title: string;
  caption?: string;
  back?: { to: string; label?: string };
  children?: ReactNode;
}) {
  return (
    <>
      {back ? (
        <BackLink asElement={Link} to={back.to} href={back.to}>
          {back.label ?? "Back"}
        </BackLink>
      ) : null}
      <h1>
        {caption ? <span className="nhsuk-caption-l">{caption}</span> : null}
        {title}
      </h1>
      {children}
    </>
  );
}
