import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";
import type { Framework, Perspective, Question } from "@/lib/framework";
import { describeAnswer, describeFlagCondition, describeScoring } from "@/lib/framework/describe";

const PERSPECTIVE_LABEL: Record<Perspective, string> = {
  subcontractor: "Partners are asked",
  prime: "Primes are asked",
};

function RedFlagCell({ question }: { question: Question }) {
  const flag = question.redFlag;
  if (!flag) return <>–</>;
  return (
    <>
      <p>
        {flag.label}: raised by {describeFlagCondition(question, flag.when)}.
      </p>
      {flag.basis?.map((source) => (
        <p key={source.url} className="text-muted">
          Line from <a href={source.url}>{source.text}</a>
        </p>
      ))}
    </>
  );
}

/** One framework version's principles and questions, each with its rule, weight and red flag. */
export function FrameworkQuestions({ framework }: { framework: Framework }) {
  const v = framework.version;
  return framework.principles.map((principle, index) => (
    <section key={principle.key} className="mb-12" aria-labelledby={`principle-${v}-${principle.key}`}>
      <h3 id={`principle-${v}-${principle.key}`} className="mb-2 text-2xl font-bold">
        {index + 1}. {principle.title}
      </h3>
      <p className="mb-2 max-w-3xl">{principle.commitment}</p>
      <p className="mb-4 text-muted">Weight in the overall score: {principle.weight}.</p>
      {(["subcontractor", "prime"] as const).map((perspective) => {
        const who = perspective === "prime" ? "primes" : "partners";
        return (
          <div key={perspective} className="mb-6">
            <h4 className="mb-2 text-xl font-bold">{PERSPECTIVE_LABEL[perspective]}</h4>
            <ScrollRegion label={`Version ${v}, ${principle.title}: questions ${who} are asked`}>
              <table className="w-full border-collapse text-base">
                <caption className="sr-only">
                  Version {v}, {principle.title}: questions {who} are asked, how each is scored, its weight
                  and any red flag
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
                          <RedFlagCell question={q} />
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </ScrollRegion>
          </div>
        );
      })}
    </section>
  ));
}
