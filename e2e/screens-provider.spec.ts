/** The pages a provider's manager and a care worker see. At 1280 and 375 px, with axe: see e2e/support/screens.ts. */
import { screensOf } from "./support/screens";

screensOf("manager");
screensOf("worker");
