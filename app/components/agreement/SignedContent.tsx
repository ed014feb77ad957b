import { Link } from "@remix-run/react";
import { Summary } from "../nhs/Summary";
import { written } from "./TaskSpecifics";
import { consentSentence } from "~/content/agreements";
import type { VersionContent } from "~/domain/agreement-content";
import { formatDate } from "~/domain/dates";
import { formatNhsNumber } from "~/domain/nhs-number";

/** Where each section is changed, for "Check and send" (check your answers): each row links to its form. */
export type ChangeLinks = { tasks: string; task: Record<string, string>; workers: string; details: string; consent: string };

/**
 * Every field of a version's content, as the parties sign it (docs/domain.md rule 6): nothing
 * left out, nothing added. Reads only the content from the one reader (versionContentOf). With
 * `change`, each row has its "Change" link and each section an id the error summary links to.
 */
export function SignedContent({ content, change }: { content: VersionContent; change?: ChangeLinks }) {
  const at = (id: string, href: string | undefined) => (change ? { id, change: href } : {});
  return (
    <>
      <h2 className="nhsuk-heading-m">Parties</h2>
      <Summary
        rows={[
          ["Person receiving care", content.person.name],
          ["NHS number", formatNhsNumber(content.person.nhsNumber)],
          ["Date of birth", formatDate(content.person.dateOfBirth)],
          ["Consent", content.consent ? consentSentence(content.consent) : content.consent === null ? "Not recorded" : "Not part of this version", at("consent", change?.consent)],
          ["NHS team", `${content.team.name}${content.team.odsCode ? ` (ODS code ${content.team.odsCode})` : ""}`],
          ["Delegating nurse", `${content.delegator.name}${content.delegator.nmcPin ? ` (NMC PIN ${content.delegator.nmcPin})` : ""}`],
          ["Care provider", `${content.provider.name}${content.provider.cqcLocationId ? ` (CQC location ID ${content.provider.cqcLocationId})` : ""}`],
        ]}
      />
      {change ? (
        <p id="tasks">
          <Link to={change.tasks}>Change the tasks</Link>
        </p>
      ) : null}
      {content.tasks.map((t) => (
        <div key={t.code}>
          <h2 className="nhsuk-heading-m" id={change ? `task-${t.code}` : undefined}>
            {t.name}
          </h2>
          <Summary
            rows={[
              ["Task code", t.code],
              ["In scope", written(t.inScope)],
              ["Excluded", written(t.excluded)],
              ["Instructions", written(t.instructions), { change: change?.task[t.code] }],
              ["Care-plan reference", written(t.carePlanReference), { change: change?.task[t.code] }],
              ["Device or product", written(t.deviceOrProduct), { change: change?.task[t.code] }],
              ["Parameters", written(t.parameters), { change: change?.task[t.code] }],
              ["Must not do", written(t.mustNotDo), { change: change?.task[t.code] }],
              ["Escalation plan", written(t.escalationPlan), { change: change?.task[t.code] }],
            ]}
          />
        </div>
      ))}
      <h2 className="nhsuk-heading-m">Named care workers, supervision and review</h2>
      <Summary
        rows={[
          [
            "Named care workers",
            <ul key="w" className="nhsuk-list">
              {content.workers.map((w) => (
                <li key={w.id}>
                  {w.name}
                  {w.jobTitle ? `, ${w.jobTitle}` : ""}
                </li>
              ))}
            </ul>,
            at("workers", change?.workers),
          ],
          ["Start date", formatDate(content.startDate), at("details", change?.details)],
          ["Review date", formatDate(content.reviewDate), { change: change?.details }],
          ["Supervision and support", written(content.supervisionArrangements), { change: change?.details }],
          ["What triggers an earlier review", written(content.earlyReviewTriggers), { change: change?.details }],
        ]}
      />
    </>
  );
}
