import { PRECISION } from "@/lib/reports/format";

const TABLE_LABELS: Record<string, string> = {
  principles: "Scores by principle (CSV)",
  flags: "Red flags (CSV)",
  primes: "Primes side by side (CSV)",
};

/** Downloads of the report's tables, the PDF, and the JSON behind it. */
export function ExportLinks({
  base,
  query,
  tables,
}: {
  base: string;
  query: string;
  tables: readonly string[];
}) {
  const join = (extra: string) => (query ? `${query}&${extra}` : `?${extra}`);
  return (
    <section aria-labelledby="exports-heading" className="no-print mb-8">
      <h2 id="exports-heading" className="mb-4 text-2xl font-bold">
        Download this report
      </h2>
      <ul className="list-disc space-y-1 pl-6">
        {tables.map((table) => (
          <li key={table}>
            <a href={`${base}${join(`format=csv&table=${table}`)}`}>{TABLE_LABELS[table] ?? table}</a>
          </li>
        ))}
        <li>
          <a href={`${base}${join("format=pdf")}`}>The whole report (PDF)</a>
        </li>
        <li>
          <a href={`${base}${join("format=json")}`}>The figures as data (JSON)</a>
        </li>
      </ul>
      <p className="mt-4 text-base text-muted">
        The CSV and JSON files give each figure as stored, to one decimal place, beside how many answers it
        rests on; the page and the PDF round figures from fewer than {PRECISION.wholeBelow} answers to whole
        numbers. To print, use your browser&apos;s print command: navigation is left out.
      </p>
    </section>
  );
}
