/** The accountability statement (NMC Code section 11; Skills for Care's principles), shown when signing and printed. */
export const ACCOUNTABILITY = {
  delegator:
    "The delegating registered nurse is accountable for the decision to delegate: that the task is safe to delegate for this person, to these named care workers, within these limits.",
  worker:
    "Each named care worker is accountable for carrying out the task as trained and as written here, for not going beyond it, and for escalating as the plan says.",
  provider:
    "The care provider is responsible for its staff: for releasing them for training, for keeping their competency current, and for not asking anyone to carry out a task they are not signed off for.",
} as const;
