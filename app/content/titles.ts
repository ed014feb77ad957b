import type { MetaArgs } from "@remix-run/node";

export const SERVICE_NAME = "Delegated Care";

type RootData = { formRejected?: boolean } | undefined;

/** The words of a tab title in the NHS pattern: "Page – Delegated Care – NHS". */
export function titleText(title: string): string {
  return `${title} – ${SERVICE_NAME} – NHS`;
}

/**
 * The page title in the NHS pattern, with "Error: " in front when the form on the page was just
 * rejected. Titles go into browser history, tabs and bookmarks: a person receiving care is
 * never named in one (docs/domain.md rule 15). Pages about a person are "Person receiving care";
 * pages about an agreement are named by its reference (agreementPageTitle).
 */
export function pageTitle(title: string, matches?: MetaArgs["matches"]): { title: string }[] {
  const root = matches?.find((m) => m?.id === "root")?.data as RootData;
  const prefix = root?.formRejected ? "Error: " : "";
  return [{ title: `${prefix}${titleText(title)}` }];
}

/** An agreement's pages: "DA-2026-000003: Record consent – Delegated Care – NHS" (the reference, never the person). */
export function agreementPageTitle(reference: string | undefined, page: string, matches?: MetaArgs["matches"]): { title: string }[] {
  return pageTitle(reference ? `${reference}: ${page}` : page, matches);
}
