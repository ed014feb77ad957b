import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { InsetText, WarningCallout } from "nhsuk-react-components";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { pageTitle } from "~/content/titles";
import { formatDateTime } from "~/domain/dates";
import { getSettings } from "~/models/settings.server";
import { normaliseCode, verifyCode } from "~/models/verify.server";
import { notFound } from "~/services/params.server";
import { allow } from "~/services/rate-limit.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Check a printed agreement", matches);

/** Public and unauthenticated, so limited: 30 checks a minute from one address. */
export function loader({ params, context }: LoaderFunctionArgs) {
  const address = context.clientAddress || "unknown";
  if (!allow(`verify:${address}`, { limit: 30, windowMs: 60_000, now: context.clock.now().getTime() })) {
    throw new Response("Too many checks", { status: 429, headers: { "Retry-After": "60" } });
  }
  const code = normaliseCode(params.code ?? "");
  if (!code) throw notFound();
  const result = verifyCode(context.db, { code, today: context.clock.today(), reviewDueDays: getSettings(context.db).reviewDueDays });
  if (!result) throw notFound();
  return result;
}

export default function VerifyResult() {
  const r = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title={r.words.heading} caption={`Verification code ${r.code}`} back={{ to: "/verify", label: "Check another code" }} />
        {r.canBeUsed ? (
          <InsetText>
            <p>
              {r.words.sentence} {r.words.advice}
            </p>
          </InsetText>
        ) : (
          <WarningCallout>
            <WarningCallout.Heading headingLevel="h2">{r.status.kind === "not_yet_in_force" ? "Not in force yet" : "Do not use this printout"}</WarningCallout.Heading>
            <p>{r.words.sentence}</p>
            <p>{r.words.advice}</p>
          </WarningCallout>
        )}
        <Summary
          rows={[
            ["Agreement", r.reference],
            ["Version on the printout", String(r.version)],
            ["This version today", r.words.label],
            ["Latest version signed by every party", r.latestSignedVersion ? String(r.latestSignedVersion) : "None"],
            ["Agreement status today", r.agreementStatus],
            ["Signed by every party", r.signedOn ? formatDateTime(r.signedOn) : "No"],
            ["Person", r.personInitials],
          ]}
        />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const tooMany = isRouteErrorResponse(error) && error.status === 429;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{tooMany ? "Too many checks" : "We could not find that verification code"}</h1>
        <p>{tooMany ? "Wait a minute, then try again." : "Check the code on the printout: 8 letters and numbers, like ABCD-2345. A printout whose code is not found must not be used."}</p>
        <p>
          <Link to="/verify">Check another code</Link>
        </p>
      </div>
    </div>
  );
}
