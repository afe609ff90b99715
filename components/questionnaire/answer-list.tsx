import Link from "next/link";
import { type AnswerValue, type Framework, type Perspective, principleQuestions } from "@/lib/framework";
import { answerLabel } from "@/lib/questionnaire/labels";

/**
 * One version's answers, read-only: a section per principle, each question with the answer given
 * and its note. With `changeHref`, each answer also links to where it is changed (a draft's check
 * page); without it, nothing can be changed (a submitted version).
 */
export function AnswerList({
  framework,
  perspective,
  answers,
  changeHref,
}: {
  framework: Framework;
  perspective: Perspective;
  answers: ReadonlyMap<string, { value: AnswerValue; evidence: string | null }>;
  changeHref?: (principleKey: string, questionKey: string) => string;
}) {
  return framework.principles.map((principle) => (
    <section key={principle.key} className="mb-10" aria-labelledby={`section-${principle.key}`}>
      <h2 id={`section-${principle.key}`} className="mb-4 text-2xl font-bold">
        {principle.title}
      </h2>
      <dl className="border-t border-gray-300">
        {principleQuestions(framework, principle.key, perspective).map((question, index) => {
          const answer = answers.get(question.key);
          return (
            <div
              key={question.key}
              className={`grid gap-2 border-b border-gray-300 py-3 md:gap-6 ${
                changeHref ? "md:grid-cols-[2fr_1.5fr_auto]" : "md:grid-cols-[2fr_1.5fr]"
              }`}
            >
              <dt className="font-bold">
                {index + 1}. {question.text}
              </dt>
              <dd>
                <p>{answerLabel(question, answer?.value)}</p>
                {answer?.evidence ? (
                  <p className="mt-1 text-base whitespace-pre-wrap text-muted">Note: {answer.evidence}</p>
                ) : null}
              </dd>
              {changeHref ? (
                <dd>
                  <Link href={changeHref(principle.key, question.key)}>
                    Change<span className="sr-only"> your answer to: {question.text}</span>
                  </Link>
                </dd>
              ) : null}
            </div>
          );
        })}
      </dl>
    </section>
  ));
}
