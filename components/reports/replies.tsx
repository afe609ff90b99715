import type { PrincipleKey } from "@/lib/framework";
import { ReplyForm } from "./reply-form";

/** The prime's right of reply: shown to the commissioner, written by the prime. */
export function Replies({
  editable,
  contractId,
  primeId,
  cycleId,
  replies,
  principles,
}: {
  editable: boolean;
  contractId: string;
  primeId: string;
  cycleId: string;
  replies: Partial<Record<PrincipleKey, string>>;
  principles: readonly { key: PrincipleKey; title: string }[];
}) {
  const written = principles.filter((p) => replies[p.key]);
  return (
    <section aria-labelledby="replies" className="mb-8">
      <h2 id="replies" className="mb-4 text-2xl font-bold">
        The prime&apos;s reply
      </h2>
      {editable ? (
        <div className="no-print">
          <p className="mb-4 max-w-3xl">
            You can reply to what your partners say about each principle, for this cycle. The commissioner
            reads your reply beside the figures.
          </p>
          <ReplyForm
            contractId={contractId}
            primeId={primeId}
            cycleId={cycleId}
            principles={principles.map((p) => ({ ...p, reply: replies[p.key] ?? "" }))}
          />
        </div>
      ) : null}
      <div className={editable ? "print-only" : ""}>
        {written.length === 0 ? (
          <p>The prime has not replied.</p>
        ) : (
          <dl className="max-w-3xl space-y-4">
            {written.map((p) => (
              <div key={p.key}>
                <dt className="font-bold">{p.title}</dt>
                <dd className="mt-1 whitespace-pre-line">{replies[p.key]}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </section>
  );
}
