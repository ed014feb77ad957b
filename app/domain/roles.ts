import type { OrganisationKind } from "./enums";

/**
 * Roles and what each may do, as data. Checked on the server by `can`; the scope of every
 * read and write is enforced separately, in the models' WHERE clauses.
 */
export const ROLES = ["admin", "nurse", "facilitator", "provider_manager", "care_worker"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  nurse: "Registered nurse",
  facilitator: "Blended-role facilitator",
  provider_manager: "Provider manager",
  care_worker: "Care worker",
};

/** The organisation kind each role belongs to (admins belong to none). */
export const ROLE_ORGANISATION_KIND: Record<Role, OrganisationKind | null> = {
  admin: null,
  nurse: "nhs_team",
  facilitator: "nhs_team",
  provider_manager: "provider",
  care_worker: "provider",
};

export type Action = "read" | "create" | "update" | "manage" | "sign_off" | "sign";
export type Entity =
  | "organisation"
  | "user"
  | "worker"
  | "person"
  | "task"
  | "training"
  | "competency"
  | "agreement"
  | "alert"
  | "audit"
  | "setting";

/** `action:entity` pairs each role holds. Scope (which records) is the models' job. */
const PERMISSIONS: Record<Role, ReadonlySet<`${Action}:${Entity}`>> = {
  admin: new Set([
    "read:organisation", "manage:organisation",
    "read:user", "manage:user",
    "read:worker", "manage:worker",
    "read:person", "manage:person",
    "read:task", "manage:task",
    "read:training", "read:competency",
    "read:agreement", "read:alert",
    "read:audit", "manage:setting",
  ]),
  nurse: new Set([
    "read:organisation", "read:worker", "read:person", "manage:person", "read:task",
    "read:training", "manage:training", "read:competency", "sign_off:competency",
    "read:agreement", "manage:agreement", "sign:agreement", "read:alert",
  ]),
  facilitator: new Set([
    "read:organisation", "read:worker", "read:person", "read:task",
    "read:training", "manage:training", "read:competency", "sign_off:competency",
    "read:agreement", "read:alert",
  ]),
  provider_manager: new Set([
    "read:organisation", "read:worker", "manage:worker", "read:person", "read:task",
    "read:training", "read:competency", "read:agreement", "sign:agreement", "read:alert",
  ]),
  care_worker: new Set(["read:task", "read:competency", "read:agreement", "sign:agreement"]),
};

export function can(role: Role, action: Action, entity: Entity): boolean {
  return PERMISSIONS[role].has(`${action}:${entity}`);
}
