/** One page of a list (`requested` from 1, clamped to what exists), with the page's number, how many pages and how many items in all. */
export function pageSlice<T>(items: T[], requested: number | undefined, size: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(Math.max(1, Math.trunc(requested ?? 1) || 1), pages);
  return { items: items.slice((page - 1) * size, page * size), page, pages, total: items.length };
}
