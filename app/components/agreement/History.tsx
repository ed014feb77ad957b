import { Link } from "@remix-run/react";
import { REVIEW_OUTCOME_LABELS, versionHistoryNote, VERSION_STATE_LABELS } from "~/content/agreements";
import { agreementTimelineLine } from "~/content/audit-events";
import { formatDate, formatDateTime } from "~/domain/dates";
import type { ReviewOutcome } from "~/domain/agreement";

type Review = { review: { id: number; reviewedOn: string; outcome: ReviewOutcome; nextReviewDate: string | null; notes: string }; reviewerName: string };
type VersionNote = { version: number; state: keyof typeof VERSION_STATE_LABELS; frozenAt: string | null; activatedAt: string | null };
type TimelineEvent = Parameters<typeof agreementTimelineLine>[0] & { id: number | string; at: string };

/** An agreement's history: its reviews, its versions and everything done to it, newest first. */
export function AgreementHistory({ agreementId, reviews, versions, timeline }: { agreementId: number; reviews: Review[]; versions: VersionNote[]; timeline: TimelineEvent[] }) {
  return (
    <>
      <h2>Reviews</h2>
      {reviews.length ? (
        <ul className="nhsuk-list">
          {reviews.map(({ review, reviewerName }) => (
            <li key={review.id}>
              <strong>{formatDate(review.reviewedOn)}</strong>, {reviewerName}: {REVIEW_OUTCOME_LABELS[review.outcome]}
              {review.nextReviewDate ? `, next review ${formatDate(review.nextReviewDate)}` : ""}
              {review.notes ? `. ${review.notes}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>No reviews yet.</p>
      )}

      <h2>Versions</h2>
      <ul className="nhsuk-list">
        {versions.map((x) => (
          <li key={x.version}>
            <Link to={`/agreements/${agreementId}/versions/${x.version}`}>Version {x.version}</Link>: {versionHistoryNote(x)}
          </li>
        ))}
      </ul>

      <h2>Timeline</h2>
      <ul className="nhsuk-list">
        {timeline.map((e) => (
          <li key={e.id}>
            <span className="dc-nowrap">{formatDateTime(e.at)}</span>: {agreementTimelineLine(e)}
          </li>
        ))}
      </ul>
    </>
  );
}
