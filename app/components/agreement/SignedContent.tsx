import { Summary } from "../nhs/Summary";
import { written } from "./TaskSpecifics";
import { consentSentence } from "~/content/agreements";
import type { VersionContent } from "~/domain/agreement-content";
import { formatDate } from "~/domain/dates";
import { formatNhsNumber } from "~/domain/nhs-number";

/**
 * Every field of a version's content, as the parties sign it (docs/domain.md rule 6): nothing
 * left out, nothing added. Reads only the content from the one reader (versionContentOf).
 */
export function SignedContent({ content }: { content: VersionContent }) {
  return (
    <>
      <h2 className="nhsuk-heading-m">Parties</h2>
      <Summary
        rows={[
          ["Person receiving care", content.person.name],
          ["NHS number", formatNhsNumber(content.person.nhsNumber)],
          ["Date of birth", formatDate(content.person.dateOfBirth)],
          ["Consent", content.consent ? consentSentence(content.consent) : content.consent === null ? "Not recorded" : "Not part of this version"],
          ["NHS team", `${content.team.name}${content.team.odsCode ? ` (ODS code ${content.team.odsCode})` : ""}`],
          ["Delegating nurse", `${content.delegator.name}${content.delegator.nmcPin ? ` (NMC PIN ${content.delegator.nmcPin})` : ""}`],
          ["Care provider", `${content.provider.name}${content.provider.cqcLocationId ? ` (CQC location ID ${content.provider.cqcLocationId})` : ""}`],
        ]}
      />
      {content.tasks.map((t) => (
        <div key={t.code}>
          <h2 className="nhsuk-heading-m">{t.name}</h2>
          <Summary
            rows={[
              ["Task code", t.code],
              ["In scope", written(t.inScope)],
              ["Excluded", written(t.excluded)],
              ["Instructions", written(t.instructions)],
              ["Care-plan reference", written(t.carePlanReference)],
              ["Device or product", written(t.deviceOrProduct)],
              ["Parameters", written(t.parameters)],
              ["Must not do", written(t.mustNotDo)],
              ["Escalation plan", written(t.escalationPlan)],
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
          ],
          ["Start date", formatDate(content.startDate)],
          ["Review date", formatDate(content.reviewDate)],
          ["Supervision and support", written(content.supervisionArrangements)],
          ["What triggers an earlier review", written(content.earlyReviewTriggers)],
        ]}
      />
    </>
  );
}
