import { Document, Page, Text, View } from "@react-pdf/renderer";
import { VerificationBox } from "./VerificationBox";
import { styles } from "./styles";
import type { PassportPdfData } from "./types";

/**
 * The worker's skills passport: every competency with status, sign-off and expiry, and a
 * verification code (on every page and in a box with its QR code) that anyone holding the
 * printout checks at /verify: what it said when printed, and whether each competency holds today.
 */
export function PassportDocument({ data, qr }: { data: PassportPdfData; qr: boolean[][] | null }) {
  return (
    <Document title={`Skills passport ${data.verificationCode}`} author="Delegated Care" language="en-GB">
      <Page size="A4" style={styles.page}>
        <View style={styles.header} fixed>
          <Text style={styles.headerTitle}>NHS Delegated Care: skills passport</Text>
          <Text style={styles.headerRef}>{data.workerName}</Text>
        </View>
        <Text style={styles.title}>Skills passport: {data.workerName}</Text>
        <Text style={styles.subtitle}>
          {data.jobTitle}, {data.providerName}. Care Certificate: {data.careCertificate}
        </Text>
        <View style={styles.table}>
          <View style={styles.tr} fixed>
            <Text style={[styles.th, { width: "34%" }]}>Task</Text>
            <Text style={[styles.th, { width: "16%" }]}>Status</Text>
            <Text style={[styles.th, { width: "32%" }]}>Signed off</Text>
            <Text style={[styles.th, { width: "18%" }]}>Expires</Text>
          </View>
          {data.competencies.map((c) => (
            <View style={styles.tr} key={`${c.taskName}-${c.personName ?? ""}`} wrap={false}>
              <Text style={[styles.td, { width: "34%" }]}>{c.personName ? `${c.taskName} (for ${c.personName})` : c.taskName}</Text>
              <Text style={[styles.td, { width: "16%", fontWeight: 700 }]}>{c.status}</Text>
              <Text style={[styles.td, { width: "32%" }]}>{c.signedOff}</Text>
              <Text style={[styles.td, { width: "18%" }]}>{c.expiresOn}</Text>
            </View>
          ))}
        </View>
        {data.competencies.length === 0 ? <Text style={styles.para}>No competencies recorded.</Text> : null}
        {/* The closing note and the verification box stay together: the box never stands alone on a page. */}
        <View wrap={false}>
          <Text style={[styles.small, { marginTop: 10 }]}>
            A care worker may carry out a delegated task only while the competency shows Competent or Expiring, and only as written in the
            signed agreement for that person.
          </Text>
          <VerificationBox qr={qr} code={data.verificationCode} verifyUrl={data.verifyUrl} absent="" check="Check what this passport said when it was printed, and whether each competency holds today, at" />
        </View>
        <View style={styles.footerRule} fixed />
        {/* The code first: a very long name or provider is cut short rather than run the footer up into the page. */}
        <Text style={[styles.footerText, { maxLines: 3, textOverflow: "ellipsis" }]} fixed>
          {`Verification code: ${data.verificationCode} at ${data.verifyUrl}\nSkills passport of ${data.workerName}, ${data.providerName}. Printed ${data.printedOn}`}
        </Text>
        <Text style={styles.footerPage} fixed render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
      </Page>
    </Document>
  );
}
