import type { ReactNode } from "react";

/**
 * A wide table (more columns than a phone or a desktop window can show) scrolls sideways inside
 * this region, never the page. The region can be focused, so keyboard users can scroll it too,
 * and is named like the table it holds (WCAG 2.1.1, axe's scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="dc-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
