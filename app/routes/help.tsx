import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "~/components/nhs/PageHeading";
import { PostalAddress, ServiceContact } from "~/components/ServiceContact";
import { pageTitle } from "~/content/titles";
import { getServiceDetails } from "~/models/service-details.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Help and contact", matches);

/** Public: people who cannot sign in need it most. */
export async function loader({ context }: LoaderFunctionArgs) {
  return { details: await getServiceDetails(context.db) };
}

export default function Help() {
  const { details } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Help and contact">
          <p className="nhsuk-lede-text">
            Delegated Care records which care workers may carry out delegated healthcare tasks, for whom, and on what terms.
            {details ? ` It is run by ${details.operatorName}.` : null}
          </p>
        </PageHeading>

        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>If someone needs medical help now
            </span>
          </h2>
          <p>The help team cannot give medical advice. If someone is seriously ill or injured, call 999.</p>
          <p>
            If you are worried about a delegated task (a dose, a change in the person, a care worker unsure what to do), call the district nursing team on
            the escalation number printed on the person&apos;s agreement, or 111 out of hours.
          </p>
        </div>

        <h2>Contact the help team</h2>
        <p>Contact us if you cannot sign in, something on a page looks wrong, or you need help using the service.</p>
        <ServiceContact details={details} />
        {details ? (
          <>
            <p>We aim to answer emails within 2 working days. Do not send a person&apos;s NHS number or health details by email.</p>
            <h3>By post</h3>
            <PostalAddress details={details} />
          </>
        ) : null}

        <h2>Signing in</h2>
        <ul>
          <li>
            If you have forgotten your password, <Link to="/forgot-password">reset your password</Link>. We will email you a link that works once, for an
            hour.
          </li>
          <li>Care workers get their sign-in from an invitation sent by their care provider&apos;s manager. Ask your manager if yours has expired.</li>
          <li>If your role or organisation is wrong, ask your organisation&apos;s administrator or contact the help team.</li>
        </ul>

        <h2>Checking a printout</h2>
        <p>
          Every printed agreement and skills passport has a verification code on each page. <Link to="/verify">Check a printout</Link> to see
          whether an agreement is still in force today, or whether each competency on a passport still holds.
        </p>

        <h2>More about this service</h2>
        <ul>
          <li>
            <Link to="/accessibility">Accessibility statement</Link>, including how to report an accessibility problem
          </li>
          <li>
            <Link to="/privacy">Privacy notice</Link>: what personal data the service holds, why, and your rights
          </li>
          <li>
            <Link to="/cookies">Cookies</Link>: the two cookies the service sets to sign you in
          </li>
        </ul>
      </div>
    </div>
  );
}
