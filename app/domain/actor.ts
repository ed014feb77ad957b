import type { Role } from "./roles";

/** The signed-in user as the server sees them: who they are and the organisations they act for. */
export type Actor = {
  userId: number;
  name: string;
  email: string;
  role: Role;
  /** The user's own organisation (null for an admin). */
  organisationId: number | null;
  organisationName: string;
  /** NHS teams the user acts for: a nurse's team; a facilitator's team and the teams they serve. */
  teamIds: number[];
  /** The care worker record of a care worker who signs in. */
  workerId: number | null;
};
