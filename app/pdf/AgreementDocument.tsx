import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { styles } from "./styles";
import { VerificationBox } from "./VerificationBox";
import type { AgreementPdfData } from "./types";

function SignatureBlock({ signature: s }: { signature: AgreementPdfData["signatures"][number] }) {
  return (
    <View style={styles.signatureBlock} wrap={false}>
      <Text style={{ fontWeight: 700 }}>
        {s.role}: {s.name}
      </Text>
      {s.signed ? (
        <Text>{s.signed}</Text>
      ) : (
        <>
          <View style={styles.signatureLine} />
          <Text style={styles.small}>Signature, name and date</Text>
        </>
      )}
    </View>
  );
}

function Row({ k, v }: { k: string; v: ReactNode }) {
  return (
    <View style={styles.row} wrap={false}>
      <Text style={styles.key}>{k}</Text>
      <Text style={styles.value}>{v === "" || v === null || v === undefined ? "Not recorded" : v}</Text>
    </View>
  );
}

/**
 * A numbered section. Its heading is a sibling of the section's body, not its first child: react-pdf
 * keeps `minPresenceAhead` only for an element with something before it in the same parent, so
 * a heading first in its own View could be left alone at the foot of a page.
 */
function Section({ n, title, children, breakBefore }: { n: number; title: string; children: ReactNode; breakBefore?: boolean }) {
  return (
    <>
      <Text style={styles.h2} break={breakBefore} minPresenceAhead={80}>
        {n}. {title}
      </Text>
      <View style={styles.section}>{children}</View>
    </>
  );
}

/** A task's part of a section: its name as a heading kept with what follows (as Section's). */
function TaskPart({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <Text style={styles.h3} minPresenceAhead={40}>
        {name}
      </Text>
      <View>{children}</View>
    </>
  );
}

/** The printed delegation agreement: the eleven sections of the printed agreement (the last, its history), A4, page x of y on every page. */
export function AgreementDocument({ data, qr }: { data: AgreementPdfData; qr: boolean[][] | null }) {
  return (
    <Document title={`${data.reference} version ${data.version}`} author="Delegated Care" subject="Delegation agreement" language="en-GB">
      <AgreementPages data={data} qr={qr} />
    </Document>
  );
}

/**
 * One agreement's pages, on its own or in a batch (AgreementBatchDocument): one <Page> that
 * wraps onto as many sheets as it needs, so "page x of y" counts this agreement's sheets only
 * (react-pdf's sub-page numbers), and it always starts on a new sheet.
 */
