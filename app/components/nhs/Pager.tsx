import { Link, useLocation } from "@remix-run/react";

/** NHS.UK pagination (previous / next), keeping the page's other query parameters. */
export function Pager({ page, pages, label }: { page: number; pages: number; label: string }) {
  const location = useLocation();
  if (pages <= 1) return null;
  const to = (n: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(n));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label={label}>
      <ul className="nhsuk-list nhsuk-pagination__list">
        {page > 1 ? (
          <li className="nhsuk-pagination-item--previous">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--prev" to={to(page - 1)}>
              <span className="nhsuk-pagination__title">Previous</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">Page {page - 1} of {pages}</span>
            </Link>
          </li>
        ) : null}
        {page < pages ? (
          <li className="nhsuk-pagination-item--next">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--next" to={to(page + 1)}>
              <span className="nhsuk-pagination__title">Next</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">Page {page + 1} of {pages}</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
