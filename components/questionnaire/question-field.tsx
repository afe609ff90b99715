import type { Question } from "@/lib/framework";
import { type AnswerOrder, displayOptions } from "@/lib/framework/answer-order";
import { DONT_KNOW, NOT_APPLICABLE } from "@/lib/framework/constants";
import { EVIDENCE_MAX, fieldId, fieldName } from "@/lib/questionnaire/fields";
import type { TypedValues } from "@/lib/questionnaire/form";

const UNIT_SUFFIX = { days: "days", percent: "%", count: "", gbp: "" } as const;

interface Props {
  question: Question;
  /** The framework's answer order (docs/decisions/0020). */
  answerOrder: AnswerOrder;
  number: number;
  typed: TypedValues;
  error?: string;
}

function nonAnswers(question: Question) {
  return [
    ...(question.answer.allowDontKnow ? [{ value: DONT_KNOW, label: "Don’t know" }] : []),
    ...(question.answer.allowNotApplicable ? [{ value: NOT_APPLICABLE, label: "Not applicable" }] : []),
  ];
}

const asList = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value : value ? [value] : [];

/** One question as a GOV.UK fieldset: legend, why it matters, error, answers, optional note. */
export function QuestionField({ question, answerOrder, number, typed, error }: Props) {
  const id = fieldId(question.key);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const spec = question.answer;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(" ");
  const evidenceName = fieldName.evidence(question.key);
  const evidence = typed[evidenceName];
  const evidenceText = typeof evidence === "string" ? evidence : "";
  const choice = (value: string, label: string, index: number, type: "radio" | "checkbox", name: string) => {
    const checked = asList(typed[name]).includes(value);
    return (
      <div key={value} className="flex items-start gap-3">
        <input
          id={index === 0 ? id : `${id}-${value}`}
          type={type}
          name={name}
          value={value}
          defaultChecked={checked}
          className="mt-1 size-7 shrink-0 accent-ink"
        />
        <label htmlFor={index === 0 ? id : `${id}-${value}`} className="pt-0.5">
          {label}
        </label>
      </div>
    );
  };

  return (
    <div className={`mb-10 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <fieldset aria-describedby={describedBy}>
        <legend className="mb-2 text-xl font-bold">
          <span className="mr-2">{number}.</span> {question.text}
        </legend>
        <p id={hintId} className="mb-3 text-muted">
          {question.help}
        </p>
        {error ? (
          <p id={errorId} className="mb-3 font-bold text-error">
            <span className="sr-only">Error: </span>
            {error}
          </p>
        ) : null}

        {spec.type === "number" ? (
          <div className="space-y-3">
            <div className="flex items-center gap-2">
              <label htmlFor={id} className="sr-only">
                {`Answer to question ${number}${spec.unit === "gbp" ? " in pounds" : ""}`}
              </label>
              {spec.unit === "gbp" ? <span aria-hidden="true">£</span> : null}
              <input
                id={id}
                name={fieldName.answer(question.key)}
                type="text"
                inputMode={spec.integer ? "numeric" : "decimal"}
                spellCheck={false}
                autoComplete="off"
                defaultValue={typeof typed[question.key] === "string" ? (typed[question.key] as string) : ""}
                aria-invalid={error ? true : undefined}
                className={`w-32 border-2 px-2 py-1 ${error ? "border-error" : "border-ink"}`}
              />
              {UNIT_SUFFIX[spec.unit] ? <span>{UNIT_SUFFIX[spec.unit]}</span> : null}
            </div>
            {nonAnswers(question).length ? (
              <div className="space-y-2">
                <p className="text-base text-muted">If you cannot give a number:</p>
                {nonAnswers(question).map((o) => (
                  <div key={o.value} className="flex items-start gap-3">
                    <input
                      id={`${id}-${o.value}`}
                      type="checkbox"
                      name={fieldName.nonAnswer(question.key)}
                      value={o.value}
                      defaultChecked={asList(typed[fieldName.nonAnswer(question.key)]).includes(o.value)}
                      className="mt-1 size-7 shrink-0 accent-ink"
                    />
                    <label htmlFor={`${id}-${o.value}`} className="pt-0.5">
                      {o.label}
                    </label>
                  </div>
                ))}
              </div>
            ) : null}
          </div>
        ) : (
          <div className="space-y-2">
            {spec.type === "multiple" ? <p className="text-base text-muted">Select all that apply.</p> : null}
            {displayOptions(question, answerOrder).map((o, i) =>
              choice(
                o.value,
                o.label,
                i,
                spec.type === "multiple" ? "checkbox" : "radio",
                fieldName.answer(question.key),
              ),
            )}
            {nonAnswers(question).length ? <p className="py-1 text-base text-muted">or</p> : null}
            {nonAnswers(question).map((o) =>
              choice(
                o.value,
                o.label,
                1,
                spec.type === "multiple" ? "checkbox" : "radio",
                fieldName.answer(question.key),
              ),
            )}
          </div>
        )}
      </fieldset>

      <details className="mt-4" open={evidenceText.length > 0}>
        <summary className="cursor-pointer text-brand underline">Add a note or evidence (optional)</summary>
        <div className="mt-2 border-l-4 border-gray-300 pl-4">
          <label htmlFor={fieldId(question.key, "evidence")} className="mb-1 block font-bold">
            Note or evidence for question {number}
          </label>
          <p id={`${fieldId(question.key, "evidence")}-hint`} className="mb-2 text-base text-muted">
            {question.evidencePrompt ?? "For example, what happened, or a document that shows it."} Up to{" "}
            {EVIDENCE_MAX.toLocaleString("en-GB")} characters.
          </p>
          <textarea
            id={fieldId(question.key, "evidence")}
            name={evidenceName}
            rows={3}
            defaultValue={evidenceText}
            aria-describedby={`${fieldId(question.key, "evidence")}-hint`}
            className="w-full max-w-2xl border-2 border-ink p-2"
          />
        </div>
      </details>
    </div>
  );
}
