export const TRAINING_MODE_LABELS = { face_to_face: "Face to face", e_learning: "E-learning", fieldwork: "Fieldwork" } as const;
export const ATTENDANCE_OUTCOME_LABELS = { attended: "Attended", completed: "Completed", did_not_complete: "Did not complete" } as const;
export const OBSERVATION_OUTCOME_LABELS = { satisfactory: "Satisfactory", not_yet: "Not yet" } as const;

/** A training session's status today (app/domain/training.ts `sessionStatus`): words first, colour repeats them. */
export const SESSION_STATUS_LABELS = {
  scheduled: { text: "Scheduled", tone: "blue" },
  register_open: { text: "Attendance to record", tone: "yellow" },
  held: { text: "Held", tone: "green" },
  cancelled: { text: "Cancelled", tone: "grey" },
} as const;

/**
 * What counts towards the next sign-off: "2 of 3 satisfactory observations recorded", and once
 * there are more than needed, "4 satisfactory observations recorded (3 needed)", never "4 of 3".
 */
export function observationCount(satisfactory: number, required: number, renewal: boolean): string {
  const since = renewal ? " since the last sign-off" : "";
  if (satisfactory > required) return `${satisfactory} satisfactory observations recorded${since} (${required} needed)`;
  return `${satisfactory} of ${required} satisfactory observation${required === 1 ? "" : "s"} recorded${since}`;
}
