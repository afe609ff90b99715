"use client";

import { DecisionForm } from "@/components/ui/decision-form";
import { decideLikelyMatchAction } from "@/lib/actions/likely-matches";
import type { LikelyMatchView } from "@/lib/services/likely-matches";

/**
 * Suppliers the import found by name only, each with its decision: the same organisation as the
 * one already on Chainwise (merged), or a different one (kept apart).
 */
export function LikelyMatches({ matches }: { matches: readonly LikelyMatchView[] }) {
  const open = matches.filter((m) => m.decision === null);
  const decided = matches.filter((m) => m.decision !== null);
  return (
    <section aria-labelledby="likely-matches" className="mb-10 max-w-4xl">
      <h2 id="likely-matches" className="mb-3 text-2xl font-bold">
        Suppliers that may already be on Chainwise
      </h2>
      <p className="mb-6">
        These suppliers have the name of an organisation already on Chainwise, but no registered number shows
        they are the same. Each was added as a new organisation. If it is the same, its contracts and numbers
        join the one already there.
      </p>
      {open.length > 0 ? (
        <ul className="mb-6 space-y-6" aria-label="To decide">
          {open.map((m) => (
            <li key={m.id} className="border-l-4 border-brand pl-4">
              <p className="mb-3">
                <strong>{m.supplierName}</strong>, a prime on {m.contractLabel}, may be{" "}
                <strong>{m.existingName}</strong>.
              </p>
              <DecisionForm
                action={decideLikelyMatchAction}
                hidden={{ matchId: m.id }}
                approve={
                  <>
                    The same organisation
                    <span className="sr-only">
                      : {m.supplierName} is {m.existingName}
                    </span>
                  </>
                }
                decline={
                  <>
                    Different organisations
                    <span className="sr-only">
                      : {m.supplierName} is not {m.existingName}
                    </span>
                  </>
                }
              />
            </li>
          ))}
        </ul>
      ) : null}
      {decided.length > 0 ? (
        <ul className="list-disc space-y-1 pl-6" aria-label="Decided">
          {decided.map((m) => (
            <li key={m.id}>
              {m.supplierName}{" "}
              {m.decision === "same"
                ? `is ${m.existingName}: merged.`
                : `is not ${m.existingName}: kept apart.`}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
