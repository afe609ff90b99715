/**
 * One page of a long table. A national programme has thousands of rows (a prime on each lot); a
 * page shows a slice, so what the server renders and sends stays the same size however large the
 * programme grows. The CSV still carries every row. 25 rows, not 100: at L the programme page went
 * from 0.20× to 0.33× the bare page's throughput (bench/changes.md, section 7).
 */
export const ROWS_PER_PAGE = 25;

export interface Page<T> {
  rows: T[];
  /** 1-based; out-of-range requests are brought into range. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown; 0 and 0 when there are none. */
  first: number;
  last: number;
  total: number;
}

export function pageOf<T>(all: readonly T[], requested: string | undefined, size = ROWS_PER_PAGE): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const asked = Number.parseInt(requested ?? "1", 10);
  const page = Number.isFinite(asked) ? Math.min(pages, Math.max(1, asked)) : 1;
  const rows = all.slice((page - 1) * size, page * size);
  const first = rows.length ? (page - 1) * size + 1 : 0;
  return { rows, page, pages, first, last: first ? first + rows.length - 1 : 0, total: all.length };
}
