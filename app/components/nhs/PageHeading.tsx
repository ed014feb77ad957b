import { Link } from "@remix-run/react";
import { BackLink } from "nhsuk-react-components";
import type { ReactNode } from "react";
import { FormErrorSummary } from "./ErrorSummary";
import type { FormErrors } from "./form-errors";

/**
 * The top of every page, in the one order the NHS service manual sets: the back link (when
 * there is somewhere to go back to), then the error summary (when a form was rejected), then
 * the caption and the page's one h1. Pages pass their form's `errors` here and never draw an
 * error summary themselves, so the summary cannot sit anywhere else (issue 14).
 */
export function PageHeading({
  title,
  caption,
  back,
  errors,
  children,
}: {
  title: ReactNode;
  caption?: string;
  back?: { to: string; label?: string };
  errors?: FormErrors;
  children?: ReactNode;
}) {
  return (
    <>
      {back ? (
        <BackLink asElement={Link} to={back.to} href={back.to}>
          {back.label ?? "Back"}
        </BackLink>
      ) : null}
      <FormErrorSummary errors={errors} />
      <h1>
        {caption ? <span className="nhsuk-caption-l">{caption}</span> : null}
        {title}
      </h1>
      {children}
    </>
  );
}
