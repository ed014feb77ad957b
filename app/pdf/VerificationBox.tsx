import { Path, Svg, Text, View } from "@react-pdf/renderer";
import { styles } from "./styles";

/** A QR code as vector squares: `modules` is the square matrix of dark (true) cells. */
export function QrCode({ modules, size }: { modules: boolean[][]; size: number }) {
  const n = modules.length;
  let d = "";
  modules.forEach((row, y) => row.forEach((dark, x) => (dark ? (d += `M${x + 4} ${y + 4}h1v1h-1z`) : null)));
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${n + 8} ${n + 8}`}>
      <Path d={d} fill="#000000" />
    </Svg>
  );
}

/** The box with the verification code and its QR code (the address to check it at), on agreements and passports alike. */
export function VerificationBox({ qr, code, verifyUrl, absent, check }: { qr: boolean[][] | null; code: string | null; verifyUrl: string | null; absent: string; check: string }) {
  return (
    <View style={styles.verify} wrap={false}>
      {qr ? <QrCode modules={qr} size={72} /> : null}
      <View style={{ marginLeft: qr ? 12 : 0, flexGrow: 1, flexShrink: 1, flexBasis: 0 }}>
        <Text style={{ fontWeight: 700 }}>Verification code: {code ?? absent}</Text>
        {verifyUrl ? (
          <Text>
            {check} {verifyUrl}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

