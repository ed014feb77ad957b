import type { Role } from "~/domain/roles";

/** What each role sees in the header navigation, in order of daily use. */
export const NAVIGATION: Record<Role, { href: string; label: string }[]> = {
  admin: [
    { href: "/organisations", label: "Organisations" },
    { href: "/admin/users", label: "Users" },
    { href: "/tasks", label: "Tasks" },
    { href: "/workers", label: "Care workers" },
    { href: "/people", label: "People" },
    { href: "/admin/audit", label: "Audit" },
    { href: "/admin/settings", label: "Settings" },
  ],
  nurse: [
    { href: "/agreements", label: "Agreements" },
    { href: "/people", label: "People" },
    { href: "/workers", label: "Care workers" },
    { href: "/training", label: "Training" },
    { href: "/alerts", label: "Alerts" },
    { href: "/tasks", label: "Tasks" },
  ],
  facilitator: [
    { href: "/training", label: "Training" },
    { href: "/workers", label: "Care workers" },
    { href: "/people", label: "People" },
    { href: "/alerts", label: "Alerts" },
    { href: "/tasks", label: "Tasks" },
  ],
  provider_manager: [
    { href: "/agreements", label: "Agreements" },
    { href: "/workers", label: "Care workers" },
    { href: "/people", label: "People" },
    { href: "/alerts", label: "Alerts" },
    { href: "/organisations", label: "Organisation" },
  ],
  care_worker: [
    { href: "/", label: "My skills passport" },
    { href: "/agreements", label: "My agreements" },
    { href: "/tasks", label: "Tasks" },
  ],
};
