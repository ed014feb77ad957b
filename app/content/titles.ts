import type { MetaArgs } from "@remix-run/node";

export const SERVICE_NAME = "Delegated Care";

type RootData = { formRejected?: boolean } | undefined;

/**
 * The page title in the NHS pattern: "Page - Delegated Care - NHS", with "Error: " in front
 * when the form on the page was just rejected.
 */
export function pageTitle(title: string, matches?: MetaArgs["matches"]): { title: string }[] {
  const root = matches?.find((m) => m?.id === "root")?.data as RootData;
  const prefix = root?.formRejected ? "Error: " : "";
  return [{ title: `${prefix}${title} - ${SERVICE_NAME} - NHS` }];
}
