import type { Role } from "~/domain/roles";

/** Every role's own notifications (app/routes/notifications.tsx). */
export const NOTIFICATIONS_LINK = { href: "/notifications", label: "Notifications" } as const;

/**
 * What each role sees in the header navigation, in order of daily use (after Home, which
 * carries the count of what needs the user's action). Every link is a page the role may open.
 */
export const NAVIGATION: Record<Role, { href: string; label: string }[]> = {
  admin: [
    { href: "/organisations", label: "Organisations" },
    { href: "/admin/users", label: "Users" },
    { href: "/tasks", label: "Tasks" },
    { href: "/workers", label: "Care workers" },
    { href: "/people", label: "People" },
    { href: "/admin/audit", label: "Audit" },
    { href: "/admin/settings", label: "Settings" },
    NOTIFICATIONS_LINK,
  ],
  nurse: [
    { href: "/agreements", label: "Agreements" },
    { href: "/people", label: "People" },
    { href: "/workers", label: "Care workers" },
    { href: "/training", label: "Training" },
    { href: "/alerts", label: "Alerts" },
    { href: "/tasks", label: "Tasks" },
    NOTIFICATIONS_LINK,
  ],
  facilitator: [
    { href: "/training", label: "Training" },
    { href: "/workers", label: "Care workers" },
    { href: "/people", label: "People" },
    { href: "/alerts", label: "Alerts" },
    { href: "/tasks", label: "Tasks" },
    NOTIFICATIONS_LINK,
  ],
  provider_manager: [
    { href: "/agreements", label: "Agreements" },
    { href: "/workers", label: "Care workers" },
    { href: "/people", label: "People" },
    { href: "/alerts", label: "Alerts" },
    { href: "/organisations", label: "Organisation" },
    NOTIFICATIONS_LINK,
  ],
  care_worker: [
    { href: "/", label: "My skills passport" },
    { href: "/agreements", label: "My agreements" },
    { href: "/tasks", label: "Tasks" },
    NOTIFICATIONS_LINK,
  ],
};

/**
 * The footer's links, on every page including the sign-in page: each a public page
 * (app/routes/help.tsx and its neighbours) that needs no sign-in.
 */
export const FOOTER_LINKS = [
  { href: "/help", label: "Help and contact" },
  { href: "/accessibility", label: "Accessibility statement" },
  { href: "/privacy", label: "Privacy notice" },
  { href: "/cookies", label: "Cookies" },
  { href: "/verify", label: "Check a printout" },
] as const;
