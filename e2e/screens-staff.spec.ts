/** The pages an administrator and a facilitator see. At 1280 and 375 px, with axe: see e2e/support/screens.ts. */
import { screensOf } from "./support/screens";

screensOf("admin");
screensOf("facilitator");
