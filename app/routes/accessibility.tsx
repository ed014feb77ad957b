import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "~/components/nhs/PageHeading";
import { ServiceContact } from "~/components/ServiceContact";
import { pageTitle } from "~/content/titles";
import { formatDate } from "~/domain/dates";
import { getServiceDetails } from "~/models/service-details.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Accessibility statement", matches);

/** When this statement was written and the service last tested against it; change both when it is reviewed. */
const STATEMENT = { prepared: "2026-12-01", tested: "2026-12-01" } as const;

/** Public, in the GOV.UK model format for accessibility statements. */
export async function loader({ context }: LoaderFunctionArgs) {
  return { details: await getServiceDetails(context.db) };
}

export default function Accessibility() {
  const { details } = useLoaderData<typeof loader>();
  const operator = details?.operatorName ?? "The organisation running this service";
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Accessibility statement for Delegated Care" />
        <p>
          This accessibility statement applies to the Delegated Care service, where NHS nurses, care providers and care workers record delegated
          healthcare tasks, training, competencies and agreements.
        </p>
        <p>
          {operator} runs this service. We want as many people as possible to be able to use it. For example, that means you should be able to:
        </p>
        <ul>
          <li>change colours, contrast levels and fonts using browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>use every page on a phone as well as on a computer</li>
          <li>get around every page using just a keyboard or speech recognition software</li>
          <li>listen to every page using a screen reader</li>
          <li>use every form without JavaScript</li>
        </ul>
        <p>
          We have also made the text as simple as possible to understand. <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making
          your device easier to use if you have a disability.
        </p>

        <h2>How accessible this service is</h2>
        <p>
          We know one part is not fully accessible: printed agreements and skills passports (PDF files) are not tagged, so a screen reader may read them
          in the wrong order or miss their tables.
        </p>

        <h2>Feedback and contact information</h2>
        <p>If you need information in a different format, like accessible PDF, large print, easy read or audio recording, contact us:</p>
        <ServiceContact details={details} />
        <p>We will consider your request and get back to you in 5 working days.</p>

        <h2>Reporting accessibility problems with this service</h2>
        <p>
          We are always looking to improve the accessibility of this service. If you find any problems not listed on this page or think we are not
          meeting accessibility requirements, contact the help team using the details above. Tell us the web address of the page and what went wrong.
        </p>

        <h2>Enforcement procedure</h2>
        <p>
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
          Accessibility Regulations 2018 (the &quot;accessibility regulations&quot;). If you are not happy with how we respond to your complaint,{" "}
          <a href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support Service (EASS)</a>.
        </p>

        <h2>Technical information about this service&apos;s accessibility</h2>
        <p>
          {operator} is committed to making its service accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
          Accessibility Regulations 2018.
        </p>

        <h3>Compliance status</h3>
        <p>
          This service is partially compliant with the <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA
          standard, due to the non-compliances listed below.
        </p>

        <h2>Non-accessible content</h2>
        <p>The content listed below is non-accessible for the following reasons.</p>
        <h3>Non-compliance with the accessibility regulations</h3>
        <p>
          The PDF printouts of agreements and skills passports are not tagged: headings and tables are not marked up for assistive technology. This
          fails WCAG 2.2 success criterion 1.3.1 (Info and relationships). Everything in a printout is also shown on the agreement&apos;s or care
          worker&apos;s page in the service, which is accessible. We plan to tag the printouts when the software we use to make them supports it.
        </p>

        <h2>What we are doing to improve accessibility</h2>
        <p>
          Every page of the service is checked automatically for accessibility problems, on a computer screen and on a phone-sized screen, each time the
          service is changed. We also check pages by hand with a keyboard and a screen reader.
        </p>

        <h2>Preparation of this accessibility statement</h2>
        <p>
          This statement was prepared on {formatDate(STATEMENT.prepared)}. The service was last tested on {formatDate(STATEMENT.tested)} by the team that
          builds it, with automated checks (axe) of every page at 1280 and 375 pixels wide and manual checks with a keyboard.
        </p>
        <p>
          <Link to="/help">Help and contact</Link>
        </p>
      </div>
    </div>
  );
}
