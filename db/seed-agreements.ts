import { first } from "~/models/transaction.server";
/**
 * Demo agreements in every state, written through the same model functions the pages use (so
 * hashes, codes, signatures and audit events are real), at dates relative to today.
 */
import { asc, eq } from "drizzle-orm";
import { workerParty } from "~/domain/agreement";
import { addDays } from "~/domain/dates";
import { enforceInterlock } from "~/models/agreement-cover.server";
import { amendAgreement, endAgreement } from "~/models/agreement-lifecycle.server";
import { recordConsent } from "~/models/agreement-consent.server";
import { recordPaperSignature, signInApp } from "~/models/agreement-signing.server";
import { sendForSignatures } from "~/models/agreement-sending.server";
import { createAgreement } from "~/models/agreement-create.server";
import { setAgreementTasks, setNamedWorkers, updateAgreementDetails, updateTaskSpecifics } from "~/models/agreement-draft.server";
import { versionOf } from "~/models/agreement-access.server";
import { agreementPdfData, storePdf } from "~/models/agreement-pdf.server";
import { getSettings } from "~/models/settings.server";
import { loadActor } from "~/models/users.server";
import type { PdfJob } from "~/pdf/types";
import type { Db } from "./client";
import { agreements, users } from "./tables";
import { CATALOGUE } from "./seed-catalogue";

type Refs = {
  today: string;
  /** The instant the demo is written: no event is dated after it. */
  now: Date;
  users: Record<string, number>;
  workers: Record<string, number>;
  people: Record<string, number>;
  tasks: Record<string, number>;
};

const WARNING_DAYS = 90;

const SPECIFICS: Record<string, { instructions: string; deviceOrProduct: string; parameters: string; mustNotDo: string; carePlanReference: string }> = {
  "INS-PEN": {
    instructions: "Check blood glucose first. Give the prescribed dose of NovoRapid by FlexPen with breakfast and evening meal, as on the MAR chart.",
    deviceOrProduct: "NovoRapid FlexPen 100 units/ml; 4 mm pen needles",
    parameters: "Target blood glucose 6 to 12 mmol/L. Dose: 8 units breakfast, 6 units evening meal.",
    mustNotDo: "Do not change the dose. Do not give insulin if blood glucose is below 4 mmol/L or the meal is refused.",
    carePlanReference: "Care plan DN-INS-0412",
  },
  BGM: {
    instructions: "Test capillary blood glucose before breakfast and evening meal and record it on the chart.",
    deviceOrProduct: "Own meter (GlucoRx Nexus) and strips",
    parameters: "Call the district nurse below 4 or above 15 mmol/L.",
    mustNotDo: "Do not use another person's meter.",
    carePlanReference: "Care plan DN-BGM-0412",
  },
  CATH: {
    instructions: "Empty the leg bag when two-thirds full; change the night bag daily; daily meatal hygiene.",
    deviceOrProduct: "Long-term Foley catheter, 2-week leg bags",
    parameters: "Record urine output each visit.",
    mustNotDo: "Do not remove, insert or flush the catheter.",
    carePlanReference: "Care plan DN-CATH-0218",
  },
  PEG: {
    instructions: "Give the feed over 16 hours by pump from 6pm. Flush with 50 ml sterile water before and after the feed and each medicine.",
    deviceOrProduct: "Flocare Infinity pump; Nutrison Energy 1000 ml",
    parameters: "Rate 75 ml/hour.",
    mustNotDo: "Do not re-insert a dislodged tube. Do not give medicines through the tube.",
    carePlanReference: "Care plan DN-PEG-0103",
  },
  WOUND: {
    instructions: "Change the secondary dressing on the left shin every 3 days, as in the wound care plan.",
    deviceOrProduct: "Allevyn Gentle Border 10 x 10 cm",
    parameters: "Photograph the wound weekly for the district nurse.",
    mustNotDo: "Do not remove the primary dressing or clean the wound bed.",
    carePlanReference: "Wound care plan DN-WC-0877",
  },
  EYE: {
    instructions: "Instil one drop of latanoprost into each eye at 8pm.",
    deviceOrProduct: "Latanoprost 50 micrograms/ml eye drops",
    parameters: "Discard the bottle 4 weeks after opening.",
    mustNotDo: "Do not touch the eye with the dropper.",
    carePlanReference: "Care plan DN-EYE-0311",
  },
  COMP: {
    instructions: "Put on class 2 below-knee stockings each morning and take them off at bedtime; check the skin.",
    deviceOrProduct: "Activa class 2 below-knee hosiery",
    parameters: "",
    mustNotDo: "Do not apply over broken skin.",
    carePlanReference: "Care plan DN-COMP-0520",
  },
};

