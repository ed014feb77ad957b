/** Runs `query` over ids (each once) in slices, keeping each statement well under SQLite's bound-variable limit. */
export async function chunked<T>(ids: number[], query: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += 900) out.push(...(await query(unique.slice(i, i + 900))));
  return out;
}

/** Rows grouped by a key, each group in the order the rows came. */
export function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
