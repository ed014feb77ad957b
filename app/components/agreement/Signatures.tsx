import { Table } from "nhsuk-react-components";
import { formatDateTime } from "~/domain/dates";
import type { SignatureMethod } from "~/domain/enums";

type PartySignature = {
  party: string;
  role: string;
  name: string;
  signature: { signature: { method: SignatureMethod; signerName: string; signedAt: string }; recordedByName: string | null } | null;
};

/** The signatures on a version: its fingerprint and verification code once sent, and each party, signed or not. */
export function Signatures({ version: v, parties }: { version: { version: number; contentHash: string | null; verificationCode: string | null }; parties: PartySignature[] }) {
  return (
    <>
      <h2>Signatures on version {v.version}</h2>
      {v.contentHash ? (
        <p className="nhsuk-body-s">
          Content fingerprint (SHA-256): <code>{v.contentHash.slice(0, 16)}…</code> Verification code: <strong>{v.verificationCode}</strong>
        </p>
      ) : (
        <p>Signatures are collected once the agreement is sent.</p>
      )}
      <Table caption={`Parties to version ${v.version}`} responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Party</Table.Cell>
            <Table.Cell>Name</Table.Cell>
            <Table.Cell>Signature</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {parties.map((p) => (
            <Table.Row key={p.party}>
              <Table.Cell>{p.role}</Table.Cell>
              <Table.Cell>{p.name}</Table.Cell>
              <Table.Cell>
                {p.signature
                  ? `Signed ${p.signature.signature.method === "in_app" ? "in the app" : "on paper"} by ${p.signature.signature.signerName}, ${formatDateTime(p.signature.signature.signedAt)}${p.signature.recordedByName ? ` (recorded by ${p.signature.recordedByName})` : ""}`
                  : "Not signed"}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