export async function seedAgreements(tx: Db, r: Refs) {
  const actor = async (id: number) => (await loadActor(tx, id))!;
  const at = (daysAgo: number, hour = 10) => {
    const instant = new Date(`${addDays(r.today, -daysAgo)}T${String(hour).padStart(2, "0")}:00:00Z`);
    return instant > r.now ? new Date(r.now) : instant;
  };
  const day = (daysAgo: number) => addDays(r.today, -daysAgo);
  const escalation = (code: string) => CATALOGUE.find((c) => c.code === code)!.escalationGuidance;

  type Draft = { nurse: number; person: number; tasks: string[]; workers: number[]; startDaysAgo: number; reviewDate?: string; draftedDaysAgo?: number; confirmDuplicate?: boolean };

  const draft = async (d: Draft) => {
    const nurse = await actor(d.nurse);
    // Drafted two days before it starts, or two days ago for a start still ahead: never after today.
    const draftedDaysAgo = d.draftedDaysAgo ?? Math.max(d.startDaysAgo + 2, 2);
    const drafted = at(draftedDaysAgo, 8);
    const id = await createAgreement(tx, { actor: nurse, personId: d.person, taskIds: d.tasks.map((c) => r.tasks[c]!), startDate: day(d.startDaysAgo), today: day(draftedDaysAgo), at: drafted, confirmDuplicate: d.confirmDuplicate });
    for (const code of d.tasks) {
      await updateTaskSpecifics(tx, { actor: nurse, agreementId: id, taskId: r.tasks[code]!, specifics: { ...SPECIFICS[code]!, escalationPlan: escalation(code) }, at: drafted });
    }
    if (d.workers.length) await setNamedWorkers(tx, { actor: nurse, agreementId: id, workerIds: d.workers, at: drafted });
    const version = (await versionOf(tx, id, 1))!;
    await updateAgreementDetails(tx, {
      actor: nurse,
      agreementId: id,
      details: {
        startDate: version.startDate,
        reviewDate: d.reviewDate ?? version.reviewDate,
        supervisionArrangements: "The district nurse visits fortnightly and reviews the charts; the facilitator is available by phone in working hours.",
        earlyReviewTriggers: "Any hospital admission, a change of medicine or dose, a concern about a named worker, or the person asking.",
      },
      today: day(draftedDaysAgo),
      at: drafted,
    });
    return id;
  };

  const consent = async (nurseId: number, id: number, daysAgo: number, kind: "person" | "representative" | "best_interests" = "person") =>
    await recordConsent(tx, {
      actor: await actor(nurseId),
      agreementId: id,
      input: {
        kind,
        representativeName: kind === "representative" ? "Susan Hollis (daughter)" : "",
        authority: kind === "representative" ? "lpa_health_welfare" : null,
        decisionDetails: kind === "best_interests" ? "Best-interests meeting with GP, daughter and district nurse; PEG feeding by trained carers is in her best interests." : "",
        givenOn: day(daysAgo),
        notes: "",
      },
      today: day(daysAgo),
      at: at(daysAgo, 9),
      warningDays: WARNING_DAYS,
    });

  const send = async (nurseId: number, id: number, daysAgo: number) =>
    await sendForSignatures(tx, { actor: await actor(nurseId), agreementId: id, today: day(daysAgo), at: at(daysAgo, 11), warningDays: WARNING_DAYS });

  const hash = async (id: number) => {
    const v = (await versionOf(tx, id, await currentVersion(id)))!;
    return v.contentHash!;
  };
  const currentVersion = async (id: number) => {
    let n = 1;
    while (await versionOf(tx, id, n + 1)) n++;
    return n;
  };

  const signApp = async (userId: number, id: number, party: "delegator" | "provider" | `worker:${number}`, daysAgo: number) =>
    await signInApp(tx, { actor: await actor(userId), agreementId: id, party, shownHash: await hash(id), today: day(daysAgo), at: at(daysAgo, 14), warningDays: WARNING_DAYS });

  const signPaper = async (recorderId: number, id: number, party: "person" | `worker:${number}`, signerName: string, daysAgo: number) =>
    await recordPaperSignature(tx, { actor: await actor(recorderId), agreementId: id, party, signerName, signedOn: day(daysAgo), shownHash: await hash(id), today: day(daysAgo), at: at(daysAgo, 15), warningDays: WARNING_DAYS });

  const { users: u, workers: w, people: p } = r;
  const wp = (id: number | undefined) => workerParty(id!) as `worker:${number}`;

  // Draft: started two days ago, not yet sent.
  const arthur = await draft({ nurse: u.nurse!, person: p.arthur!, tasks: ["BGM"], workers: [w.maria!], startDaysAgo: -7 });

  // Awaiting signatures for 10 days: only the delegator has signed.
  const winifred = await draft({ nurse: u.nurse!, person: p.winifred!, tasks: ["CATH"], workers: [w.maria!], startDaysAgo: 10 });
  await consent(u.nurse!, winifred, 11);
  await send(u.nurse!, winifred, 10);
  await signApp(u.nurse!, winifred, "delegator", 10);

  // Active: Edith's insulin and blood glucose, by Maria and James (James's BGM has since expired).
  const edith = await draft({ nurse: u.nurse!, person: p.edith!, tasks: ["INS-PEN", "BGM"], workers: [w.maria!, w.james!], startDaysAgo: 60 });
  await consent(u.nurse!, edith, 62);
  await send(u.nurse!, edith, 58);
  await signApp(u.nurse!, edith, "delegator", 58);
  await signApp(u.manager!, edith, "provider", 57);
  await signApp(u.workerUser!, edith, wp(w.maria), 57);
  await signPaper(u.manager!, edith, wp(w.james), "James Whitfield", 56);
  await signPaper(u.nurse!, edith, "person", "Edith Clarke", 55);

  // Active with the review due in 20 days: Ivy's PEG feeding (best-interests decision).
  const ivy = await draft({ nurse: u.nurse!, person: p.ivy!, tasks: ["PEG"], workers: [w.fatima!, w.liam!, w.zara!], startDaysAgo: 160, reviewDate: day(-20), draftedDaysAgo: 166 });
  await consent(u.nurse!, ivy, 165, "best_interests");
  await send(u.nurse!, ivy, 158);
  await signApp(u.nurse!, ivy, "delegator", 158);
  await signApp(u.manager3!, ivy, "provider", 157);
  await signPaper(u.manager3!, ivy, wp(w.fatima), "Fatima Noor", 157);
  await signPaper(u.manager3!, ivy, wp(w.liam), "Liam Hughes", 157);
  await signPaper(u.manager3!, ivy, wp(w.zara), "Zara Ahmed", 157);
  await signPaper(u.nurse!, ivy, "person", "Graham Thompson (son), witness to best-interests decision", 156);

  // Review overdue by 5 days: George's wound dressing.
  const george = await draft({ nurse: u.nurse!, person: p.george!, tasks: ["WOUND"], workers: [w.daniel!], startDaysAgo: 45, reviewDate: day(5) });
  await consent(u.nurse!, george, 46);
  await send(u.nurse!, george, 44);
  await signApp(u.nurse!, george, "delegator", 44);
  await signApp(u.manager2!, george, "provider", 43);
  await signPaper(u.manager2!, george, wp(w.daniel), "Daniel Mensah", 43);
  await signPaper(u.nurse!, george, "person", "George Whitaker", 42);

  // Will be suspended by the interlock when Sophie's catheter competency is revoked (see below).
  const margaret = await draft({ nurse: u.nurse!, person: p.margaret!, tasks: ["CATH"], workers: [w.sophie!], startDaysAgo: 150 });
  await consent(u.nurse!, margaret, 152, "representative");
  await send(u.nurse!, margaret, 149);
  await signApp(u.nurse!, margaret, "delegator", 149);
  await signApp(u.manager2!, margaret, "provider", 148);
  await signPaper(u.manager2!, margaret, wp(w.sophie), "Sophie Turner", 148);
  await signPaper(u.nurse!, margaret, "person", "Susan Hollis (daughter, LPA for health and welfare)", 147);

  // Ended two months ago: Raymond now tests his own blood glucose.
  const raymond = await draft({ nurse: u.nurseSouth!, person: p.raymond!, tasks: ["BGM"], workers: [w.zara!], startDaysAgo: 140 });
  await consent(u.nurseSouth!, raymond, 141);
  await send(u.nurseSouth!, raymond, 139);
  await signApp(u.nurseSouth!, raymond, "delegator", 139);
  await signApp(u.manager3!, raymond, "provider", 139);
  await signPaper(u.manager3!, raymond, wp(w.zara), "Zara Ahmed", 138);
  await signPaper(u.nurseSouth!, raymond, "person", "Raymond Price", 138);
  await endAgreement(tx, { actor: await actor(u.nurseSouth!), agreementId: raymond, reason: "Raymond now manages his own blood glucose monitoring.", at: at(60) });

  // Amended: Doris's eye drops (version 1), then compression hosiery added (version 2).
  const doris = await draft({ nurse: u.nurseSouth!, person: p.doris!, tasks: ["EYE"], workers: [w.peter!], startDaysAgo: 140 });
  await consent(u.nurseSouth!, doris, 141);
  await send(u.nurseSouth!, doris, 139);
  await signApp(u.nurseSouth!, doris, "delegator", 139);
  await signApp(u.manager4!, doris, "provider", 138);
  await signPaper(u.nurseSouth!, doris, wp(w.peter), "Peter Nowak", 138);
  await signPaper(u.nurseSouth!, doris, "person", "Doris Fielding", 138);
  await amendAgreement(tx, { actor: await actor(u.nurseSouth!), agreementId: doris, keepInForce: true, reason: "Doris's legs are swelling: compression hosiery added, to be put on each morning by Peter.", at: at(35) });
  await setAgreementTasks(tx, { actor: await actor(u.nurseSouth!), agreementId: doris, taskIds: [r.tasks.EYE!, r.tasks.COMP!], at: at(35) });
  await updateTaskSpecifics(tx, { actor: await actor(u.nurseSouth!), agreementId: doris, taskId: r.tasks.COMP!, specifics: { ...SPECIFICS.COMP!, escalationPlan: escalation("COMP") }, at: at(35) });
  await send(u.nurseSouth!, doris, 34);
  await signApp(u.nurseSouth!, doris, "delegator", 34);
  await signApp(u.manager4!, doris, "provider", 32);
  await signPaper(u.nurseSouth!, doris, wp(w.peter), "Peter Nowak", 32);
  await signPaper(u.nurseSouth!, doris, "person", "Doris Fielding", 31);

  // Signed by everyone, with consent, but not yet in force: Stanley's eye drops start in 7 days
  // (docs/domain.md rule 3). Nobody may carry them out before then.
  const stanley = await draft({ nurse: u.nurseSouth!, person: p.stanley!, tasks: ["EYE"], workers: [w.peter!], startDaysAgo: -7 });
  await consent(u.nurseSouth!, stanley, 3);
  await send(u.nurseSouth!, stanley, 3);
  await signApp(u.nurseSouth!, stanley, "delegator", 3);
  await signApp(u.manager4!, stanley, "provider", 2);
  await signPaper(u.nurseSouth!, stanley, wp(w.peter), "Peter Nowak", 2);
  await signPaper(u.nurseSouth!, stanley, "person", "Stanley Moore", 1);

  // Two live agreements for Harold's eye drops (docs/domain.md rule 10): the second was started, confirmed, while the first was in force.
  const haroldDrops = async (daysAgo: number, confirmDuplicate: boolean) => {
    const id = await draft({ nurse: u.nurseSouth!, person: p.harold!, tasks: ["EYE"], workers: [w.peter!], startDaysAgo: daysAgo, confirmDuplicate });
    await consent(u.nurseSouth!, id, daysAgo + 1);
    await send(u.nurseSouth!, id, daysAgo);
    await signApp(u.nurseSouth!, id, "delegator", daysAgo);
    await signApp(u.manager4!, id, "provider", daysAgo);
    await signPaper(u.nurseSouth!, id, wp(w.peter), "Peter Nowak", daysAgo);
    await signPaper(u.nurseSouth!, id, "person", "Harold Jenkins", daysAgo);
    return id;
  };
  const harold = await haroldDrops(90, false);
  const haroldAgain = await haroldDrops(20, true);

  // Written last, so the demo's earlier references stay as they were.
  // Sent yesterday and signed by nobody yet: waiting for the nurse, Brightside's manager and Maria
  // (each sees it under "Needs your action" and was told by email and in the app).
  const winifredBgm = await draft({ nurse: u.nurse!, person: p.winifred!, tasks: ["BGM"], workers: [w.maria!], startDaysAgo: -5, draftedDaysAgo: 2 });
  await consent(u.nurse!, winifredBgm, 2);
  await send(u.nurse!, winifredBgm, 1);

  // A draft with consent but no named care worker yet: the nurse's "Drafts you started".
  const winifredHosiery = await draft({ nurse: u.nurse!, person: p.winifred!, tasks: ["COMP"], workers: [], startDaysAgo: -14, draftedDaysAgo: 1 });
  await consent(u.nurse!, winifredHosiery, 1);

  // Awaiting signatures for 3 days, naming Nadia, who has no sign-in yet (issue 13; made last, so the references above stay as they were): invited, she signs in the app.
  const norman = await draft({ nurse: u.nurse!, person: p.norman!, tasks: ["BGM"], workers: [w.nadia!], startDaysAgo: 3 });
  await consent(u.nurse!, norman, 4);
  await send(u.nurse!, norman, 3);
  await signApp(u.nurse!, norman, "delegator", 3);

  return { arthur, winifred, winifredBgm, winifredHosiery, norman, edith, ivy, george, margaret, raymond, doris, stanley, harold, haroldAgain };
}

