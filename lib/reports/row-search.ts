/**
 * The programme table's search: the rows whose prime (name or lot) or contract (title or
 * reference) contains every word typed, ignoring case, accents and punctuation. A national
 * programme lets hundreds of contracts, so a search replaces the list of every contract, which
 * was most of the page (bench/changes.md, section 8); ranks stay those across the whole programme.
 */

export interface SearchableRow {
  contract: { title: string; reference: string };
  prime: { name: string; lot: string | null };
}

/** Lower case, accents dropped, anything but letters and digits a single space. */
export function searchText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function searchRows<T extends SearchableRow>(
  rows: readonly T[],
  query: string | undefined,
): readonly T[] {
  const words = searchText(query ?? "")
    .split(" ")
    .filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const text = ` ${searchText(
      [row.prime.name, row.prime.lot ?? "", row.contract.title, row.contract.reference].join(" "),
    )} `;
    return words.every((word) => text.includes(word));
  });
}
