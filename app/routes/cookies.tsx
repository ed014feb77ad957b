import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "nhsuk-react-components";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { getServiceDetails } from "~/models/service-details.server";
import { getSettings } from "~/models/settings.server";
import { PENDING_SIGN_IN_MINUTES } from "~/domain/two-factor";
import { COOKIE_NAME } from "~/web/session.server";
import { PENDING_SIGN_IN_COOKIE } from "~/content/single-sign-on";
import { PENDING_SIGN_IN_MINUTES as ORGANISATION_SIGN_IN_MINUTES } from "~/domain/single-sign-on";
import { PENDING_COOKIE_NAME } from "~/web/sign-in-finish.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Cookies", matches);

/** Public. The session lifetimes are the deployment's settings, so the page says what really happens. */
export async function loader({ context }: LoaderFunctionArgs) {
  const settings = await getSettings(context.db);
  return {
    cookieName: COOKIE_NAME,
    pendingCookieName: PENDING_COOKIE_NAME,
    idleMinutes: settings.sessionIdleMinutes,
    absoluteHours: settings.sessionAbsoluteHours,
    operatorName: (await getServiceDetails(context.db))?.operatorName ?? null,
  };
}

function duration(value: number, unit: "minute" | "hour"): string {
  return `${value} ${unit}${value === 1 ? "" : "s"}`;
}

export default function Cookies() {
  const { cookieName, pendingCookieName, idleMinutes, absoluteHours, operatorName } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading title="Cookies">
          <p className="nhsuk-lede-text">Delegated Care sets cookies only to sign you in and keep you signed in. It does not use cookies to measure or track you.</p>
        </PageHeading>
        <p>
          Cookies are small files saved on your phone, tablet or computer when you visit a website.
          {operatorName ? ` ${operatorName} runs this service and is responsible for its cookies.` : null}
        </p>

        <h2>The cookies we set</h2>
        <Table caption="Cookies set by Delegated Care" responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Name</Table.Cell>
              <Table.Cell>Purpose</Table.Cell>
              <Table.Cell>Expires</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            <Table.Row>
              <Table.Cell>{cookieName}</Table.Cell>
              <Table.Cell>Keeps you signed in as you move from page to page. It holds a random code, not your name or password.</Table.Cell>
              <Table.Cell>
                When you sign out or close your browser, after {duration(idleMinutes, "minute")} without using the service, or {duration(absoluteHours, "hour")}{" "}
                after signing in, whichever comes first
              </Table.Cell>
            </Table.Row>
            <Table.Row>
              <Table.Cell>{PENDING_SIGN_IN_COOKIE}</Table.Cell>
              <Table.Cell>
                Set only when you choose to sign in with your organisation's account: it makes sure the sign-in that comes back is the one this browser
                started. It holds a random code.
              </Table.Cell>
              <Table.Cell>When you come back signed in, or after {ORGANISATION_SIGN_IN_MINUTES} minutes</Table.Cell>
            </Table.Row>
            <Table.Row>
              <Table.Cell>{pendingCookieName}</Table.Cell>
              <Table.Cell>
                Only when you sign in with two-factor authentication: remembers, between your password and your security code, that this browser is
                signing in. It holds a random code, not your name or password.
              </Table.Cell>
              <Table.Cell>When you finish signing in, or after {duration(PENDING_SIGN_IN_MINUTES, "minute")}</Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
        <p>
          These cookies are strictly necessary: the service cannot work without them, so we do not ask for your consent to set them. If you block them in your
          browser, you will not be able to sign in. Visiting the public pages (this one, <Link to="/help">help</Link>, the{" "}
          <Link to="/privacy">privacy notice</Link>, the <Link to="/accessibility">accessibility statement</Link> and{" "}
          <Link to="/verify">checking a printed agreement</Link>) sets no cookie.
        </p>

        <h2>What we keep in your browser while you type</h2>
        <p>
          If your session ends while you are filling in a form, what you typed is kept in your browser tab (not in a cookie, and never sent anywhere) so
          it can be put back after you sign in again. It is removed when the form is sent, when you sign out, or when you close the tab.
        </p>

        <h2>No analytics or advertising cookies</h2>
        <p>We do not use Google Analytics or any other analytics, advertising or social media cookies, and no other website sets cookies through this service.</p>
      </div>
    </div>
  );
}
