import { first } from "~/models/transaction.server";
/**
 * Demo concerns, written through the same model functions the pages use (audit events and the
 * emails to the nurse and managers are real), dated before the moment the demo is written:
 * - open: Maria Santos, who signs in as worker@example.org, about Edith Clarke's insulin;
 * - closed with a follow-up: Brightside's manager about Edith's low blood glucose, followed by a
 *   review of the agreement (its review date unchanged) and closed by the nurse;
 * - closed with a follow-up: Brightside's manager about Chloe Barker's catheter care, followed by
 *   the suspension of that competency (already in the demo) and closed by the nurse;
 * - open, in the South team: about Doris Fielding's eye drops (out of the North users' scope).
 */
import { and, eq, isNull } from "drizzle-orm";
import { addDays } from "~/domain/dates";
import { recordReview } from "~/models/agreement-lifecycle.server";
import { closeConcern, latestReviewId, linkConcernFollowUp } from "~/models/concerns.server";
import { raiseConcern } from "~/models/concern-raising.server";
import { loadActor } from "~/models/users.server";
import type { Db } from "./client";
import { agreements, competencies } from "./tables";

type Refs = {
  today: string;
  now: Date;
  users: Record<string, number>;
  workers: Record<string, number>;
  tasks: Record<string, number>;
  agreements: Record<string, number>;
};

export async function seedConcerns(tx: Db, r: Refs) {
  const actor = async (id: number) => (await loadActor(tx, id))!;
  const at = (daysAgo: number, hour: number) => {
    const instant = new Date(`${addDays(r.today, -daysAgo)}T${String(hour).padStart(2, "0")}:00:00Z`);
    return instant > r.now ? new Date(r.now) : instant;
  };
  const day = (daysAgo: number) => addDays(r.today, -daysAgo);
  const publicUrl = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");

  const maria = await raiseConcern(tx, {
    actor: await actor(r.users.workerUser!),
    subject: { agreementId: r.agreements.edith! },
    input: {
      taskId: r.tasks["INS-PEN"]!,
      workerId: r.workers.maria!,
      occurredOn: day(1),
      whatHappened: "At the evening visit the pen needle was blocked and the first dose did not go in. I changed the needle, primed the pen and gave the dose 20 minutes late. I am not sure whether I should have given the full dose.",
      actionTaken: "Checked Edith's blood glucose (9.2 mmol/L) before and an hour after. Told the office.",
      harm: "none",
    },
    today: day(1),
    at: at(1, 19),
    publicUrl,
  });

  // Edith's low blood glucose: the manager records it, the nurse reviews the agreement from it (the review date stays as it was) and closes it.
  const hypo = await raiseConcern(tx, {
    actor: await actor(r.users.manager!),
    subject: { agreementId: r.agreements.edith! },
    input: {
      taskId: r.tasks["INS-PEN"]!,
      workerId: null,
      occurredOn: day(5),
      whatHappened: "Edith's blood glucose was 3.6 mmol/L before breakfast. She had eaten little the evening before.",
      actionTaken: "Insulin withheld as the care plan says; sugary drink and breakfast given; blood glucose 6.1 mmol/L after 15 minutes; district nurse phoned.",
      harm: "low",
    },
    today: day(5),
    at: at(5, 9),
    publicUrl,
  });
  const edith = (await first(tx.select({ reviewDate: agreements.reviewDate }).from(agreements).where(eq(agreements.id, r.agreements.edith!)).limit(1)))!;
  if (hypo) {
    await recordReview(tx, {
      actor: await actor(r.users.nurse!),
      agreementId: r.agreements.edith!,
      input: { reviewedOn: day(4), outcome: "continue", nextReviewDate: edith.reviewDate, notes: "Reviewed after concern: carers to offer supper and check blood glucose before the morning dose, as already in the care plan." },
      today: day(4),
      at: at(4, 11),
    });
    await linkConcernFollowUp(tx, { actor: await actor(r.users.nurse!), concernId: hypo.id, kind: "agreement_reviewed", reviewId: (await latestReviewId(tx, r.agreements.edith!))!, at: at(4, 11) });
    await closeConcern(tx, { actor: await actor(r.users.nurse!), id: hypo.id, outcome: "Agreement reviewed with Edith and the carers; no change to the dose. GP told.", at: at(4, 12) });
  }

  // Chloe's catheter care: the concern came first; the nurse suspended the competency the next day (db/seed.ts), then closed the concern.
  const chloe = await raiseConcern(tx, {
    actor: await actor(r.users.manager!),
    subject: { workerId: r.workers.chloe! },
    input: {
      taskId: r.tasks.CATH!,
      workerId: null,
      occurredOn: day(7),
      whatHappened: "A family member found the night bag had not been changed for two nights on Chloe's visits, as the care plan says it must be daily.",
      actionTaken: "Night bag changed by the senior carer the same evening; Chloe taken off catheter care visits until the nurse has spoken to her.",
      harm: "low",
    },
    today: day(6),
    at: at(6, 9),
    publicUrl,
  });
  const chloeCath = await first(tx
    .select({ id: competencies.id })
    .from(competencies)
    .where(and(eq(competencies.workerId, r.workers.chloe!), eq(competencies.taskId, r.tasks.CATH!), isNull(competencies.personId))).limit(1));
  if (chloe && chloeCath) {
    await linkConcernFollowUp(tx, { actor: await actor(r.users.nurse!), concernId: chloe.id, kind: "competency_suspended", competencyId: chloeCath.id, at: at(5, 10) });
    await closeConcern(tx, {
      actor: await actor(r.users.nurse!),
      id: chloe.id,
      outcome: "Spoke with Chloe and the manager. Catheter care suspended until she is reassessed; reassessment booked with the facilitator. The family has been told.",
      at: at(4, 15),
    });
  }

  const doris = await raiseConcern(tx, {
    actor: await actor(r.users.nurseSouth!),
    subject: { agreementId: r.agreements.doris! },
    input: {
      taskId: r.tasks.EYE!,
      workerId: null,
      occurredOn: day(2),
      whatHappened: "At my visit the eye drops in use were opened more than 4 weeks ago: they should have been thrown away.",
      actionTaken: "New bottle opened and dated. Asked the provider to check the other bottles in the house.",
      harm: "not_known",
    },
    today: day(2),
    at: at(2, 12),
    publicUrl,
  });
  return { maria: maria?.id ?? null, hypo: hypo?.id ?? null, chloe: chloe?.id ?? null, doris: doris?.id ?? null };
}
