import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  Outlet,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { Container, Footer, Header, SkipLink } from "nhsuk-react-components";
import type { ReactNode } from "react";
import { SessionTimeout } from "~/components/SessionTimeout";
import { useNonce } from "~/components/nonce";
import { FOOTER_LINKS, NAVIGATION, NOTIFICATIONS_LINK } from "~/content/navigation";
import { unreadWords } from "~/content/notifications";
import { SERVICE_NAME, titleText } from "~/content/titles";
import { actionCountWords } from "~/domain/needs-action";
import { ROLE_LABELS } from "~/domain/roles";
import { headerCounts } from "~/models/home.server";
import { needsActionFor } from "~/web/needs-action.server";
import { getServiceDetails } from "~/models/service-details.server";
import { getSettings } from "~/models/settings.server";
import { pageScript } from "~/web/browser-assets.server";
import { getActor } from "~/web/session.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/nhsuk/nhsuk-frontend.min.css" },
  { rel: "stylesheet", href: "/app.css" },
  { rel: "icon", href: "/assets/images/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/assets/images/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: `${SERVICE_NAME} – NHS` }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = status === 404 ? "Page not found" : status === 403 ? "You cannot do this" : "Sorry, there is a problem with the service";
  return [{ title: titleText(title) }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await getActor(context, request);
  const settings = await getSettings(context.db);
  const service = await getServiceDetails(context.db);
  return {
    // Only what the footer shows of the operator (app/domain/service-details.ts), on every page, signed in or not.
    footer: service ? { operatorName: service.operatorName, helpPhone: service.helpPhone, helpEmail: service.helpEmail } : null,
    user: actor
      ? { name: actor.name, role: actor.role, roleLabel: ROLE_LABELS[actor.role], organisationName: actor.organisationName }
      : null,
    nav: actor ? NAVIGATION[actor.role] : [],
    // What waits for the user (Home) and what they have not read yet (Notifications), as counts for the header.
    counts: actor ? await headerCounts(context.db, { actor, today: context.clock.today(), settings, actions: await needsActionFor(context, actor) }) : null,
    formRejected: context.formRejected === true,
    /** Today in Europe/London by the server's clock: date fields give examples near it (app/content/forms.ts). */
    today: context.clock.today(),
    /** For the idle warning (SessionTimeout), only while signed in. */
    idleMinutes: actor ? settings.sessionIdleMinutes : null,
    /** The one script a page loads (docs/decisions/034-pages-without-react-in-the-browser.md). */
    script: pageScript(),
  };
}

/** A count beside a navigation link: the number shown, the words read out. */
function NavCount({ count, words }: { count: number; words: string }) {
  if (!count) return null;
  return (
    <>
      {" "}
      <span className="dc-nav-count" aria-hidden="true">
        {count}
      </span>
      <span className="nhsuk-u-visually-hidden"> ({words})</span>
    </>
  );
}

type RootData = Awaited<ReturnType<typeof loader>>;

function SiteHeader({ data }: { data: RootData | undefined }) {
  const location = useLocation();
  const user = data?.user;
  return (
    <Header service={{ text: SERVICE_NAME, href: "/" }}>
      {user ? (
        <Header.Account>
          <Header.AccountItem>
            {user.name}, {user.roleLabel}
            {user.organisationName ? `, ${user.organisationName}` : ""}
          </Header.AccountItem>
          <Header.AccountItem asElement={Link} to="/account/password" href="/account/password">
            Change your password
          </Header.AccountItem>
          <Header.AccountItem asElement={Link} to="/account/two-factor" href="/account/two-factor">
            Two-factor authentication
          </Header.AccountItem>
          <Header.AccountItem as="button" formProps={{ action: "/logout", method: "post" }}>
            Sign out
          </Header.AccountItem>
        </Header.Account>
      ) : null}
      {user ? (
        <Header.Navigation>
          <Header.NavigationItem asElement={Link} to="/" href="/" current={location.pathname === "/"}>
            Home
            {data.counts ? <NavCount count={data.counts.actions} words={actionCountWords(data.counts.actions)} /> : null}
          </Header.NavigationItem>
          {data.nav
            .filter((item) => item.href !== "/")
            .map((item) => (
              <Header.NavigationItem
                key={item.href}
                asElement={Link}
                to={item.href}
                href={item.href}
                current={location.pathname === item.href}
                active={location.pathname.startsWith(`${item.href}/`)}
              >
                {item.label}
                {item.href === NOTIFICATIONS_LINK.href && data.counts ? <NavCount count={data.counts.unread} words={unreadWords(data.counts.unread)} /> : null}
              </Header.NavigationItem>
            ))}
        </Header.Navigation>
      ) : null}
    </Header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#005eb8" />
        <Meta />
        <Links />
      </head>
      <body suppressHydrationWarning>
        <script src="/js/supported.js" />
        <SkipLink href="#maincontent">Skip to main content</SkipLink>
        <SiteHeader data={data} />
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent" role="main">
            {data?.idleMinutes ? <SessionTimeout idleMinutes={data.idleMinutes} /> : null}
            {children}
          </main>
        </div>
        <SiteFooter footer={data?.footer ?? null} />
        {/* No React in the browser: pages are the server's HTML, enhanced by one small script (decision 034). */}
        {data?.script ? <script type="module" src={data.script} nonce={nonce} /> : null}
      </body>
    </html>
  );
}

/** Help, the legal pages and printout checks on every page (signed in or not), and who runs the service. */
function SiteFooter({ footer }: { footer: RootData["footer"] | null }) {
  return (
    <Footer>
      <Footer.Meta>
        {FOOTER_LINKS.map((item) => (
          <Footer.ListItem key={item.href} href={item.href}>
            {item.label}
          </Footer.ListItem>
        ))}
        {footer ? (
          <p className="nhsuk-body-s">
            Need help with {SERVICE_NAME}? Call{" "}
            <a className="dc-nowrap" href={`tel:${footer.helpPhone.replace(/\s+/g, "")}`}>
              {footer.helpPhone}
            </a> or email{" "}
            <a href={`mailto:${footer.helpEmail}`}>{footer.helpEmail}</a>.
          </p>
        ) : null}
        <Footer.Copyright>{footer ? `\u00a9 ${footer.operatorName}` : ""}</Footer.Copyright>
      </Footer.Meta>
    </Footer>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  // What broke is in the server's log (app/entry.server.tsx); the page says it plainly.
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Page title="Page not found">
        <p>If you typed the web address, check it is correct.</p>
        <p>If you pasted the web address, check you copied the entire address.</p>
        <p>
          A record you are not allowed to see also shows this page. <Link to="/">Go to your home page</Link>.
        </p>
      </Page>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <Page title="You cannot do this">
        <p>Your role does not allow this action. If you think it should, contact your administrator.</p>
        <p>
          <Link to="/">Go to your home page</Link>
        </p>
      </Page>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 405) {
    return (
      <Page title="This page cannot be used that way">
        <p>
          <Link to="/">Go to your home page</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Sorry, there is a problem with the service">
      <p>Try again later.</p>
      <p>Nothing you entered was saved if you saw this page after pressing a button.</p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </Page>
  );
}

function Page({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container>
      <h1>{title}</h1>
      {children}
    </Container>
  );
}
