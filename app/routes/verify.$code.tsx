import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { InsetText, Table, WarningCallout } from "nhsuk-react-components";
import { CompetencyTag } from "~/components/CompetencyTag";
import { PageHeading } from "~/components/nhs/PageHeading";
import { Summary } from "~/components/nhs/Summary";
import { pageTitle } from "~/content/titles";
import { formatDateTime } from "~/domain/dates";
import { verifyPassportCode } from "~/models/passport-pdf.server";
import { allowRequest } from "~/models/rate-limits.server";
import { getSettings } from "~/models/settings.server";
import { normaliseCode, verifyCode } from "~/models/verify.server";
import { notFound } from "~/web/not-found.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Check a printout", matches);

/** A refusal keeps its Retry-After, so a client knows when to try again. */
export const headers: HeadersFunction = ({ errorHeaders }) => errorHeaders ?? new Headers();

/**
 * Public and unauthenticated, so limited: 30 checks a minute from one address. A code names a
 * printed agreement or a printed skills passport (one code generator for both); the answer shows
 * only what the printout showed, with a person's name cut to initials.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const address = context.clientAddress || "unknown";
  // Counted in the database: every server process and host counts together.
  if (!await allowRequest(context.db, `verify:${address}`, { limit: 30, windowMs: 60_000, now: context.clock.now() })) {
    throw new Response("Too many checks", { status: 429, headers: { "Retry-After": "60" } });
  }
  const code = normaliseCode(params.code ?? "");
  if (!code) throw notFound();
  const settings = await getSettings(context.db);
  const agreement = await verifyCode(context.db, { code, today: context.clock.today(), reviewDueDays: settings.reviewDueDays });
  if (agreement) return { kind: "agreement" as const, ...agreement };
  const passport = await verifyPassportCode(context.db, { code, today: context.clock.today(), warningDays: settings.competencyWarningDays });
  if (passport) return passport;
  throw notFound();
}

export default function VerifyResult() {
  const r = useLoaderData<typeof loader>();
  if (r.kind === "passport") return <PassportAnswer r={r} />;
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

type PassportAnswerData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "passport" }>;

/** A printed skills passport: what it said on the day, and whether each competency on it holds today. */
function PassportAnswer({ r }: { r: PassportAnswerData }) {
  const lapsed = r.competencies.filter((c) => c.heldWhenPrinted && !c.holds);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <PageHeading title={`Skills passport of ${r.workerName}`} caption={`Verification code ${r.code}`} back={{ to: "/verify", label: "Check another code" }} />
        <p>
          This code is on the skills passport of {r.workerName}, {r.providerName}, printed on {r.printedOn}. Check that the printout shows the same
          competencies as the table below.
        </p>
        {r.workerLeft ? (
          <WarningCallout>
            <WarningCallout.Heading headingLevel="h2">{r.workerName} no longer works for {r.providerName}</WarningCallout.Heading>
            <p>They must not carry out delegated tasks for {r.providerName}, whatever the printout says.</p>
          </WarningCallout>
        ) : lapsed.length ? (
          <WarningCallout>
            <WarningCallout.Heading headingLevel="h2">Some competencies have changed since this passport was printed</WarningCallout.Heading>
            <p>
              {lapsed.map((c) => c.taskName).join(", ")}: the printout shows {lapsed.length === 1 ? "it" : "them"} as current, but{" "}
              {lapsed.length === 1 ? "it does" : "they do"} not hold today. Do not rely on the printout for {lapsed.length === 1 ? "this task" : "these tasks"}.
            </p>
          </WarningCallout>
        ) : (
          <InsetText>
            <p>The column "Today" says whether each competency holds today. A care worker may carry out a task only as written in the signed agreement for that person.</p>
          </InsetText>
        )}
        <Table caption="Competencies on the printout, and today" responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Task</Table.Cell>
              <Table.Cell>On the printout</Table.Cell>
              <Table.Cell>Today</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {r.competencies.map((c, i) => (
              <Table.Row key={i}>
                <Table.Cell>
                  {c.taskName}
                  {c.personInitials ? <span className="dc-muted"> for {c.personInitials}</span> : null}
                </Table.Cell>
                <Table.Cell>
                  <strong>{c.printed.status}</strong>
                  <br />
                  Signed off: {c.printed.signedOff}
                  <br />
                  Expires: {c.printed.expiresOn}
                </Table.Cell>
                <Table.Cell>
                  {c.today ? <CompetencyTag status={c.today} /> : null}
                  <div className="nhsuk-u-margin-top-1">{c.holds ? "Holds today" : "Does not hold today"}</div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {r.competencies.length === 0 ? <p>The printout showed no competencies.</p> : null}
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
