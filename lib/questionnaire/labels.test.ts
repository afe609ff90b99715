import { describe, expect, it } from "vitest";
import {
  DONT_KNOW,
  type FrameworkInput,
  findQuestion,
  framework,
  frameworkSchema,
  NOT_APPLICABLE,
  type Question,
  SCALES,
} from "@/lib/framework";
import { nonEmpty } from "@/tests/support/non-empty";
import { answerLabel } from "./labels";

type QuestionInput = FrameworkInput["principles"][number]["questions"][number];
const questionSchema = frameworkSchema.shape.principles.element.shape.questions.element;

function question(input: Pick<QuestionInput, "key" | "answer">): Question {
  return questionSchema.parse({
    perspective: "prime",
    text: "A question?",
    help: "Why it matters.",
    ...input,
  });
}

function shipped(key: string): Question {
  const q = findQuestion(framework, key);
  if (!q) throw new Error(`no question "${key}" in the shipped framework`);
  return q;
}

const days = shipped("pay.days.sub");
const fee = shipped("pay.fee.sub");
const feeExplained = shipped("pay.fee-explained.sub");
const fullCost = shipped("pay.full-cost.sub");
const methodChoice = shipped("pay.method-choice.sub");
const methods = shipped("pay.methods.sub");
const frequency = shipped("data.frequency.sub");

const count = question({ key: "test.count", answer: { type: "number", unit: "count", min: 0, max: 1e6 } });
const money = question({ key: "test.money", answer: { type: "number", unit: "gbp", min: 0, max: 1e9 } });

describe("answerLabel", () => {
  it("says Not answered when there is no answer", () => {
    for (const q of [days, feeExplained, methods, frequency])
      expect(answerLabel(q, undefined)).toBe("Not answered");
  });

  it("says Don’t know and Not applicable in words, whatever the question type", () => {
    for (const q of [days, fee, feeExplained, fullCost, methodChoice, methods, frequency]) {
      expect(answerLabel(q, DONT_KNOW), q.key).toBe("Don’t know");
      expect(answerLabel(q, NOT_APPLICABLE), q.key).toBe("Not applicable");
    }
  });

  it("gives numbers their unit", () => {
    expect(answerLabel(days, 45)).toBe("45 days");
    expect(answerLabel(days, 0)).toBe("0 days");
    expect(answerLabel(fee, 15)).toBe("15%");
    expect(answerLabel(fee, 7.5)).toBe("7.5%");
    expect(answerLabel(count, 12)).toBe("12");
    expect(answerLabel(money, 2500)).toBe("£2,500");
  });

  it("says 1 day, not 1 days", () => {
    expect(answerLabel(days, 1)).toBe("1 day");
    expect(answerLabel(days, 2)).toBe("2 days");
  });

  it("groups thousands the British way", () => {
    expect(answerLabel(count, 1234567)).toBe("1,234,567");
    expect(answerLabel(money, 1000000)).toBe("£1,000,000");
  });

  it("shows a decimal exactly as stored, without rounding it away", () => {
    expect(answerLabel(fee, 12.3456)).toBe("12.3456%");
    expect(answerLabel(fee, 0.0004)).toBe("0.0004%");
  });

  it("uses the scale's words for scale answers", () => {
    expect(answerLabel(fullCost, "strongly-disagree")).toBe("Strongly disagree");
    expect(answerLabel(fullCost, "neither")).toBe("Neither agree nor disagree");
    expect(answerLabel(methodChoice, "great-extent")).toBe("To a great extent");
    for (const option of nonEmpty(SCALES.agreement))
      expect(answerLabel(fullCost, option.value)).toBe(option.label);
    for (const option of nonEmpty(SCALES.extent))
      expect(answerLabel(methodChoice, option.value)).toBe(option.label);
  });

  it("uses Yes, Partly and No for yes/partly/no answers", () => {
    expect(answerLabel(feeExplained, "yes")).toBe("Yes");
    expect(answerLabel(feeExplained, "partly")).toBe("Partly");
    expect(answerLabel(feeExplained, "no")).toBe("No");
  });

  it("uses the option's label for a single choice", () => {
    expect(answerLabel(frequency, "quarterly")).toBe("Every 3 months");
    expect(answerLabel(frequency, "never")).toBe("Never");
  });

  it("joins a multiple choice's labels with commas, in the order stored", () => {
    expect(answerLabel(methods, ["milestone", "up-front"])).toBe(
      "Payments when agreed milestones are reached, A payment before delivery starts",
    );
    expect(answerLabel(methods, ["results-only"])).toBe("Payment only for final results");
  });

  it("falls back to the raw value for an option it does not know, rather than hiding it", () => {
    expect(answerLabel(fullCost, "retired-option")).toBe("retired-option");
    expect(answerLabel(methods, ["milestone", "retired-option"])).toBe(
      "Payments when agreed milestones are reached, retired-option",
    );
  });

  it("labels every option of every shipped question with its own label", () => {
    const options = framework.principles
      .flatMap((p) => p.questions)
      .flatMap((q) => {
        const spec = q.answer;
        return spec.type === "single" || spec.type === "multiple"
          ? spec.options.map((o) => ({ q, o, value: spec.type === "multiple" ? [o.value] : o.value }))
          : [];
      });
    for (const { q, o, value } of nonEmpty(options, "choice options")) {
      expect(answerLabel(q, value), q.key).toBe(o.label);
    }
  });
});