export function AgreementPages({ data, qr }: { data: AgreementPdfData; qr: boolean[][] | null }) {
  const footer = `${data.reference}, Version ${data.version}, Printed ${data.printedOn}`;
  return (
      <Page size="A4" style={styles.page}>
        <View style={styles.header} fixed>
          <Text style={styles.headerTitle}>NHS Delegated Care: delegation agreement</Text>
          <Text style={styles.headerRef}>{data.reference}</Text>
        </View>
        <View style={styles.footerRule} fixed />
        <Text style={styles.footerText} fixed>
          {footer}
          {data.verificationCode ? `\nVerification code: ${data.verificationCode}${data.verifyUrl ? ` at ${data.verifyUrl}` : ""}` : `\n${data.unsignedMark}`}
        </Text>
        <Text style={styles.footerPage} fixed render={({ subPageNumber, subPageTotalPages }) => `Page ${subPageNumber} of ${subPageTotalPages}`} />
        {data.status.watermark ? (
          <Text style={styles.watermark} fixed>
            {data.status.watermark}
          </Text>
        ) : null}
        {/* docs/domain.md rule 11: the status on the day of printing, on every page (fixed, in the flow). */}
        <Text style={data.status.usable ? styles.statusLine : [styles.statusLine, styles.statusLineWarning]} fixed>
          {data.status.line}
        </Text>

        <Text style={styles.title}>Delegation agreement {data.reference}</Text>
        <Text style={styles.subtitle}>
          Version {data.version}. {data.versionNote}
        </Text>
        {data.status.banner ? <Text style={styles.draftBanner}>{data.status.banner}</Text> : null}

        <Section n={1} title="Parties and contacts">
          <Row k="NHS team" v={`${data.team.name} (ODS ${data.team.identifier})`} />
          <Row k="Team address" v={data.team.address} />
          <Row k="Team phone" v={data.team.phone} />
          <Row k="Delegating nurse" v={`${data.delegator.name}, NMC PIN ${data.delegator.nmcPin}`} />
          <Row k="Care provider" v={`${data.provider.name} (CQC location ${data.provider.identifier})`} />
          <Row k="Provider address" v={data.provider.address} />
          <Row k="Provider phone" v={data.provider.phone} />
          <Row k="Escalation in hours" v={data.team.escalationInHours} />
          <Row k="Escalation out of hours" v={data.team.escalationOutOfHours} />
          <Row k="Provider on call" v={data.provider.escalationOutOfHours} />
        </Section>

        <Section n={2} title="The person receiving care">
          <Row k="Name" v={data.person.name} />
          <Row k="NHS number" v={data.person.nhsNumber} />
          <Row k="Date of birth" v={data.person.dateOfBirth} />
          <Row k="Address" v={data.person.address} />
          <Row k="Consent" v={data.person.consent} />
          <Row k="Mental capacity" v={data.person.capacity} />
        </Section>

        <Section n={3} title="Tasks delegated">
          {data.tasks.map((t) => (
            <TaskPart key={t.name} name={t.name}>
              <Row k="In scope" v={t.inScope} />
              <Row k="Excluded" v={t.excluded} />
              <Row k="Device or product" v={t.deviceOrProduct} />
              <Row k="Parameters" v={t.parameters} />
              <Row k="Must not do" v={t.mustNotDo} />
            </TaskPart>
          ))}
        </Section>

        <Section n={4} title="Written procedure and care-plan reference">
          {data.tasks.map((t) => (
            <TaskPart key={t.name} name={t.name}>
              <Text style={styles.para}>{t.instructions || "As in the care plan."}</Text>
              <Text style={styles.small}>Care-plan reference: {t.carePlanReference || "not given"}</Text>
            </TaskPart>
          ))}
        </Section>

        <Section n={5} title="Escalation: when to call the nurse, the GP, 111 or 999">
          {data.tasks.map((t) => (
            <TaskPart key={t.name} name={t.name}>
              <Text style={styles.para}>{t.escalationPlan}</Text>
            </TaskPart>
          ))}
          <Text style={styles.para}>
            District nurses in hours: {data.team.escalationInHours || data.team.phone}. Out of hours: {data.team.escalationOutOfHours}. In an emergency
            call 999.
          </Text>
        </Section>

        <Section n={6} title="Named care workers and their competency">
          <View style={styles.table}>
            <View style={styles.tr} fixed>
              <Text style={[styles.th, { width: "30%" }]}>Care worker</Text>
              <Text style={[styles.th, { width: "30%" }]}>Task</Text>
              <Text style={[styles.th, { width: "20%" }]}>Signed off</Text>
              <Text style={[styles.th, { width: "20%" }]}>Expires</Text>
            </View>
            {data.workers.flatMap((w) =>
              (w.competencies.length ? w.competencies : [{ taskName: "No competency recorded", signedOffOn: "", expiresOn: "", status: "" }]).map((c, i) => (
                <View style={styles.tr} key={`${w.name}-${c.taskName}`} wrap={false}>
                  <Text style={[styles.td, { width: "30%" }]}>{i === 0 ? `${w.name}\n${w.jobTitle}` : ""}</Text>
                  <Text style={[styles.td, { width: "30%" }]}>{c.taskName}</Text>
                  <Text style={[styles.td, { width: "20%" }]}>{c.signedOffOn || "Not signed off"}</Text>
                  <Text style={[styles.td, { width: "20%" }]}>{c.expiresOn ? `${c.expiresOn}${c.status ? ` (${c.status})` : ""}` : c.status}</Text>
                </View>
              )),
            )}
          </View>
          <Text style={[styles.small, { marginTop: 4 }]}>
            A named worker may carry out a task only while their competency is current. Check the live record with the verification code.
          </Text>
        </Section>

        <Section n={7} title="Supervision and support">
          <Text style={styles.para}>{data.supervision || "As agreed with the delegating nurse."}</Text>
        </Section>

        <Section n={8} title="Review">
          <Row k="Start date" v={data.startDate} />
          <Row k="Review date" v={data.reviewDate} />
          <Row k="Earlier review if" v={data.earlyReviewTriggers} />
        </Section>

        <Section n={9} title="Accountability and insurance">
          {data.accountability.map((a) => (
            <Text key={a} style={styles.para}>
              {a}
            </Text>
          ))}
          <Text style={styles.para}>Insurance: {data.provider.insurance}</Text>
          <Text style={styles.para}>CQC regulated activities: {data.provider.regulatedActivities}</Text>
        </Section>

        <Section n={10} title="Signatures" breakBefore={data.signatures.length > 5}>
          {data.signatures.slice(0, -1).map((s) => (
            <SignatureBlock key={`${s.role}-${s.name}`} signature={s} />
          ))}
          {/* The verification box never stands alone on a page: it goes with the last signature. */}
          <View wrap={false}>
            {data.signatures.slice(-1).map((s) => (
              <SignatureBlock key={`${s.role}-${s.name}`} signature={s} />
            ))}
            <VerificationBox qr={qr} code={data.verificationCode} verifyUrl={data.verifyUrl} absent="none: not signed by every party" check="Check whether this printout may be used today at" />
          </View>
        </Section>

        <Section n={11} title="History of this agreement">
          {data.history.map((h) => (
            <View key={h.version} style={{ marginBottom: 4 }} wrap={false}>
              <Text>
                Version {h.version}: {h.note}.
              </Text>
              {h.reason ? <Text style={styles.small}>Reason for the change: {h.reason}</Text> : null}
            </View>
          ))}
        </Section>
        {data.concerns?.length ? (
          <Section n={12} title="Concerns recorded while this version was in force">
            {data.concerns.map((line) => (
              <Text key={line} style={styles.para}>
                {line}
              </Text>
            ))}
            <Text style={styles.small}>The details of each concern, and what was done, are kept in Delegated Care.</Text>
          </Section>
        ) : null}
      </Page>
  );
}
