/**
 * Page sizing of every list (PROTOCOL §5): at most `limit` items, and a page kept under
 * 8 MiB ("a Worker keeps a page under 8 MiB"). Callers read the sizes of `limit + 1` rows
 * first, so a page never loads more than it answers and knows whether more rows exist.
 */

/** Largest JSON page a list may answer: 8 MiB with 64 KiB to spare for punctuation. */
export const PAGE_BYTES = 8 * 1024 * 1024 - 64 * 1024;

export interface RowSize {
  /** The row's cursor value (`seq`, `arrival`). */
  cursor: number;
  /** Bytes of its stored text (sealed, blob ids…). */
  n: number;
}

/**
 * Where a page ends: the cursor of its last row (`undefined` when there is none) and
 * whether rows remain after it. At least one row is always given; `overhead` is what an
 * item adds besides its stored text (ids, keys, punctuation).
 */
export function pageEnd(sizes: readonly RowSize[], limit: number, overhead: number): { last: number | undefined; more: boolean } {
  let budget = PAGE_BYTES;
  let last: number | undefined;
  let count = 0;
  for (const row of sizes) {
    if (count === limit) break;
    const cost = row.n + overhead;
    if (count > 0 && cost > budget) break;
    budget -= cost;
    last = row.cursor;
    count++;
  }
  return { last, more: sizes.length > count };
}
