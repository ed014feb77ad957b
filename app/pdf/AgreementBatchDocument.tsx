import { Document, Page, Text, View } from "@react-pdf/renderer";
import { AgreementPages } from "./AgreementDocument";
import { styles } from "./styles";
import type { AgreementBatchPdfData } from "./types";

/**
 * Every active agreement of a provider in one PDF, for one print job: a contents page, then each
 * agreement exactly as printed on its own (AgreementPages), starting on a new sheet with its own
 * "page x of y", verification code and status on the day (docs/domain.md rule 11).
 */
export function AgreementBatchDocument({ data, qrs }: { data: AgreementBatchPdfData; qrs: (boolean[][] | null)[] }) {
  return (
    <Document title={`Active delegation agreements, ${data.providerName}, ${data.printedOn}`} author="Delegated Care" subject="Delegation agreements" language="en-GB">
      <Page size="A4" style={styles.page}>
        <View style={styles.header} fixed>
          <Text style={styles.headerTitle}>NHS Delegated Care: active delegation agreements</Text>
          <Text style={styles.headerRef}>{data.providerName}</Text>
        </View>
        <View style={styles.footerRule} fixed />
        <Text style={styles.footerText} fixed>
          {`Contents, printed ${data.printedOn}. Each agreement that follows has its own page numbers and verification code.`}
        </Text>
        <Text style={styles.footerPage} fixed render={({ subPageNumber, subPageTotalPages }) => `Contents ${subPageNumber} of ${subPageTotalPages}`} />
        <Text style={styles.title}>Active delegation agreements</Text>
        <Text style={styles.subtitle}>
          {data.providerName}. Printed {data.printedOn}. {data.agreements.length} agreement{data.agreements.length === 1 ? "" : "s"}, {data.order}.
        </Text>
        <View style={styles.table}>
          <View style={styles.tr} fixed>
            <Text style={[styles.th, { width: "8%" }]}>No.</Text>
            <Text style={[styles.th, { width: "27%" }]}>Reference</Text>
            <Text style={[styles.th, { width: "30%" }]}>Person</Text>
            <Text style={[styles.th, { width: "35%" }]}>Status on the day printed</Text>
          </View>
          {data.agreements.map(({ printout: a, statusOnTheDay }, i) => (
            <View key={a.reference} style={styles.tr} wrap={false}>
              <Text style={[styles.td, { width: "8%" }]}>{i + 1}</Text>
              <Text style={[styles.td, { width: "27%" }]}>{`${a.reference}, version ${a.version}`}</Text>
              <Text style={[styles.td, { width: "30%" }]}>{a.person.name}</Text>
              <Text style={[styles.td, { width: "35%" }]}>{statusOnTheDay}</Text>
            </View>
          ))}
        </View>
        {data.agreements.length ? null : <Text style={styles.para}>There are no active agreements to print.</Text>}
      </Page>
      {data.agreements.map(({ printout }, i) => (
        <AgreementPages key={printout.reference} data={printout} qr={qrs[i] ?? null} />
      ))}
    </Document>
  );
}
