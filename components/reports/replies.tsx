import Link from "next/link";
import type { PrincipleKey } from "@/lib/framework";

/**
 * The prime's right of reply as the prime and its commissioner read it, with a link for the prime
 * to the page where it writes it (a page of its own: one thing to do there).
 */
export function Replies({
  replyHref,
  replies,
  principles,
}: {
  /** Set for the prime: where it writes or changes its replies. */
  replyHref: string | null;
  replies: Partial<Record<PrincipleKey, string>>;
  principles: readonly { key: PrincipleKey; title: string }[];
}) {
  const written = principles.filter((p) => replies[p.key]);
  return (
    <section aria-labelledby="replies" className="mb-8">
      <h2 id="replies" className="mb-4 text-2xl font-bold">
        The prime&apos;s reply
      </h2>
      {written.length === 0 ? (
        <p>The prime has not replied.</p>
      ) : (
        <dl className="mb-4 max-w-3xl space-y-4">
          {written.map((p) => (
            <div key={p.key}>
              <dt className="font-bold">{p.title}</dt>
              <dd className="mt-1 whitespace-pre-line">{replies[p.key]}</dd>
            </div>
          ))}
        </dl>
      )}
      {replyHref ? (
        <p className="no-print">
          <Link href={replyHref}>
            {written.length === 0 ? "Reply to your partners" : "Change your replies"}
          </Link>
          : the commissioner reads your reply to each principle beside the figures.
        </p>
      ) : null}
    </section>
  );
}
