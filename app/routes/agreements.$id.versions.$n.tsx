import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { InsetText, Table } from "nhsuk-react-components";
import { SignedContent } from "~/components/agreement/SignedContent";
import { PageHeading } from "~/components/nhs/PageHeading";
import { agreementPageTitle } from "~/content/titles";
import { partyRoleLabel } from "~/domain/agreement";
import { formatDateTime } from "~/domain/dates";
import { printoutStatus, printoutWords } from "~/domain/printout";
import { VersionChanges } from "~/components/agreement/VersionChanges";
import { CONSENT_KIND_LABELS, REPRESENTATIVE_AUTHORITY_LABELS } from "~/content/agreements";
import { versionChanges } from "~/domain/agreement-changes";
import { versionContentOf } from "~/models/agreement-content.server";
import { versionOf } from "~/models/agreement-access.server";
import { loadAgreementPage } from "~/web/agreement-page.server";
import { requireId } from "~/web/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  agreementPageTitle(data?.reference, data ? `Version ${data.version.version}` : "Agreement version", matches);

/** Every version stays readable, exactly as it was signed (or drafted), with why it was made and what changed. */
export async function loader(args: LoaderFunctionArgs) {
  const { view } = await loadAgreementPage(args, { version: requireId(args.params.n) });
  const { db } = args.context;
  const content = await versionContentOf(db, view.agreement, view.version);
  // The previous version, only when this reader may open it too (a care worker opens only the versions naming them).
  const previousVersion = view.version.version > 1 && view.versions.some((x) => x.version === view.version.version - 1) ? await versionOf(db, view.agreement.id, view.version.version - 1) : null;
  const changes = previousVersion
    ? versionChanges(await versionContentOf(db, view.agreement, previousVersion), content, {
        consentKind: (k) => CONSENT_KIND_LABELS[k],
        authority: (a) => REPRESENTATIVE_AUTHORITY_LABELS[a],
      })
    : null;
  // The same words a printout of this version carries today (docs/domain.md rule 11).
  const status = printoutStatus({ agreement: view.agreement, version: view.version, today: args.context.clock.today() });
  // A sent version reads from its frozen content (the one reader), exactly as it was signed.
  return {
    words: printoutWords(status, view.version.version),
    id: view.agreement.id,
    reference: view.agreement.reference,
    version: view.version,
    content,
    changes,
    signed: view.version.state === "signed" || view.version.state === "superseded",
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
      {v.changeReason ? (
        <>
          <h2>Reason for the change</h2>
          <p className="dc-pre-line">{v.changeReason}</p>
        </>
      ) : null}
      {d.changes ? (
        <>
          <h2>What changed from version {v.version - 1}</h2>
          <VersionChanges changes={d.changes} previous={v.version - 1} />
        </>
      ) : null}
      <p>
        <a href={`/agreements/${d.id}/pdf?version=${v.version}`}>
          {d.signed
            ? `Print version ${v.version} (PDF)`
            : v.state === "withdrawn"
              ? `Print version ${v.version} (PDF, withdrawn before it was signed)`
              : `Print version ${v.version} for discussion (PDF, not signed)`}
        </a>
      </p>
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
