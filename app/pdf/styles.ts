import { StyleSheet } from "@react-pdf/renderer";
import { FONT } from "./fonts";

/** NHS identity colours; sizes chosen to read at arm's length on A4. */
export const NHS_BLUE = "#005eb8";
export const NHS_DARK = "#212b32";
export const NHS_GREY = "#4c6272";
export const NHS_RED = "#d5281b";
export const NHS_PALE = "#f0f4f5";

/**
 * The body text size. Every style with a lineHeight names its fontSize too: react-pdf works out a
 * unitless lineHeight from the style's own fontSize, taking 18 when it is only inherited, which
 * spaced body lines twice as far apart as they should be.
 */
const BODY = 11;

export const styles = StyleSheet.create({
  page: { fontFamily: FONT, fontSize: BODY, color: NHS_DARK, paddingTop: 64, paddingBottom: 72, paddingHorizontal: 44 },
  header: { position: "absolute", top: 0, left: 0, right: 0, height: 40, backgroundColor: NHS_BLUE, color: "#ffffff", flexDirection: "row", justifyContent: "space-between", alignItems: "center", paddingHorizontal: 44 },
  headerTitle: { fontSize: 12, fontWeight: 700, flexShrink: 0 },
  // A running head: the title (with the full name or reference) is on the first page.
  headerRef: { fontSize: 12, flexGrow: 1, flexShrink: 1, flexBasis: 0, marginLeft: 12, textAlign: "right", maxLines: 1, textOverflow: "ellipsis" },
  footerRule: { position: "absolute", bottom: 66, left: 44, right: 44, borderTopWidth: 1, borderTopColor: "#aeb7bd" },
  footerText: { position: "absolute", bottom: 20, left: 44, right: 150, fontSize: 9, color: NHS_GREY },
  footerPage: { position: "absolute", bottom: 20, right: 44, width: 100, textAlign: "right", fontSize: 9, color: NHS_GREY },
  watermark: { position: "absolute", top: 330, left: 20, right: 20, textAlign: "center", fontSize: 46, fontWeight: 700, color: NHS_RED, opacity: 0.18, transform: "rotate(-30deg)" },
  statusLine: { fontSize: 10, borderLeftWidth: 4, borderLeftColor: NHS_BLUE, paddingLeft: 6, paddingVertical: 2, marginBottom: 10, lineHeight: 1.3 },
  statusLineWarning: { borderLeftColor: NHS_RED, fontWeight: 700 },
  title: { fontSize: 22, fontWeight: 700, marginBottom: 6, lineHeight: 1.2 },
  subtitle: { fontSize: 12, color: NHS_GREY, marginBottom: 14 },
  draftBanner: { borderWidth: 2, borderColor: NHS_RED, color: NHS_RED, padding: 8, marginBottom: 12, fontWeight: 700, fontSize: 12 },
  // Space above a heading rather than below a section: a bottom margin that crosses the page foot made react-pdf move the whole section over, leaving its heading behind.
  section: {},
  h2: { fontSize: 15, fontWeight: 700, color: NHS_BLUE, marginBottom: 6, marginTop: 18 },
  h3: { fontSize: 12.5, fontWeight: 700, marginBottom: 4, marginTop: 10 },
  row: { flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: "#d8dde0", paddingVertical: 3 },
  key: { width: "32%", fontSize: BODY, fontWeight: 700, paddingRight: 8, lineHeight: 1.35 },
  value: { width: "68%", fontSize: BODY, lineHeight: 1.35 },
  table: { borderWidth: 0.75, borderColor: "#aeb7bd", marginTop: 4 },
  tr: { flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: "#aeb7bd" },
  th: { fontWeight: 700, backgroundColor: NHS_PALE, padding: 4 },
  td: { padding: 4, fontSize: BODY, lineHeight: 1.3 },
  para: { marginBottom: 5, fontSize: BODY, lineHeight: 1.35 },
  small: { fontSize: 9, color: NHS_GREY },
  signatureLine: { borderBottomWidth: 1, borderBottomColor: NHS_DARK, height: 22, marginTop: 4, marginBottom: 2 },
  signatureBlock: { marginBottom: 10, paddingBottom: 4 },
  verify: { flexDirection: "row", alignItems: "center", marginTop: 10, padding: 8, backgroundColor: NHS_PALE },
});
