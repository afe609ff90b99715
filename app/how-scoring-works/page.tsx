import type { Metadata } from "next";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import { framework, type Perspective } from "@/lib/framework";
import { describeAnswer, describeFlagCondition, describeScoring } from "@/lib/framework/describe";
import { PRECISION_RULE } from "@/lib/reports/format";
import { GAP_THRESHOLD } from "@/lib/scoring";
import { DEFAULT_THRESHOLDS, MIN_THRESHOLD } from "@/lib/scoring/release";

export const metadata: Metadata = { title: "How scoring works" };

const PERSPECTIVE_LABEL: Record<Perspective, string> = {
  subcontractor: "Partners are asked",
  prime: "Primes are asked",
};

/** The whole method, generated from the framework itself: nothing about scoring is secret. */
export default function HowScoringWorksPage() {
  const k = framework.minResponses;
  const weights = framework.principles.map((p) => p.weight);
  const equalWeights = weights.every((w) => w === weights[0]);

  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">How scoring works</h1>
      <div className="max-w-3xl space-y-4">
        <p>
          Chainwise scores answers against the {framework.title} (version {framework.version}). Every rule,
          weight and threshold is on this page, generated from the same data the questionnaire and the reports
          use.
        </p>
        <p className="text-muted">
          Source: <a href={framework.source.url}>{framework.source.title}</a>, {framework.source.publisher}.{" "}
          {framework.source.note}
        </p>
      </div>

      <h2 className="mt-10 mb-4 text-3xl font-bold">The rules</h2>
      <ol className="max-w-3xl list-decimal space-y-3 pl-6">
        <li>
          Each scored question gets a score from 0 to 100 by its own rule, listed with the question below.
        </li>
        <li>
          A principle's score is the weighted average of its answered questions. ‘Don’t know’ and ‘Not
          applicable’ are left out: they never count as 0.
        </li>
        <li>
          If fewer than half of a principle's scored questions have a real answer, the principle shows
          ‘insufficient evidence’ and no score.
        </li>
        <li>
          The overall score is the {equalWeights ? "average" : "weighted average"} of the principles that have
          a score.
        </li>
        <li>
          Bands: <strong>Strong</strong> from 80, <strong>Good</strong> from 60, <strong>Developing</strong>{" "}
          from 40, <strong>Concern</strong> below 40.
        </li>
        <li>
          Red flags come from indicator questions (for example, being paid more than 30 days after an
          invoice). They are shown beside the score and never change it.
        </li>
        <li>
          Partners&apos; ratings are only ever shown combined, and only once a round has closed: the figures
          are worked out once, then, stored, and never change. Each figure combines the answers of at least
          the commissioner&apos;s threshold of partner organisations:{" "}
          <strong>{DEFAULT_THRESHOLDS.score}</strong> unless it chooses otherwise, and never fewer than{" "}
          <strong>{Math.max(MIN_THRESHOLD, k)} partners</strong>. While a round is open, only how many
          partners have answered is shown.
        </li>
        <li>
          Figures are published for a prime on each contract, across all its contracts with one commissioner,
          and across the country. A figure is left out if comparing it with another, or taking one figure away
          from another, would narrow down to fewer partners than the threshold. A count of partners raising a
          red flag is shown only when at least {DEFAULT_THRESHOLDS.category} partners (the commissioner&apos;s
          setting, never fewer than {Math.max(MIN_THRESHOLD, k)}) raise it and as many do not.
        </li>
        <li>
          A principle&apos;s partners&apos; average is worked from the averages of its questions, weighted as
          the prime&apos;s own score is. Answers about things the prime sets for each partner (how quickly it
          pays, the fee it keeps) are shown only to the commissioner, and the prime&apos;s averages leave them
          out.
        </li>
        <li>
          The gap is the prime's own score minus its partners' average. A gap of {GAP_THRESHOLD} or more is a{" "}
          <strong>blind spot</strong>; {GAP_THRESHOLD} or more the other way is a{" "}
          <strong>hidden strength</strong>.
        </li>
        <li>
          Where a prime says an indicator is met but more than half of the partners who answered say it is
          not, the prime's claim is marked as disputed. Where the count is not shown, that is not known.
        </li>
        <li>
          Primes are ranked within a contract or programme, equal scores sharing a rank. A percentile is the
          share of other primes&apos; figures scoring lower. A prime with several contracts is ranked on each,
          and never against its own other contracts.
        </li>
        <li>
          Trends are shown between released rounds only, over the questions asked in the same way in both.
        </li>
        <li>
          Each answer&apos;s score is rounded to one decimal place when it is submitted. A figure is worked
          from those scores and rounded once more, to one decimal place, halves away from zero (62.25 becomes
          62.3).
        </li>
        <li>
          Figures are shown only as precisely as the number of answers supports. {PRECISION_RULE} The CSV and
          JSON downloads give every figure as stored, to one decimal place, beside its count.
        </li>
      </ol>

      <h2 className="mt-10 mb-4 text-3xl font-bold">The principles and questions</h2>
      {framework.principles.map((principle, index) => (
        <section key={principle.key} className="mb-12" aria-labelledby={`principle-${principle.key}`}>
          <h3 id={`principle-${principle.key}`} className="mb-2 text-2xl font-bold">
            {index + 1}. {principle.title}
          </h3>
          <p className="mb-2 max-w-3xl">{principle.commitment}</p>
          <p className="mb-4 text-muted">Weight in the overall score: {principle.weight}.</p>
          {(["subcontractor", "prime"] as const).map((perspective) => (
            <div key={perspective} className="mb-6">
              <h4 className="mb-2 text-xl font-bold">{PERSPECTIVE_LABEL[perspective]}</h4>
              <ScrollRegion
                label={`${principle.title}: questions ${perspective === "prime" ? "primes" : "partners"} are asked`}
              >
                <table className="w-full border-collapse text-base">
                  <caption className="sr-only">
                    {principle.title}: questions {perspective === "prime" ? "primes" : "partners"} are asked,
                    how each is scored, its weight and any red flag
                  </caption>
                  <TableHead columns={["Question", "Answers and scores", "Weight", "Red flag"]} />
                  <tbody>
                    {principle.questions
                      .filter((q) => q.perspective === perspective)
                      .map((q) => (
                        <tr key={q.key} className="border-b border-gray-300 align-top">
                          <td className="py-2 pr-4">{q.text}</td>
                          <td className="py-2 pr-4">
                            <p>{describeAnswer(q.answer)}.</p>
                            <p className="text-muted">{describeScoring(q)}</p>
                          </td>
                          <td className="py-2 pr-4">{q.scoring ? q.weight : "–"}</td>
                          <td className="py-2">
                            {q.redFlag
                              ? `${q.redFlag.label}: raised by ${describeFlagCondition(q, q.redFlag.when)}.`
                              : "–"}
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