/** After the competency changes of the demo's past have happened, the interlock does its work. */
export async function seedInterlock(tx: Db, { today, daysAgo }: { today: string; daysAgo: number }) {
  const at = new Date(`${addDays(today, -daysAgo)}T16:00:00Z`);
  return await enforceInterlock(tx, { today: addDays(today, -daysAgo), at, warningDays: WARNING_DAYS });
}

/**
 * A printout of the demo's suspended agreement, made today by its provider's manager and kept
 * as the stored copy: it says "Suspended" on every page, and its verification code leads to a
 * verify page saying the same (docs/domain.md rule 11). Run once the PDF renderer exists.
 */
export async function seedDemoPrintout(
  db: Db,
  { today, at, publicUrl, render }: { today: string; at: Date; publicUrl: string; render: (job: PdfJob) => Promise<Uint8Array> },
) {
  const suspended = await first(db.select({ id: agreements.id }).from(agreements).where(eq(agreements.state, "suspended")).orderBy(asc(agreements.id)).limit(1));
  const manager = await first(db.select({ id: users.id }).from(users).where(eq(users.email, "manager2@example.org")).limit(1));
  if (!suspended || !manager) return null;
  const settings = await getSettings(db);
  const built = await agreementPdfData(db, {
    actor: (await loadActor(db, manager.id))!,
    id: suspended.id,
    today,
    at,
    publicUrl,
    reviewDueDays: settings.reviewDueDays,
    warningDays: settings.competencyWarningDays,
  });
  if (!built?.storable) return null;
  await storePdf(db, { versionId: built.versionId, printKey: built.printKey, printedOn: today, bytes: await render({ kind: "agreement", data: built.data }) });
  return { agreementId: suspended.id, versionId: built.versionId };
}
