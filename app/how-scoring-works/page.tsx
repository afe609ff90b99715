import type { Metadata } from "next";
import { FrameworkQuestions } from "@/components/method/framework-questions";
import { LevelsRule } from "@/components/method/levels-rule";
import { FRAMEWORK_VERSIONS, latestFramework as latest } from "@/lib/framework";
import { PRECISION_RULE } from "@/lib/reports/format";
import { GAP_THRESHOLD } from "@/lib/scoring";
import { DEFAULT_THRESHOLDS, MIN_THRESHOLD } from "@/lib/scoring/release";

export const metadata: Metadata = { title: "How scoring works" };

/** The whole method, generated from the framework itself: nothing about scoring is secret. */
export default function HowScoringWorksPage() {
  const framework = latest;
  const k = Math.max(...FRAMEWORK_VERSIONS.map((f) => f.minPartners));
  const weights = framework.principles.map((p) => p.weight);
  const equalWeights = weights.every((w) => w === weights[0]);
  const { paymentRecord } = framework;
  const v1Record = FRAMEWORK_VERSIONS.find((f) => f.version === "1.0")?.paymentRecord;

  return (
    <>
      <h1 className="mb-6 text-4xl font-bold">How scoring works</h1>
      <div className="max-w-3xl space-y-4">
        <p>
          Chainwise scores answers against the {framework.title} (version {framework.version}, and earlier
          versions for the rounds that used them). Every rule, weight and threshold is on this page, generated
          from the same data the questionnaire and the reports use.
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
          From version 2, a management fee is scored on whether it is explained, agreed with the partner and
          in proportion to what it pays for, not on its size; a fee over the stated level still raises a red
          flag. A way of being paid is scored on whether the partner has the one it needs and chose it with
          the prime, not on how many ways are offered. Payment is measured as public payment reports measure
          it: the shares of invoices paid within 30 days, in 31 to 60 days, after 60 days, and not within
          agreed terms, with the line each flag follows cited beside it.
        </li>
        {paymentRecord ? (
          <li>
            A prime&apos;s report sets its payment figures beside the payment practices report its company
            files with the government and, for its commissioner, its partners&apos; released figures. They are
            marked as disagreeing when the statutory figure and the prime&apos;s own answer are more than{" "}
            <strong>{paymentRecord.margin} percentage points</strong> apart
            {v1Record ? ` (version 1: ${v1Record.margin} days of average time to pay)` : ""}, or when
            partners&apos; average score and the score the prime&apos;s or the statutory figure gets by the
            same question&apos;s rule are more than <strong>{paymentRecord.scoreMargin} points</strong> apart.
            The statutory figures cover all the company&apos;s suppliers, so some distance is expected.
          </li>
        ) : null}
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
          Trends are shown between released rounds only, over the questions asked in the same way in both, and
          say how many questions were compared. Between rounds on different versions, that is the questions
          unchanged from one version to the next.
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

      <LevelsRule />

      <h2 className="mt-10 mb-4 text-3xl font-bold">The principles and questions</h2>
      <p className="mb-6 max-w-3xl">
        Each rating round uses one version of the questions, chosen by the commissioner when it opens the
        round. Version {latest.version} is offered for new rounds; earlier versions stay here because rounds
        that used them are still read by them.
      </p>
      {[...FRAMEWORK_VERSIONS].reverse().map((version) =>
        version === latest ? (
          <section key={version.version} aria-labelledby={`version-${version.version}`}>
            <h2 id={`version-${version.version}`} className="mb-4 text-2xl font-bold">
              Version {version.version}
            </h2>
            <FrameworkQuestions framework={version} />
          </section>
        ) : (
          <details key={version.version} className="mb-10">
            <summary className="cursor-pointer">
              <h2 className="inline text-2xl font-bold">Version {version.version}</h2>
            </summary>
            <FrameworkQuestions framework={version} />
          </details>
        ),
      )}
    </>
  );
}
