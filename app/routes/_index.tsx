import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card } from "nhsuk-react-components";
import { AlertCounts, AlertsTable, ExpiryChart, shownAlert } from "~/components/Alerts";
import { PassportTable } from "~/components/Passport";
import { WorkerAgreements } from "~/components/WorkerAgreements";
import { listWorkerAgreements } from "~/models/agreements.server";
import { pageTitle } from "~/content/titles";
import { countAlerts } from "~/domain/alerts";
import { actionCountWords } from "~/domain/needs-action";
import { can } from "~/domain/roles";
import { expiryByMonth, listAlertsCached } from "~/models/alerts.server";
import { listWorkerCompetencies } from "~/models/competencies.server";
import { homeCounts } from "~/models/home.server";
import { needsActionFor } from "~/web/needs-action.server";
import { getSettings } from "~/models/settings.server";
import { requireActor } from "~/web/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Home", matches);

const SHOWN = 10;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context, request);
  const { db, clock } = context;
  const settings = await getSettings(db);
  const today = clock.today();
  const alerts = await listAlertsCached(db, { actor, today, settings });
  // The same answer the header counted for this request (worked out once).
  const actions = await needsActionFor(context, actor);
  return {
    actions,
    // Only a role that may open the alerts page is sent there (a care worker may not).
    alertsPage: can(actor.role, "read", "alert"),
    name: actor.name,
    role: actor.role,
    organisationName: actor.organisationName,
    counts: await homeCounts(db, actor),
    alerts: alerts.slice(0, SHOWN).map(shownAlert),
    alertCounts: countAlerts(alerts),
    // The expiry chart is about care workers' competencies: for those who see care workers.
    expiry: can(actor.role, "read", "worker") ? await expiryByMonth(db, { actor, today }) : null,
    workerId: actor.workerId,
    // Only a care worker signs in as a care worker record: their own passport and agreements.
    passport:
      actor.workerId
        ? await listWorkerCompetencies(db, { actor, workerId: actor.workerId, today, warningDays: settings.competencyWarningDays })
        : null,
    // A care worker's own agreements, so "what do I do next" is on the first page they see.
    myAgreements: actor.workerId ? await listWorkerAgreements(db, { actor, workerId: actor.workerId, today, reviewDueDays: settings.reviewDueDays }) : null,
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
  const more = data.alertCounts.total - data.alerts.length;
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">{data.organisationName || "Delegated Care"}</span>
        Welcome, {data.name}
      </h1>
      <p className="nhsuk-lede-text">{INTRO[data.role]}</p>

      <section aria-labelledby="needs-action">
        <h2 id="needs-action">Needs your action</h2>
        {data.actions.count === 0 ? (
          <p>{actionCountWords(0)}.</p>
        ) : (
          <>
            <p>{actionCountWords(data.actions.count)}:</p>
            {data.actions.groups.map((g) => (
              <div key={g.group}>
                <h3 className="nhsuk-heading-s">
                  {g.label} ({g.items.length})
                </h3>
                <ul className="nhsuk-list dc-action-list">
                  {g.items.map((item) => (
                    <li key={`${item.href}:${item.title}`}>
                      <Link to={item.href}>{item.title}</Link>
                      <br />
                      <span className="dc-muted">{item.detail}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </>
        )}
      </section>

      <h2>Alerts</h2>
      {data.alertCounts.total && data.alertsPage ? <AlertCounts counts={data.alertCounts} /> : null}
      {data.alerts.length ? (
        <AlertsTable alerts={data.alerts} caption={`The ${data.alerts.length} most urgent of ${data.alertCounts.total} alerts`} />
      ) : (
        <p>No alerts.</p>
      )}
      {more > 0 && data.alertsPage ? (
        <p>
          <Link to="/alerts">See all {data.alertCounts.total} alerts</Link>
        </p>
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

      {data.myAgreements ? (
        <WorkerAgreements
          agreements={data.myAgreements}
          heading="Agreements that name you"
          caption="Agreements that name you"
          note="Carry out a task only under an agreement in force for you. Open an agreement to read it or sign it."
          empty="No agreement names you yet. Your manager will tell you when one does."
        />
      ) : null}

      {data.expiry ? (
        <>
          <h2>Competencies expiring in the next 12 months</h2>
          <ExpiryChart months={data.expiry} />
        </>
      ) : null}

      {data.counts.length ? (
        <>
          <h2>At a glance</h2>
          <ul className="nhsuk-grid-row nhsuk-card-group">
            {data.counts.map((c) => (
              <li className="nhsuk-grid-column-one-third nhsuk-card-group__item" key={c.label}>
                <Card clickable>
                  <Card.Heading headingLevel="h3" className="nhsuk-heading-s">
                    <Card.Link asElement={Link} to={c.href} href={c.href}>
                      {c.label}
                    </Card.Link>
                  </Card.Heading>
                  <Card.Description className="nhsuk-heading-l nhsuk-u-margin-bottom-0">{c.value}</Card.Description>
                </Card>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
