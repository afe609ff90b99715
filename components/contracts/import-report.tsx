import Link from "next/link";
import type { ImportReport as Report } from "@/lib/services/ocds-import";

/** What an import did: contracts created, updated from a later release, refused, and notes to check. */
export function ImportReport({ report, heading }: { report: Report; heading: string }) {
  return (
    <section aria-labelledby="import-report" className="mb-10">
      <h2 id="import-report" className="mb-4 text-2xl font-bold">
        {heading}
      </h2>
      {report.imported.length > 0 ? (
        <ul className="mb-6 space-y-2" aria-label="Imported">
          {report.imported.map((c) => (
            <li key={c.id}>
              <Link href={`/contracts/${c.id}`}>{c.title}</Link> ({c.reference}): primes{" "}
              {c.primes.join(", ") || "none named"}
            </li>
          ))}
        </ul>
      ) : null}
      {report.updated.length > 0 ? (
        <>
          <h3 className="mb-2 text-xl font-bold">
            {report.updated.length === 1
              ? "1 contract updated"
              : `${report.updated.length} contracts updated`}{" "}
            from a later release
          </h3>
          <ul className="mb-6 space-y-3" aria-label="Updated">
            {report.updated.map((c) => (
              <li key={c.id}>
                <Link href={`/contracts/${c.id}`}>{c.title}</Link>
                <ul className="list-disc pl-6">
                  {c.changes.map((change) => (
                    <li key={change}>{change}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.skipped.length > 0 ? (
        <>
          <h3 className="mb-2 text-xl font-bold">Not imported</h3>
          <ul className="mb-6 list-disc space-y-1 pl-6" aria-label="Not imported">
            {report.skipped.map((s) => (
              <li key={`${s.item}-${s.reason}`}>
                {s.item}: {s.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.notes.length > 0 ? (
        <>
          <h3 className="mb-2 text-xl font-bold">Check these</h3>
          <ul className="list-disc space-y-1 pl-6" aria-label="Notes">
            {report.notes.map((n) => (
              <li key={`${n.item}-${n.reason}`}>
                {n.item}: {n.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
