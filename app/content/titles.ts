import type { MetaArgs } from "@remix-run/node";

export const SERVICE_NAME = "Delegated Care";

/** What a page's title reads of the loaders' data: the root's flag for a rejected form, a loader's own errors. */
type MatchData = { formRejected?: boolean; errors?: unknown } | undefined;

/** The words of a tab title in the NHS pattern: "Page – Delegated Care – NHS". */
export function titleText(title: string): string {
  return `${title} – ${SERVICE_NAME} – NHS`;
}

/**
 * The page title in the NHS pattern, with "Error: " in front when the form on the page was just
 * rejected: by its action (which runs before any loader, so the root loader's flag is set), or by
 * the page's own loader, as a filter sent by GET is (loaders run side by side, so the root loader
 * cannot be told: the loader's own `errors` are read instead). Titles go into browser history,
 * tabs and bookmarks: a person receiving care is never named in one (docs/domain.md rule 15).
 * Pages about a person are "Person receiving care"; pages about an agreement are named by its
 * reference (agreementPageTitle).
 */
export function pageTitle(title: string, matches?: MetaArgs["matches"]): { title: string }[] {
  const rejected = (matches ?? []).some((m) => {
    const data = m?.data as MatchData;
    return data?.formRejected === true || (Array.isArray(data?.errors) && data.errors.length > 0);
  });
  const prefix = rejected ? "Error: " : "";
  return [{ title: `${prefix}${titleText(title)}` }];
}

/** An agreement's pages: "DA-2026-000003: Record consent – Delegated Care – NHS" (the reference, never the person). */
export function agreementPageTitle(reference: string | undefined, page: string, matches?: MetaArgs["matches"]): { title: string }[] {
  return pageTitle(reference ? `${reference}: ${page}` : page, matches);
}
