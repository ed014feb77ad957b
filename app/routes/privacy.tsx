import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "~/components/nhs/PageHeading";
import { PostalAddress } from "~/components/ServiceContact";
import { pageTitle } from "~/content/titles";
import { getServiceDetails } from "~/models/service-details.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Privacy notice", matches);

/** Public: the people whose data the service holds may never have a sign-in. */
export async function loader({ context }: LoaderFunctionArgs) {
  return { details: await getServiceDetails(context.db) };
}

export default function Privacy() {
  const { details } = useLoaderData<typeof loader>();
  const controller = details?.operatorName ?? "The organisation running this service";
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Privacy notice">
          <p className="nhsuk-lede-text">
            How Delegated Care uses personal data about the people receiving care, the care workers and the staff who use it, and your rights.
          </p>
        </PageHeading>

        <h2>Who is responsible for your data</h2>
        <p>
          {controller} runs Delegated Care and is the data controller for the personal data in it: it decides how the data is used and is responsible
          for keeping it safe.
          {details ? ` Its registration number with the Information Commissioner's Office (ICO) is ${details.icoNumber}.` : null}
        </p>
        <p>
          The NHS nursing teams and care providers that use the service are responsible for what they record in it about the people they care for and
          the staff they employ.
        </p>

        <h2>What personal data we hold</h2>
        <h3>About people receiving care</h3>
        <ul>
          <li>name, date of birth, NHS number and address</li>
          <li>which healthcare tasks are delegated for them, with the instructions, limits and escalation plans in their care plan</li>
          <li>their consent to the delegation, or who gave it for them and why, and any concerns recorded about their care</li>
        </ul>
        <h3>About care workers</h3>
        <ul>
          <li>name, care provider, job title, staff number and when they joined</li>
          <li>training attended, supervised observations, competency sign-offs, suspensions and any tasks they declined</li>
          <li>the agreements they are named on and signed, and any concerns recorded about their practice</li>
        </ul>
        <h3>About staff who sign in</h3>
        <ul>
          <li>name, work email address, job title, organisation and role, and a nurse&apos;s professional registration number</li>
          <li>when they signed in and what they changed, kept in an audit trail so that every change can be checked later</li>
        </ul>
        <p>We store passwords only in a form that cannot be turned back into the password. We never record NHS numbers or passwords in technical logs.</p>

        <h2>Why we use it</h2>
        <p>
          To make sure that delegated healthcare tasks (such as giving insulin) are carried out only by care workers who are trained and signed off as
          competent, under an agreement that the nurse, the care provider, the care worker and the person (or their representative) have all signed.
          It is also used to warn staff when a competency expires or an agreement needs review, and to print agreements and skills passports.
        </p>
        <p>We do not sell personal data, use it for marketing, or use it to make decisions about anyone without a person involved.</p>

        <h2>Our lawful basis</h2>
        <p>Under the UK General Data Protection Regulation (UK GDPR), we use personal data because:</p>
        <ul>
          <li>
            it is needed to perform a task in the public interest: providing NHS and social care services (Article 6(1)(e)), and to meet legal duties
            on care providers and nurses (Article 6(1)(c))
          </li>
          <li>
            information about health is used for the provision of health and social care (Article 9(2)(h), with the Data Protection Act 2018, Schedule
            1, paragraph 2), under the duty of confidentiality that health and care professionals owe
          </li>
        </ul>
        <p>
          Because this information is used for your individual care, the{" "}
          <a href="https://www.nhs.uk/your-nhs-data-matters/">national data opt-out</a> does not apply to it.
        </p>

        <h2>Who can see it</h2>
        <p>
          Only the staff who need it for the person&apos;s care see their details: the NHS nursing team that delegates the task, the care provider and
          the care workers named on the agreement. Each organisation sees only its own records. Administrators at {controller} can see every record to
          run the service. We share data with others only when the law requires it, for example to protect someone from harm.
        </p>

        <h2>How long we keep it</h2>
        <p>
          Agreements, consent, training and competency records are part of care records. We keep them for 8 years after the last entry, as the
          Records Management Code of Practice for Health and Social Care 2021 sets out for adult care records, and then delete them securely. Nothing is
          deleted from within the service before then, so that who did what, and when, can always be checked.
        </p>

        <h2>Your rights</h2>
        <p>You have the right to:</p>
        <ul>
          <li>ask for a copy of the personal data we hold about you</li>
          <li>ask us to correct data that is wrong</li>
          <li>object to how we use your data, or ask us to restrict it, in some circumstances</li>
        </ul>
        <p>
          Because these are health and care records, we cannot usually delete them before the end of the time we must keep them. To use any of these
          rights, contact our data protection officer.
        </p>

        <h2>Contact our data protection officer</h2>
        {details ? (
          <>
            <p>
              {details.dpoName}, {details.operatorName}
              <br />
              Email: <a href={`mailto:${details.dpoEmail}`}>{details.dpoEmail}</a>
            </p>
            <PostalAddress details={details} />
          </>
        ) : (
          <p>Ask the organisation that gave you access to Delegated Care for its data protection officer&apos;s details.</p>
        )}

        <h2>How to complain</h2>
        <p>
          If you are unhappy with how we have used your data, contact our data protection officer first. You can also complain to the Information
          Commissioner&apos;s Office (ICO):
        </p>
        <ul className="nhsuk-list">
          <li>
            Website: <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk/make-a-complaint</a>
          </li>
          <li>Phone: 0303 123 1113</li>
          <li>Post: Information Commissioner&apos;s Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF</li>
        </ul>

        <h2>Cookies</h2>
        <p>
          The service sets two cookies, only to sign you in and keep you signed in. <Link to="/cookies">Find out about the cookies we use</Link>.
        </p>
      </div>
    </div>
  );
}
