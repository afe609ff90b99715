import { Tag } from "@/components/ui/tag";
import { VERDICT_LABEL, VERDICT_TONE } from "@/lib/evidence/verdicts";
import { formatDate } from "@/lib/format";
import type { ReviewEntry } from "@/lib/services/verification";

/** A principle's review, oldest first: each verdict and response as written, never changed. Labelled by the page's "history" heading. */
export function ReviewHistory({
  entries,
  commissionerName,
  primeName,
}: {
  entries: readonly ReviewEntry[];
  commissionerName: string;
  primeName: string;
}) {
  if (entries.length === 0) return <p className="mb-8">Nothing has been recorded on this principle yet.</p>;
  return (
    <ol aria-labelledby="history" className="mb-8 max-w-3xl space-y-4">
      {entries.map((entry) => (
        <li key={entry.id} className="border-l-4 border-rule pl-4">
          <p className="mb-1">
            <strong>{entry.side === "commissioner" ? commissionerName : primeName}</strong>
            {", "}
            <time dateTime={entry.createdAt.toISOString()}>{formatDate(entry.createdAt)}</time>
            {entry.verdict ? (
              <>
                {": "}
                <Tag tone={VERDICT_TONE[entry.verdict]}>{VERDICT_LABEL[entry.verdict]}</Tag>
              </>
            ) : (
              ": response"
            )}
          </p>
          {entry.text ? <p className="whitespace-pre-line break-words">{entry.text}</p> : null}
        </li>
      ))}
    </ol>
  );
}
