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
  const { page, skip } = pageWindow(all.length, requested, size);
  return pageFrom(all.slice(skip, skip + size), all.length, page, size);
}

/**
 * Which page of `total` rows was asked for, brought into range, and the rows before it: for a list
 * read a page at a time from the database, so a long one is never read whole.
 */
export function pageWindow(total: number, requested: string | undefined, size = ROWS_PER_PAGE) {
  const pages = Math.max(1, Math.ceil(total / size));
  const asked = Number.parseInt(requested ?? "1", 10);
  const page = Number.isFinite(asked) ? Math.min(pages, Math.max(1, asked)) : 1;
  return { page, skip: (page - 1) * size, take: size };
}

/** One page's rows, read by `pageWindow`, as a page. */
export function pageFrom<T>(rows: T[], total: number, page: number, size = ROWS_PER_PAGE): Page<T> {
  const pages = Math.max(1, Math.ceil(total / size));
  const first = rows.length ? (page - 1) * size + 1 : 0;
  return { rows, page, pages, first, last: first ? first + rows.length - 1 : 0, total };
}
