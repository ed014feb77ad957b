/**
 * A skills passport printed 30 days ago: James Whitfield's, by Brightside's manager. His blood
 * glucose monitoring was expiring then and has expired since, so its code at /verify shows what
 * the printout said and that the competency no longer holds (docs/decisions/020). The code is
 * fixed so the README can name it; every passport printed after the demo starts gets a fresh one.
 */
import { addDays } from "~/domain/dates";
import { recordPassportPrint } from "~/models/passport-pdf.server";
import { getSettings } from "~/models/settings.server";
import { loadActor } from "~/models/users.server";
import type { Db } from "./client";

export const DEMO_PASSPORT_CODE = "PASS-PRT2";

export async function seedPassportPrint(tx: Db, { today, now, workers, manager }: { today: string; now: Date; workers: Record<string, number>; manager: number }) {
  return await recordPassportPrint(tx, {
    actor: (await loadActor(tx, manager))!,
    workerId: workers.james!,
    today: addDays(today, -30),
    at: new Date(now.getTime() - 30 * 86_400_000),
    warningDays: (await getSettings(tx)).competencyWarningDays,
    code: DEMO_PASSPORT_CODE,
  });
}
