import type { taskCategories } from "../app/domain/enums";

/** The task catalogue the demo (and a new deployment) starts with; admins edit it afterwards. */
export type CatalogueTask = {
  code: string;
  name: string;
  category: (typeof taskCategories)[number];
  inScope: string;
  excluded: string;
  personSpecific: boolean;
  requiredObservations: number;
  validityMonths: number;
  reviewIntervalMonths: number;
  escalationGuidance: string;
  prerequisites: { name: string; description: string }[];
};

export const CATALOGUE: CatalogueTask[] = [
  {
    code: "INS-PEN",
    name: "Insulin administration by pen",
    category: "specialised_medication",
    inScope:
      "Giving a prescribed, fixed dose of insulin with a pre-filled or cartridge pen, after checking blood glucose, as set out in the person's care plan.",
    excluded:
      "Sliding-scale or variable doses; dose changes of any kind; insulin pumps; intravenous insulin; giving insulin when blood glucose is outside the range in the care plan.",
    personSpecific: true,
    requiredObservations: 3,
    validityMonths: 12,
    reviewIntervalMonths: 6,
    escalationGuidance:
      "Blood glucose below 4 mmol/L is a hypo: treat as the care plan says and call the district nurse. Above the care plan's upper limit or ketones present: call the district nurse before giving insulin. Unresponsive or fitting: call 999.",
    prerequisites: [
      {
        name: "National insulin e-learning certificate",
        description: "The national e-learning module on safe use of insulin, completed with certificate.",
      },
    ],
  },
  {
    code: "BGM",
    name: "Blood glucose monitoring",
    category: "vital_signs",
    inScope: "Capillary blood glucose testing with the person's own meter, recording the reading and acting on it as the care plan says.",
    excluded: "Interpreting trends to change treatment; continuous glucose monitor sensor insertion.",
    personSpecific: false,
    requiredObservations: 3,
    validityMonths: 12,
    reviewIntervalMonths: 6,
    escalationGuidance: "Below 4 mmol/L: follow the hypo plan and call the district nurse. Above the care plan's upper limit: call the district nurse.",
    prerequisites: [],
  },
  {
    code: "CATH",
    name: "Urinary catheter care",
    category: "bladder_bowel",
    inScope: "Daily catheter hygiene, changing and emptying leg and night bags, recording output.",
    excluded: "Inserting, removing or changing a catheter; bladder washouts; suprapubic site care in the first 6 weeks.",
    personSpecific: false,
    requiredObservations: 3,
    validityMonths: 12,
    reviewIntervalMonths: 6,
    escalationGuidance: "No urine for 4 hours, blood in the urine, pain, fever or a bypassing catheter: call the district nurse. Out of hours: call 111.",
    prerequisites: [],
  },
  {
    code: "STOMA",
    name: "Stoma care",
    category: "bladder_bowel",
    inScope: "Emptying and changing an established colostomy, ileostomy or urostomy appliance and caring for the skin around it.",
    excluded: "New stomas (less than 6 weeks); stomas with complications; irrigation.",
    personSpecific: false,
    requiredObservations: 3,
    validityMonths: 12,
    reviewIntervalMonths: 6,
    escalationGuidance: "Stoma changes colour (dark red, purple or black), bleeding that does not stop, no output for 24 hours: call the district nurse; out of hours 111.",
    prerequisites: [],
  },
  {
    code: "WOUND",
    name: "Simple wound dressing",
    category: "skin_wound_care",
    inScope: "Replacing a simple secondary dressing as prescribed in the wound care plan and reporting changes.",
    excluded: "Packing wounds; negative pressure therapy; assessing or choosing a dressing; wounds showing infection.",
    personSpecific: true,
    requiredObservations: 2,
    validityMonths: 12,
    reviewIntervalMonths: 3,
    escalationGuidance: "Redness spreading, new smell, heavy exudate, pain or fever: call the district nurse the same day.",
    prerequisites: [],
  },
  {
    code: "PEG",
    name: "Enteral (PEG) feeding and flushing",
    category: "feeding_digestive",
    inScope: "Giving a prescribed feed and water flushes through an established PEG tube using the pump or syringe in the care plan; stoma site hygiene.",
    excluded: "Tubes placed less than 4 weeks ago; re-inserting a dislodged tube; giving medicines via the tube unless separately delegated.",
    personSpecific: true,
    requiredObservations: 3,
    validityMonths: 12,
    reviewIntervalMonths: 6,
    escalationGuidance: "Tube dislodged or blocked, coughing or breathlessness during a feed, vomiting: stop the feed and call the district nurse; breathing difficulty: call 999.",
    prerequisites: [
      { name: "Enteral feeding theory session", description: "The trust's enteral feeding theory session, attended in person." },
    ],
  },
  {
    code: "EYE",
    name: "Eye drops",
    category: "specialised_medication",
    inScope: "Instilling prescribed eye drops or ointment at the prescribed times.",
    excluded: "Drops after eye surgery in the first 2 weeks unless the care plan says otherwise.",
    personSpecific: false,
    requiredObservations: 2,
    validityMonths: 12,
    reviewIntervalMonths: 6,
    escalationGuidance: "Pain, sudden change in vision or a red eye: call the GP the same day; out of hours 111.",
    prerequisites: [],
  },
  {
    code: "COMP",
    name: "Compression hosiery",
    category: "skin_wound_care",
    inScope: "Putting on and taking off prescribed compression stockings and checking the skin.",
    excluded: "Compression bandaging; measuring for hosiery.",
    personSpecific: false,
    requiredObservations: 2,
    validityMonths: 12,
    reviewIntervalMonths: 6,
    escalationGuidance: "Numbness, colour change in toes, broken skin or pain: remove the hosiery and call the district nurse.",
    prerequisites: [],
  },
];
