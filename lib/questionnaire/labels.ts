import { type AnswerValue, DONT_KNOW, NOT_APPLICABLE, type Question, SCALES } from "@/lib/framework";

const UNITS = { days: " days", percent: "%", count: "", gbp: "" } as const;

function optionLabel(question: Question, value: string): string {
  const spec = question.answer;
  const options =
    spec.type === "scale"
      ? SCALES[spec.scale]
      : spec.type === "yes-partly-no"
        ? SCALES["yes-partly-no"]
        : spec.type === "single" || spec.type === "multiple"
          ? spec.options
          : [];
  return options.find((o) => o.value === value)?.label ?? value;
}

/** An answer in words, as the check-your-answers page and receipts show it. */
export function answerLabel(question: Question, value: AnswerValue | undefined): string {
  if (value === undefined) return "Not answered";
  if (value === DONT_KNOW) return "Don’t know";
  if (value === NOT_APPLICABLE) return "Not applicable";
  if (typeof value === "number" && question.answer.type === "number") {
    // Every stored digit: the check page must show what was entered, not a rounded "12.346%".
    const formatted = value.toLocaleString("en-GB", { maximumSignificantDigits: 21 });
    if (question.answer.unit === "days" && value === 1) return "1 day";
    return question.answer.unit === "gbp" ? `£${formatted}` : `${formatted}${UNITS[question.answer.unit]}`;
  }
  if (Array.isArray(value)) return value.map((v) => optionLabel(question, v)).join(", ");
  return optionLabel(question, String(value));
}
