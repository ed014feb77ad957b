import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { InsetText, Table } from "nhsuk-react-components";
import { SignedContent } from "~/components/agreement/SignedContent";
import { PageHeading } from "~/components/nhs/PageHeading";
import { pageTitle } from "~/content/titles";
import { partyRoleLabel } from "~/domain/agreement";
import { formatDateTime } from "~/domain/dates";
import { printoutStatus, printoutWords } from "~/domain/printout";
import { versionContentOf } from "~/models/agreement-content.server";
import { loadAgreementPage } from "~/services/agreement-page.server";
import { requireId } from "~/services/params.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data ? `${data.reference}, version ${data.version.version}` : "Agreement version", matches);

/** Every version stays readable, exactly as it was signed (or drafted). */
export async function loader(args: LoaderFunctionArgs) {
  const { view } = await loadAgreementPage(args, { version: requireId(args.params.n) });
  // The same words a printout of this version carries today (docs/domain.md rule 11).
  const status = printoutStatus({ agreement: view.agreement, version: view.version, today: args.context.clock.today() });
  // A sent version reads from its frozen content (the one reader), exactly as it was signed.
  return {
    words: printoutWords(status, view.version.version),
    id: view.agreement.id,
    reference: view.agreement.reference,
    version: view.version,
    content: versionContentOf(args.context.db, view.agreement, view.version),
    signatures: view.signatures.map((s) => s.signature),
  };
}

export default function Version() {
  const d = useLoaderData<typeof loader>();
  const v = d.version;
  return (
    <>
      <PageHeading title={`Version ${v.version}`} caption={d.reference} back={{ to: `/agreements/${d.id}`, label: "Back to the agreement" }} />
      <InsetText>
        <p>
          {d.words.label}: {d.words.sentence}
          {v.frozenAt ? ` Sent for signatures ${formatDateTime(v.frozenAt)}.` : ""}
        </p>
        {v.contentHash ? (
          <p className="nhsuk-body-s">
            Content fingerprint (SHA-256): <code>{v.contentHash}</code>
            <br />
            Verification code: <strong>{v.verificationCode}</strong>
          </p>
        ) : null}
      </InsetText>
      <SignedContent content={d.content} />
      <h2>Signatures</h2>
      {d.signatures.length ? (
        <Table caption={`Signatures on version ${v.version}`} responsive>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Party</Table.Cell>
              <Table.Cell>Signed by</Table.Cell>
              <Table.Cell>When and how</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.signatures.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>{partyRoleLabel(s.party)}</Table.Cell>
                <Table.Cell>{s.signerName}</Table.Cell>
                <Table.Cell>
                  {formatDateTime(s.signedAt)}, {s.method === "in_app" ? "in the app" : "on paper"}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <p>No signatures on this version.</p>
      )}
    </>
  );
}
