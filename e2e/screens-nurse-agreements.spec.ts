/** The pages a nurse sees of agreements (the rest: e2e/screens-nurse.spec.ts). At 1280 and 375 px, with axe: see e2e/support/screens.ts. */
import { screensOf } from "./support/screens";

screensOf("nurse", (v) => v.path.startsWith("/agreements"), " of agreements");
