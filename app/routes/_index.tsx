import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card } from "nhsuk-react-components";
import { pageTitle } from "~/content/titles";
import { NAVIGATION } from "~/content/navigation";
import { PassportTable } from "~/components/Passport";
import { listWorkerCompetencies } from "~/models/competencies.server";
import { homeCounts } from "~/models/home.server";
import { getSettings } from "~/models/settings.server";
import { requireActor } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Home", matches);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  return {
    name: actor.name,
    role: actor.role,
    organisationName: actor.organisationName,
    counts: homeCounts(context.db, actor),
    links: NAVIGATION[actor.role].filter((l) => l.href !== "/"),
    workerId: actor.workerId,
    passport:
      actor.role === "care_worker" && actor.workerId
        ? listWorkerCompetencies(context.db, { actor, workerId: actor.workerId, today: context.clock.today(), warningDays: getSettings(context.db).competencyWarningDays })
        : null,
  };
}

const INTRO: Record<string, string> = {
  admin: "Manage organisations, users, the task catalogue and settings for the whole region.",
  nurse: "Delegate tasks to named care workers, keep agreements signed and reviewed, and sign off competency.",
  facilitator: "Train care workers, observe their practice and sign off their competency.",
  provider_manager: "Keep your care workers' competencies current and sign and print your delegation agreements.",
  care_worker: "Your skills passport and the agreements that name you.",
};

export default function Home() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">{data.organisationName || "Delegated Care"}</span>
        Welcome, {data.name}
      </h1>
      <p className="nhsuk-lede-text">{INTRO[data.role]}</p>
      {data.counts.length ? (
        <ul className="nhsuk-grid-row nhsuk-card-group">
          {data.counts.map((c) => (
            <li className="nhsuk-grid-column-one-third nhsuk-card-group__item" key={c.label}>
              <Card clickable>
                <Card.Heading headingLevel="h2" className="nhsuk-heading-m">
                  <Card.Link asElement={Link} to={c.href} href={c.href}>
                    {c.label}
                  </Card.Link>
                </Card.Heading>
                <Card.Description className="nhsuk-heading-xl nhsuk-u-margin-bottom-0">{c.value}</Card.Description>
              </Card>
            </li>
          ))}
        </ul>
      ) : null}
      {data.passport ? (
        <>
          <h2>Your skills passport</h2>
          <p>Carry out a task only while your competency in it shows Competent or Expiring. Ask your manager about anything else.</p>
          <p>
            <a href={`/workers/${data.workerId}/passport.pdf`}>Print your skills passport (PDF)</a>
          </p>
          <PassportTable entries={data.passport} caption="Your competencies" />
        </>
      ) : null}
      <h2>Go to</h2>
      <ul className="nhsuk-list">
        {data.links.map((l) => (
          <li key={l.href}>
            <Link to={l.href}>{l.label}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
