import { z } from "zod";

/** What /competencies/:id/:action may do to a competency. */
export const ActionSchema = z.enum(["suspend", "reinstate", "revoke", "decline"]);
