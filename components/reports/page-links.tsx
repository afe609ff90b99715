import Link from "next/link";
import type { Page } from "@/lib/reports/pages";

/** Where a long table's page is, and links to the pages either side; nothing when it has one page. */
export function PageLinks({
  shown,
  label,
  href,
  noun = "Rows",
}: {
  shown: Page<unknown>;
  /** What the rows are, as the count names them: "Contracts 1 to 25 of 800". */
  noun?: string;
  /** Names the navigation for screen readers: "Pages of the table". */
  label: string;
  href: (page: number) => string;
}) {
  if (shown.pages <= 1) return null;
  return (
    <nav aria-label={label} className="no-print mb-6 flex flex-wrap items-center gap-4">
      <p className="mb-0">
        {`${noun} ${shown.first.toLocaleString("en-GB")} to ${shown.last.toLocaleString("en-GB")} of ${shown.total.toLocaleString("en-GB")}`}
      </p>
      {shown.page > 1 ? <Link href={href(shown.page - 1)}>Previous page</Link> : null}
      {shown.page < shown.pages ? <Link href={href(shown.page + 1)}>Next page</Link> : null}
    </nav>
  );
}
