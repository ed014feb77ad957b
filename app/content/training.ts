export const TRAINING_MODE_LABELS = { face_to_face: "Face to face", e_learning: "E-learning", fieldwork: "Fieldwork" } as const;
export const ATTENDANCE_OUTCOME_LABELS = { attended: "Attended", completed: "Completed", did_not_complete: "Did not complete" } as const;
export const OBSERVATION_OUTCOME_LABELS = { satisfactory: "Satisfactory", not_yet: "Not yet" } as const;
