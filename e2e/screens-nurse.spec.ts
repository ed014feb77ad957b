/** The pages a nurse sees other than agreements (those: e2e/screens-nurse-agreements.spec.ts). At 1280 and 375 px, with axe: see e2e/support/screens.ts. */
import { screensOf } from "./support/screens";

screensOf("nurse", (v) => !v.path.startsWith("/agreements"), " other than agreements");
