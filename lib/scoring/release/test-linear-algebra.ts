/**
 * Exact linear algebra for the adversary tests: what a reader can work out by adding and
 * subtracting published totals. Integer matrices, BigInt arithmetic, no rounding anywhere.
 *
 * Each row is one published total as a combination of unknown values (one column per unknown):
 * a question figure's total is 1 on each of its ratings' columns. A reader can compute exactly the
 * combinations in the rows' span, so it can pin down something about the unknowns in a set of
 * columns alone exactly when some combination of rows is zero outside those columns and not zero
 * inside them, which is when dropping those columns lowers the rank.
 */

export function rank(matrix: readonly (readonly number[])[]): number {
  const rows = matrix.map((row) => row.map((value) => BigInt(value)));
  const width = rows[0]?.length ?? 0;
  let rank = 0;
  for (let column = 0; column < width && rank < rows.length; column++) {
    const pivot = rows.findIndex((row, i) => i >= rank && row[column] !== 0n);
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot] as bigint[], rows[rank] as bigint[]];
    const top = rows[rank] as bigint[];
    const a = top[column] as bigint;
    for (let i = rank + 1; i < rows.length; i++) {
      const row = rows[i] as bigint[];
      const b = row[column] as bigint;
      if (b === 0n) continue;
      rows[i] = normalise(row.map((value, j) => value * a - (top[j] as bigint) * b));
    }
    rank++;
  }
  return rank;
}

function normalise(row: bigint[]): bigint[] {
  let g = 0n;
  for (const value of row) g = gcd(g, value < 0n ? -value : value);
  return g > 1n ? row.map((value) => value / g) : row;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Whether some combination of the published rows is a non-zero function of the unknowns in
 * `columns` alone: whether a reader holding these totals learns something exact about them and
 * nothing else mixed in.
 */
export function isolates(matrix: readonly (readonly number[])[], columns: ReadonlySet<number>): boolean {
  if (matrix.length === 0) return false;
  const without = matrix.map((row) => row.filter((_, j) => !columns.has(j)));
  const remaining = (matrix[0]?.length ?? 0) - columns.size;
  return remaining === 0 ? rank(matrix) > 0 : rank(matrix) > rank(without);
}
