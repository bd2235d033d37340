/** Reading a whole keyset-ordered list in pages, for exports that stream instead of holding every row. */

export const EXPORT_PAGE_SIZE = 1000;

/**
 * Pages of items, each fetched after the last row of the previous one, until a short page or `cap`
 * items in all. `fetch(last, limit)` answers the rows (for the next key) and their items.
 */
export async function* keysetPages<Row, Item>(
  fetch: (last: Row | undefined, limit: number) => Promise<{ rows: Row[]; items: Item[] }>,
  cap: number,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<Item[]> {
  let last: Row | undefined;
  let left = cap;
  while (left > 0) {
    const limit = Math.min(pageSize, left);
    const { rows, items } = await fetch(last, limit);
    if (items.length > 0) yield items;
    left -= rows.length;
    if (rows.length < limit) return;
    last = rows.at(-1);
  }
}
