import Link from "next/link";
import { formatDate } from "@/lib/format";
import type { FiguresState } from "@/lib/reports/figures-state";

export interface NextStep {
  href: string;
  label: string;
  /** What the link leads to, after the link text. */
  why?: string;
}

type NoFigures = Exclude<FiguresState, { kind: "released" }>;

/**
 * In place of charts and tables before partners' figures exist: how many have answered, what is
 * missing, when figures will come, and what to do meanwhile (issue 17, empty states).
 */
export function NoFiguresYet({
  state,
  subject,
  submitted,
  roster,
  minPartners,
  countedTo,
  steps,
}: {
  state: NoFigures;
  /** Whose figures, as said in a sentence: "Castlegate on this contract". */
  subject: string;
  submitted: number;
  roster: number;
  minPartners: number;
  /** Counts run to this moment for this reader; null when live. */
  countedTo: Date | null;
  steps: readonly NextStep[];
}) {
  const over = state.kind === "too-few" || state.kind === "held-back";
  return (
    <section aria-labelledby="no-figures-heading" className="mb-8 max-w-3xl border-l-4 border-brand pl-4">
      <h2 id="no-figures-heading" className="mb-2 text-2xl font-bold">
        {over ? "No partners' figures for this cycle" : "No partners' figures yet"}
      </h2>
      {state.kind === "not-open" ? null : (
        <p>
          <strong>
            {submitted} of {roster} {roster === 1 ? "partner" : "partners"}
          </strong>{" "}
          on the rating list{" "}
          {countedTo && state.kind === "open"
            ? `had answered by the start of ${formatDate(countedTo)}`
            : submitted === 1
              ? "has answered"
              : "have answered"}
          .
        </p>
      )}
      <p>{explain(state, subject, minPartners)}</p>
      {steps.length > 0 ? (
        <>
          <h3 className="mt-4 mb-2 text-xl font-bold">What you can do now</h3>
          <ul className="list-disc space-y-1 pl-6">
            {steps.map((step) => (
              <li key={step.href}>
                <Link href={step.href}>{step.label}</Link>
                {step.why ? `: ${step.why}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function explain(state: NoFigures, subject: string, minPartners: number): string {
  const need = `A figure is released only when at least ${minPartners} partners have answered, so that no partner can be identified.`;
  switch (state.kind) {
    case "not-open":
      return `The cycle opens on ${formatDate(state.opensAt)} and closes on ${formatDate(state.closesAt)}. Figures are released after it closes. ${need}`;
    case "open":
      return `Partners can answer until the cycle closes on ${formatDate(state.closesAt)}. Figures are released after that, never while partners are still answering. ${need}`;
    case "awaiting-release":
      return "The cycle has closed. Figures are released when every cycle of the period has closed, or sooner if the commissioner releases the closed cycles.";
    case "too-few":
      return `The cycle has closed with fewer answers than the ${minPartners} a figure needs, so no figure will be released for ${subject} in this cycle. Figures pooled across contracts may still be released.`;
    case "held-back":
      return `The period was released${state.releasedAt ? ` on ${formatDate(state.releasedAt)}` : ""}, but the figures for ${subject} were held back: publishing them could let someone work out a partner's answers.`;
  }
}
