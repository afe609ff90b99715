import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnswerValue,
  DONT_KNOW,
  type FrameworkInput,
  findQuestion,
  framework,
  frameworkSchema,
  NOT_APPLICABLE,
  optionValues,
  PERSPECTIVES,
  principleQuestions,
  type Question,
  questionsFor,
} from "@/lib/framework";
import { nonEmpty } from "@/tests/support/non-empty";
import {
  EVIDENCE_MAX,
  type FieldError,
  fieldId,
  fieldName,
  type PageAnswer,
  type ReadPage,
  readPage,
  storedToTyped,
  type TypedValues,
} from "./form";

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

type QuestionInput = FrameworkInput["principles"][number]["questions"][number];

/** The schema of one question, so hand-built questions get the same checks and defaults as shipped ones. */
const questionSchema = frameworkSchema.shape.principles.element.shape.questions.element;

function question(input: Partial<QuestionInput> & Pick<QuestionInput, "key" | "answer">): Question {
  return questionSchema.parse({
    perspective: "subcontractor",
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

/** fair-payment, subcontractor: days (integer), fee % (decimal), yes-partly-no, agreement scale, multiple, extent scale. */
const payPage = principleQuestions(framework, "fair-payment", "subcontractor");
const [days, fee, feeExplained, fullCost, methods, methodChoice] = payPage as [
  Question,
  Question,
  Question,
  Question,
  Question,
  Question,
];

/** A single choice that offers Don't know but not Not applicable. */
const viability = shipped("risk.viability.sub");
/** A whole-number percentage, 0–100. */
const outcomeShare = shipped("risk.outcome-share.sub");

/** A number that must be answered: neither non-answer is offered. */
const strictCount = question({
  key: "test.strict-count",
  answer: {
    type: "number",
    unit: "count",
    min: 1,
    max: 5000,
    allowDontKnow: false,
    allowNotApplicable: false,
  },
});
/** A multiple choice that offers only Not applicable. */
const naOnlyMultiple = question({
  key: "test.na-only",
  answer: {
    type: "multiple",
    options: [
      { value: "red", label: "Red" },
      { value: "green", label: "Green" },
      { value: "blue", label: "Blue" },
    ],
    allowDontKnow: false,
  },
});
/** A yes/partly/no with no non-answers at all. */
const mustYpn = question({
  key: "test.must-ypn",
  answer: { type: "yes-partly-no", allowDontKnow: false, allowNotApplicable: false },
});

/** Builds a real FormData; arrays become repeated fields, as checkboxes submit. */
function form(fields: Record<string, string | readonly string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of typeof value === "string" ? [value] : value) data.append(name, v);
  }
  return data;
}

const read = (
  questions: readonly Question[],
  fields: Record<string, string | readonly string[]>,
  requireAll = false,
) => readPage(questions, form(fields), { requireAll });

/** Reads one question and expects exactly one error, for it; returns the error. */
function expectOneError(page: ReadPage, q: Question): FieldError {
  expect(page.errors).toHaveLength(1);
  const [error] = page.errors as [FieldError];
  expect(error.questionKey).toBe(q.key);
  expect(page.answers.has(q.key)).toBe(false);
  return error;
}

// ---------------------------------------------------------------------------------------------
// Field names and ids
// ---------------------------------------------------------------------------------------------

describe("field names and ids", () => {
  it("names the answer after the key, and the non-answer and evidence fields after it", () => {
    expect(fieldName.answer("pay.days.sub")).toBe("pay.days.sub");
    expect(fieldName.nonAnswer("pay.days.sub")).toBe("pay.days.sub:non");
    expect(fieldName.evidence("pay.days.sub")).toBe("pay.days.sub:evidence");
  });

  it("gives each question an answer id and an evidence id with no dots", () => {
    expect(fieldId("pay.days.sub")).toBe("q-pay-days-sub");
    expect(fieldId("pay.days.sub", "answer")).toBe("q-pay-days-sub");
    expect(fieldId("pay.days.sub", "evidence")).toBe("evidence-pay-days-sub");
  });

  it("is stable, valid as an HTML id and usable as a CSS #selector for every shipped question", () => {
    const keys = framework.principles.flatMap((p) => p.questions.map((q) => q.key));
    const ids = new Set<string>();
    for (const key of nonEmpty(keys, "question keys")) {
      for (const part of ["answer", "evidence"] as const) {
        const id = fieldId(key, part);
        expect(fieldId(key, part)).toBe(id);
        expect(id, id).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
        ids.add(id);
      }
    }
    expect(ids.size).toBe(keys.length * 2);
  });

  it("points every error href at # plus the field id", () => {
    const page = read([days, fullCost], { [days.key]: "lots", [fullCost.key]: "nope" });
    expect(page.errors.map((e) => e.href)).toEqual(["#q-pay-days-sub", "#q-pay-full-cost-sub"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Valid answers of every type
// ---------------------------------------------------------------------------------------------

describe("readPage: valid answers", () => {
  it("sanity-checks the fixtures: the fair-payment page has the expected mix of types", () => {
    expect(payPage.map((q) => q.key)).toEqual([
      "pay.days.sub",
      "pay.fee.sub",
      "pay.fee-explained.sub",
      "pay.full-cost.sub",
      "pay.methods.sub",
      "pay.method-choice.sub",
    ]);
    expect(days.answer).toMatchObject({ type: "number", unit: "days", integer: true, min: 0, max: 365 });
    expect(fee.answer).toMatchObject({ type: "number", unit: "percent", integer: false, min: 0, max: 100 });
    expect(methods.answer.type).toBe("multiple");
    expect(viability.answer).toMatchObject({
      type: "single",
      allowDontKnow: true,
      allowNotApplicable: false,
    });
  });

  it("accepts a whole page answered with every type, with no errors and nothing blank", () => {
    const page = read(
      payPage,
      {
        [days.key]: "45",
        [fee.key]: "7.5",
        [feeExplained.key]: "partly",
        [fullCost.key]: "strongly-disagree",
        [methods.key]: ["milestone", "results-only"],
        [methodChoice.key]: "great-extent",
      },
      true,
    );
    expect(page.errors).toEqual([]);
    expect(page.blank).toEqual([]);
    expect(Object.fromEntries([...page.answers].map(([k, a]) => [k, a.value]))).toEqual({
      "pay.days.sub": 45,
      "pay.fee.sub": 7.5,
      "pay.fee-explained.sub": "partly",
      "pay.full-cost.sub": "strongly-disagree",
      "pay.methods.sub": ["milestone", "results-only"],
      "pay.method-choice.sub": "great-extent",
    });
    for (const answer of page.answers.values()) expect(answer.evidence).toBeNull();
  });

  it("accepts a single choice option", () => {
    const page = read([viability], { [viability.key]: "viable" }, true);
    expect(page.errors).toEqual([]);
    expect(page.answers.get(viability.key)?.value).toBe("viable");
  });

  it("accepts every option of every option-type question in the shipped framework", () => {
    const options = framework.principles
      .flatMap((p) => p.questions)
      .flatMap((q) => (optionValues(q.answer) ?? []).map((option) => ({ q, option })));
    for (const { q, option } of nonEmpty(options, "options")) {
      const page = read([q], { [q.key]: option }, true);
      expect(page.errors, `${q.key}=${option}`).toEqual([]);
      const value = page.answers.get(q.key)?.value;
      expect(value, `${q.key}=${option}`).toEqual(q.answer.type === "multiple" ? [option] : option);
    }
  });

  it("returns a number, not a string, for number questions", () => {
    const page = read([days], { [days.key]: "30" });
    expect(page.answers.get(days.key)?.value).toBe(30);
    expect(typeof page.answers.get(days.key)?.value).toBe("number");
  });

  it("accepts the bounds themselves", () => {
    expect(read([days], { [days.key]: "0" }).answers.get(days.key)?.value).toBe(0);
    expect(read([days], { [days.key]: "365" }).answers.get(days.key)?.value).toBe(365);
    expect(read([strictCount], { [strictCount.key]: "1" }).answers.get(strictCount.key)?.value).toBe(1);
  });

  it("trims spaces around an answer", () => {
    const page = read([days, feeExplained], { [days.key]: "  12 ", [feeExplained.key]: " yes " });
    expect(page.errors).toEqual([]);
    expect(page.answers.get(days.key)?.value).toBe(12);
    expect(page.answers.get(feeExplained.key)?.value).toBe("yes");
  });

  it("keeps multiple choices in the order submitted and drops repeats", () => {
    const page = read([methods], { [methods.key]: ["results-only", "up-front", "results-only"] });
    expect(page.errors).toEqual([]);
    expect(page.answers.get(methods.key)?.value).toEqual(["results-only", "up-front"]);
  });

  it("accepts Don't know and Not applicable as answers to option questions", () => {
    const page = read(
      [feeExplained, fullCost, methods],
      { [feeExplained.key]: DONT_KNOW, [fullCost.key]: NOT_APPLICABLE, [methods.key]: DONT_KNOW },
      true,
    );
    expect(page.errors).toEqual([]);
    expect(page.blank).toEqual([]);
    expect(page.answers.get(feeExplained.key)?.value).toBe(DONT_KNOW);
    expect(page.answers.get(fullCost.key)?.value).toBe(NOT_APPLICABLE);
    // A non-answer to a multiple choice is stored as the bare string, not a one-item list.
    expect(page.answers.get(methods.key)?.value).toBe(DONT_KNOW);
  });

  it("accepts a non-answer box ticked with the number left empty", () => {
    const page = read(
      [days, fee],
      {
        [days.key]: "",
        [fieldName.nonAnswer(days.key)]: DONT_KNOW,
        [fee.key]: "  ",
        [fieldName.nonAnswer(fee.key)]: NOT_APPLICABLE,
      },
      true,
    );
    expect(page.errors).toEqual([]);
    expect(page.answers.get(days.key)?.value).toBe(DONT_KNOW);
    expect(page.answers.get(fee.key)?.value).toBe(NOT_APPLICABLE);
  });

  it("ignores fields for questions not on the page", () => {
    const page = read([days], { [days.key]: "10", [fullCost.key]: "agree", "pay.days.prime": "3" });
    expect([...page.answers.keys()]).toEqual([days.key]);
    expect(Object.keys(page.typed)).not.toContain(fullCost.key);
  });

  it("treats an uploaded file in an answer field as nothing given", () => {
    const data = new FormData();
    data.append(feeExplained.key, new Blob(["yes"]), "yes.txt");
    const page = readPage([feeExplained], data, { requireAll: false });
    expect(page.answers.size).toBe(0);
    expect(page.blank).toEqual([feeExplained.key]);
    expect(page.typed[feeExplained.key]).toBe("");
  });
});

// ---------------------------------------------------------------------------------------------
// Echoing back what was typed
// ---------------------------------------------------------------------------------------------

describe("readPage: what was typed comes back unchanged", () => {
  it("echoes valid answers exactly, including spaces, commas and the % sign", () => {
    const fields = {
      [days.key]: " 1,0 ",
      [fieldName.nonAnswer(days.key)]: [] as string[],
      [fieldName.evidence(days.key)]: "  invoice 42  ",
      [fee.key]: "15%",
      [feeExplained.key]: "yes",
      [methods.key]: ["milestone", "up-front"],
    };
    const page = read([days, fee, feeExplained, methods], fields);
    expect(page.typed[days.key]).toBe(" 1,0 ");
    expect(page.typed[fieldName.evidence(days.key)]).toBe("  invoice 42  ");
    expect(page.typed[fee.key]).toBe("15%");
    expect(page.typed[feeExplained.key]).toBe("yes");
    expect(page.typed[methods.key]).toEqual(["milestone", "up-front"]);
  });

  it("echoes invalid answers too, so nothing typed is lost when the page shows errors", () => {
    const longNote = "x".repeat(EVIDENCE_MAX + 1);
    const page = read([days, fee, fullCost, methods], {
      [days.key]: "about a month",
      [fieldName.nonAnswer(days.key)]: [DONT_KNOW, NOT_APPLICABLE],
      [fieldName.evidence(days.key)]: longNote,
      [fee.key]: "150",
      [fullCost.key]: "kinda",
      [methods.key]: ["milestone", DONT_KNOW],
    });
    expect(page.errors.length).toBeGreaterThanOrEqual(4);
    expect(page.typed[days.key]).toBe("about a month");
    expect(page.typed[fieldName.nonAnswer(days.key)]).toEqual([DONT_KNOW, NOT_APPLICABLE]);
    expect(page.typed[fieldName.evidence(days.key)]).toBe(longNote);
    expect(page.typed[fee.key]).toBe("150");
    expect(page.typed[fullCost.key]).toBe("kinda");
    expect(page.typed[methods.key]).toEqual(["milestone", DONT_KNOW]);
  });

  it("gives every question on the page an answer, non-answer and evidence entry, even when nothing was sent", () => {
    const page = read(payPage, {});
    for (const q of nonEmpty(payPage, "the fair-payment page")) {
      expect(page.typed[fieldName.answer(q.key)]).toEqual(q.answer.type === "multiple" ? [] : "");
      expect(page.typed[fieldName.nonAnswer(q.key)]).toEqual([]);
      expect(page.typed[fieldName.evidence(q.key)]).toBe("");
    }
    expect(Object.keys(page.typed)).toHaveLength(payPage.length * 3);
  });

  it("echoes anything typed into a number box, whatever it is", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (typed) => {
        const page = read([days], { [days.key]: typed });
        expect(page.typed[days.key]).toBe(typed);
        // Either accepted as a number in range, blank, or refused: never anything else.
        const value = page.answers.get(days.key)?.value;
        if (value !== undefined) {
          expect(typeof value).toBe("number");
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(365);
          expect(Number.isInteger(value)).toBe(true);
        } else {
          expect(page.blank.length + page.errors.length).toBe(1);
        }
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Blank questions
// ---------------------------------------------------------------------------------------------

describe("readPage: blank questions", () => {
  it("with requireAll, gives an error per blank question, numbered by its place on the page", () => {
    const page = read(payPage, { [days.key]: "3", [fullCost.key]: "agree" }, true);
    expect(page.errors.map((e) => e.questionKey)).toEqual([
      fee.key,
      feeExplained.key,
      methods.key,
      methodChoice.key,
    ]);
    expect(page.errors.map((e) => e.message.split(":")[0])).toEqual([
      "Question 2",
      "Question 3",
      "Question 5",
      "Question 6",
    ]);
    expect(page.blank).toEqual([fee.key, feeExplained.key, methods.key, methodChoice.key]);
    // The answered ones are still read, so the caller can see them.
    expect(page.answers.get(days.key)?.value).toBe(3);
  });

  it("asks for a number, or a choice, and offers both non-answers when the question allows them", () => {
    const page = read([days, feeExplained], {}, true);
    expect(page.errors.map((e) => e.message)).toEqual([
      "Question 1: Enter a number, or choose ‘Don’t know’ or ‘Not applicable’",
      "Question 2: Choose an answer, or choose ‘Don’t know’ or ‘Not applicable’",
    ]);
    expect(page.errors.map((e) => e.href)).toEqual([
      `#${fieldId(days.key)}`,
      `#${fieldId(feeExplained.key)}`,
    ]);
  });

  it("offers only the non-answers the question allows", () => {
    const page = read([viability, naOnlyMultiple, strictCount, mustYpn], {}, true);
    expect(page.errors.map((e) => e.message)).toEqual([
      "Question 1: Choose an answer, or choose ‘Don’t know’",
      "Question 2: Choose an answer, or choose ‘Not applicable’",
      "Question 3: Enter a number",
      "Question 4: Choose an answer",
    ]);
  });

  it("without requireAll, allows blanks and lists them in `blank`", () => {
    const page = read(payPage, { [fee.key]: "2", [methods.key]: "up-front" }, false);
    expect(page.errors).toEqual([]);
    expect(page.blank).toEqual([days.key, feeExplained.key, fullCost.key, methodChoice.key]);
    expect([...page.answers.keys()]).toEqual([fee.key, methods.key]);
  });

  it("treats spaces alone as blank", () => {
    const page = read([days, fee], { [days.key]: "   ", [fee.key]: "\t" }, false);
    expect(page.errors).toEqual([]);
    expect(page.blank).toEqual([days.key, fee.key]);
  });

  it("does not list an answered question, or a question with an error, as blank", () => {
    const page = read([days, fee], { [days.key]: "5", [fee.key]: "lots" }, false);
    expect(page.blank).toEqual([]);
    expect(page.errors.map((e) => e.questionKey)).toEqual([fee.key]);
  });
});

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

describe("readPage: numbers", () => {
  const readNumber = (q: Question, typed: string) => read([q], { [q.key]: typed }).answers.get(q.key)?.value;
  const errorOf = (q: Question, fields: Record<string, string | string[]>) =>
    expectOneError(read([q], fields), q).message;

  it("tolerates thousands separators and a trailing %", () => {
    expect(readNumber(strictCount, "1,000")).toBe(1000);
    expect(readNumber(strictCount, "4,999")).toBe(4999);
    expect(readNumber(fee, "15%")).toBe(15);
    expect(readNumber(fee, "12.5%")).toBe(12.5);
    expect(readNumber(outcomeShare, " 40% ")).toBe(40);
  });

  it("accepts decimals where the question allows them", () => {
    expect(readNumber(fee, "0.25")).toBe(0.25);
    expect(readNumber(fee, "99.99")).toBe(99.99);
  });

  it("refuses words, with an example number", () => {
    expect(errorOf(days, { [days.key]: "about a month" })).toBe("Question 1: Enter a number, like 10");
    expect(errorOf(strictCount, { [strictCount.key]: "lots" })).toBe("Question 1: Enter a number, like 11");
  });

  it("refuses things that look numeric but are not plain numbers", () => {
    for (const typed of [
      "1e3",
      "0x10",
      "Infinity",
      "NaN",
      "30 days",
      "£30",
      "1.",
      ".5",
      "1.2.3",
      "--1",
      "+5",
      "%5",
    ]) {
      const page = read([days], { [days.key]: typed });
      expect(page.errors, typed).toHaveLength(1);
      expect(page.errors[0]?.message, typed).toMatch(/^Question 1: Enter a number/);
      expect(page.answers.size, typed).toBe(0);
    }
  });

  it("refuses decimals where the question needs a whole number", () => {
    expect(errorOf(days, { [days.key]: "2.5" })).toBe("Question 1: Enter a whole number");
    expect(errorOf(outcomeShare, { [outcomeShare.key]: "33.3%" })).toBe("Question 1: Enter a whole number");
  });

  it("refuses numbers out of range, naming the bounds", () => {
    expect(errorOf(days, { [days.key]: "366" })).toBe("Question 1: Enter a number from 0 to 365");
    expect(errorOf(days, { [days.key]: "-1" })).toBe("Question 1: Enter a number from 0 to 365");
    expect(errorOf(fee, { [fee.key]: "100.01%" })).toBe("Question 1: Enter a number from 0 to 100");
    expect(errorOf(strictCount, { [strictCount.key]: "0" })).toBe(
      "Question 1: Enter a number from 1 to 5,000",
    );
    expect(errorOf(strictCount, { [strictCount.key]: "5,001" })).toBe(
      "Question 1: Enter a number from 1 to 5,000",
    );
  });

  it("refuses a number together with a ticked non-answer box", () => {
    expect(errorOf(days, { [days.key]: "30", [fieldName.nonAnswer(days.key)]: DONT_KNOW })).toBe(
      "Question 1: Enter a number, or choose ‘Don’t know’ or ‘Not applicable’, not both",
    );
    expect(errorOf(fee, { [fee.key]: "abc", [fieldName.nonAnswer(fee.key)]: NOT_APPLICABLE })).toMatch(
      /not both$/,
    );
  });

  it("refuses both non-answer boxes ticked", () => {
    expect(errorOf(days, { [fieldName.nonAnswer(days.key)]: [DONT_KNOW, NOT_APPLICABLE] })).toBe(
      "Question 1: Choose ‘Don’t know’ or ‘Not applicable’, not both",
    );
  });

  it("accepts any whole number in range, however it is written", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.boolean(),
        fc.constantFrom("", "%"),
        (n, grouped, suffix) => {
          const typed = `${grouped ? n.toLocaleString("en-GB") : String(n)}${suffix}`;
          const page = read([strictCount], { [strictCount.key]: typed }, true);
          expect(page.errors).toEqual([]);
          expect(page.answers.get(strictCount.key)?.value).toBe(n);
        },
      ),
    );
  });

  it("refuses any whole number out of range", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 366 })), (n) => {
        const page = read([days], { [days.key]: String(n) });
        expect(page.errors.map((e) => e.message)).toEqual(["Question 1: Enter a number from 0 to 365"]);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Tampering
// ---------------------------------------------------------------------------------------------

describe("readPage: the browser is not trusted", () => {
  it("refuses an option that is not offered", () => {
    for (const q of [fullCost, feeExplained, methodChoice, viability, methods]) {
      const page = read([q], { [q.key]: "excellent" });
      expect(expectOneError(page, q).message).toBe("Question 1: Choose one of the answers shown");
    }
  });

  it("refuses an option from a different scale", () => {
    // "agree" belongs to the agreement scale; method-choice uses the extent scale.
    const page = read([methodChoice], { [methodChoice.key]: "agree" });
    expect(expectOneError(page, methodChoice).message).toBe("Question 1: Choose one of the answers shown");
  });

  it("refuses two values for a single-choice radio", () => {
    for (const q of [feeExplained, fullCost, viability]) {
      const options = optionValues(q.answer) ?? [];
      const page = read([q], { [q.key]: [options[0] ?? "", options[1] ?? ""] });
      expect(expectOneError(page, q).message).toBe("Question 1: Choose one answer");
    }
  });

  it("refuses an answer plus a non-answer for a single-choice radio", () => {
    const page = read([feeExplained], { [feeExplained.key]: ["yes", DONT_KNOW] });
    expect(expectOneError(page, feeExplained).message).toBe("Question 1: Choose one answer");
  });

  it("refuses a non-answer the question does not offer", () => {
    // risk.viability.sub offers Don't know but not Not applicable.
    const single = read([viability], { [viability.key]: NOT_APPLICABLE });
    expect(expectOneError(single, viability).message).toBe("Question 1: Choose one of the answers shown");

    const ypn = read([mustYpn], { [mustYpn.key]: DONT_KNOW });
    expect(expectOneError(ypn, mustYpn).message).toBe("Question 1: Choose one of the answers shown");

    const multiple = read([naOnlyMultiple], { [naOnlyMultiple.key]: DONT_KNOW });
    expect(expectOneError(multiple, naOnlyMultiple).message).toBe(
      "Question 1: Choose one of the answers shown",
    );

    const number = read([strictCount], { [fieldName.nonAnswer(strictCount.key)]: DONT_KNOW });
    expect(expectOneError(number, strictCount).message).toBe("Question 1: Choose one of the answers shown");
  });

  it("refuses an unknown value in a number's non-answer box", () => {
    const page = read([days], { [fieldName.nonAnswer(days.key)]: "skip" });
    expect(expectOneError(page, days).message).toBe("Question 1: Choose one of the answers shown");
  });

  it("refuses a multiple choice that mixes options with a non-answer", () => {
    const page = read([methods], { [methods.key]: ["milestone", DONT_KNOW] });
    expect(expectOneError(page, methods).message).toBe(
      "Question 1: Choose options, or choose ‘Don’t know’ or ‘Not applicable’, not both",
    );
    const both = read([methods], { [methods.key]: [DONT_KNOW, NOT_APPLICABLE] });
    expect(expectOneError(both, methods).message).toMatch(/not both$/);
  });

  it("refuses a multiple choice where only one of the values is not offered", () => {
    const page = read([methods], { [methods.key]: ["milestone", "bribes"] });
    expect(expectOneError(page, methods).message).toBe("Question 1: Choose one of the answers shown");
  });

  it("refuses an empty value for an option question", () => {
    const page = read([fullCost], { [fullCost.key]: "" });
    expect(expectOneError(page, fullCost).message).toBe("Question 1: Choose one of the answers shown");
  });

  it("keeps a tampered question from spoiling the others, even without requireAll", () => {
    const page = read([days, fullCost, methods], {
      [days.key]: "10",
      [fullCost.key]: "strongly-agree-plus",
      [methods.key]: "milestone",
    });
    expect(page.errors.map((e) => e.questionKey)).toEqual([fullCost.key]);
    expect(page.errors[0]?.message).toMatch(/^Question 2: /);
    expect([...page.answers.keys()]).toEqual([days.key, methods.key]);
    expect(page.blank).toEqual([]);
  });

  it("never accepts a value for an option question that is not one of its offered values", () => {
    const q = viability;
    const offered = [...(optionValues(q.answer) ?? []), DONT_KNOW];
    const value = fc.oneof(
      fc.constantFrom(...offered, NOT_APPLICABLE, "", " "),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3 }), (values) => {
        const page = read([q], { [q.key]: values });
        const answer = page.answers.get(q.key)?.value;
        if (answer !== undefined) {
          expect(values).toHaveLength(1);
          expect(offered).toContain(answer);
        }
        expect(page.answers.size + page.blank.length + page.errors.length).toBe(1);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Evidence notes
// ---------------------------------------------------------------------------------------------

describe("readPage: evidence notes", () => {
  it("refuses a note with a NUL character, which the database cannot store", () => {
    const page = read([days], { [days.key]: "30", [fieldName.evidence(days.key)]: "Paid\u0000 late" });
    expect(page.errors).toEqual([
      {
        href: `#${fieldId(days.key, "evidence")}`,
        questionKey: days.key,
        message: expect.stringMatching(/^Question 1: your note includes a hidden character/),
      },
    ]);
  });

  it("stores the note trimmed", () => {
    const page = read([days], { [days.key]: "30", [fieldName.evidence(days.key)]: "  Paid late twice.\n" });
    expect(page.answers.get(days.key)).toEqual({ value: 30, evidence: "Paid late twice." });
  });

  it("stores an empty or blank note as null", () => {
    for (const note of ["", "   ", "\n\t"]) {
      const page = read([feeExplained], {
        [feeExplained.key]: "no",
        [fieldName.evidence(feeExplained.key)]: note,
      });
      expect(page.answers.get(feeExplained.key)).toEqual({ value: "no", evidence: null });
    }
  });

  it("keeps a note with a non-answer", () => {
    const page = read([methods], {
      [methods.key]: DONT_KNOW,
      [fieldName.evidence(methods.key)]: "Ask finance",
    });
    expect(page.answers.get(methods.key)).toEqual({ value: DONT_KNOW, evidence: "Ask finance" });
  });

  it(`accepts a note of exactly ${EVIDENCE_MAX} characters, counting after trimming`, () => {
    const note = "a".repeat(EVIDENCE_MAX);
    const page = read([days], { [days.key]: "1", [fieldName.evidence(days.key)]: `   ${note}   ` });
    expect(page.errors).toEqual([]);
    expect(page.answers.get(days.key)?.evidence).toBe(note);
  });

  it("refuses a longer note, linking to the evidence field", () => {
    const page = read([days, fee], {
      [days.key]: "1",
      [fee.key]: "2",
      [fieldName.evidence(fee.key)]: "b".repeat(EVIDENCE_MAX + 1),
    });
    expect(page.errors).toEqual([
      {
        href: "#evidence-pay-fee-sub",
        questionKey: fee.key,
        message: "Question 2: your note must be 2,000 characters or fewer",
      },
    ]);
    expect(page.errors[0]?.href).toBe(`#${fieldId(fee.key, "evidence")}`);
  });

  it("reports a long note as well as a bad answer to the same question", () => {
    const page = read([days], {
      [days.key]: "soon",
      [fieldName.evidence(days.key)]: "c".repeat(EVIDENCE_MAX + 1),
    });
    expect(page.errors.map((e) => e.href)).toEqual([
      `#${fieldId(days.key)}`,
      `#${fieldId(days.key, "evidence")}`,
    ]);
  });

  it("reports a long note on a blank question, even without requireAll", () => {
    const page = read([days], { [fieldName.evidence(days.key)]: "d".repeat(EVIDENCE_MAX + 1) });
    expect(page.errors.map((e) => e.href)).toContain(`#${fieldId(days.key, "evidence")}`);
  });

  it("refuses to drop a note left on an unanswered question, keeping what was typed", () => {
    const page = read([days], { [fieldName.evidence(days.key)]: "We chase every invoice." });
    expect(page.errors.map((e) => e.message)).toEqual([
      "Question 1: Answer the question to keep your note, or remove the note",
    ]);
    expect(page.typed[fieldName.evidence(days.key)]).toBe("We chase every invoice.");
    expect(page.answers.size).toBe(0);
  });

  it.each(["1,5", "12,34", "1,0000"])(
    "refuses %s rather than guess where the decimal point goes",
    (typed) => {
      const page = read([days], { [days.key]: typed });
      expect(page.errors[0]?.message).toMatch(/^Question 1: Enter a number, like/);
    },
  );

  it("accepts thousands separators", () => {
    const fee = read([days], { [days.key]: "1,000" });
    expect(fee.errors[0]?.message ?? "").not.toMatch(/Enter a number, like/);
  });

  it("treats a box holding only a % sign as a mistake, not a blank", () => {
    const page = read([days], { [days.key]: "%" });
    expect(page.errors[0]?.message).toMatch(/^Question 1: Enter a number, like/);
  });
});

// ---------------------------------------------------------------------------------------------
// storedToTyped and the round trip
// ---------------------------------------------------------------------------------------------

/**
 * What a browser submits for a page rendered from `typed` (see components/questionnaire/question-field.tsx):
 * the number box and the note are always sent; radios and checkboxes only when checked.
 */
function submit(questions: readonly Question[], typed: TypedValues): FormData {
  const data = new FormData();
  const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
  for (const q of questions) {
    const answer = typed[fieldName.answer(q.key)];
    if (q.answer.type === "number") {
      data.append(fieldName.answer(q.key), typeof answer === "string" ? answer : "");
      for (const v of list(typed[fieldName.nonAnswer(q.key)])) data.append(fieldName.nonAnswer(q.key), v);
    } else {
      for (const v of list(answer)) data.append(fieldName.answer(q.key), v);
    }
    const evidence = typed[fieldName.evidence(q.key)];
    data.append(fieldName.evidence(q.key), typeof evidence === "string" ? evidence : "");
  }
  return data;
}

function nonAnswersOf(q: Question): string[] {
  return [
    ...(q.answer.allowDontKnow ? [DONT_KNOW] : []),
    ...(q.answer.allowNotApplicable ? [NOT_APPLICABLE] : []),
  ];
}

/** A valid stored value for a question. */
function validValue(q: Question): fc.Arbitrary<AnswerValue> {
  const spec = q.answer;
  const non = nonAnswersOf(q);
  const nonArb = non.length ? [fc.constantFrom(...non)] : [];
  switch (spec.type) {
    case "number": {
      const n = spec.integer
        ? fc.integer({ min: Math.ceil(spec.min), max: Math.floor(spec.max) })
        : fc.oneof(
            fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true }),
            fc.integer({ min: spec.min * 100, max: spec.max * 100 }).map((c) => c / 100),
          );
      return fc.oneof(
        n.filter((v) => !Object.is(v, -0)),
        ...nonArb,
      );
    }
    case "multiple":
      return fc.oneof(
        fc.uniqueArray(fc.constantFrom(...spec.options.map((o) => o.value)), { minLength: 1 }),
        ...nonArb,
      );
    default:
      return fc.oneof(fc.constantFrom(...(optionValues(spec) ?? [])), ...nonArb);
  }
}

const evidenceArb: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 80 })
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
  fc.constant("e".repeat(EVIDENCE_MAX)),
);

/** Stored answers for some of `questions`, as the database would hand them back. */
function storedFor(questions: readonly Question[]): fc.Arbitrary<Map<string, PageAnswer>> {
  return fc
    .tuple(
      ...questions.map((q) =>
        fc.option(fc.record({ value: validValue(q), evidence: evidenceArb }), { nil: undefined }),
      ),
    )
    .map((answers) => {
      const stored = new Map<string, PageAnswer>();
      answers.forEach((answer, i) => {
        const q = questions[i];
        if (q && answer) stored.set(q.key, answer);
      });
      return stored;
    });
}

describe("storedToTyped", () => {
  it("shows a stored number in the box and ticks no non-answer", () => {
    const typed = storedToTyped([days], new Map([[days.key, { value: 45, evidence: "Invoice 7" }]]));
    expect(typed).toEqual({
      [days.key]: "45",
      [fieldName.nonAnswer(days.key)]: [],
      [fieldName.evidence(days.key)]: "Invoice 7",
    });
  });

  it("ticks the non-answer box for a number answered Don't know, leaving the box empty", () => {
    const typed = storedToTyped([fee], new Map([[fee.key, { value: DONT_KNOW, evidence: null }]]));
    expect(typed).toEqual({
      [fee.key]: "",
      [fieldName.nonAnswer(fee.key)]: [DONT_KNOW],
      [fieldName.evidence(fee.key)]: "",
    });
  });

  it("checks the stored radio, including a non-answer radio", () => {
    const typed = storedToTyped(
      [feeExplained, fullCost],
      new Map([
        [feeExplained.key, { value: "partly", evidence: null }],
        [fullCost.key, { value: NOT_APPLICABLE, evidence: null }],
      ]),
    );
    expect(typed[feeExplained.key]).toBe("partly");
    expect(typed[fullCost.key]).toBe(NOT_APPLICABLE);
  });

  it("checks every stored checkbox, and the non-answer checkbox for a non-answer", () => {
    const chosen = storedToTyped(
      [methods],
      new Map([[methods.key, { value: ["up-front", "milestone"], evidence: null }]]),
    );
    expect(chosen[methods.key]).toEqual(["up-front", "milestone"]);
    const dontKnow = storedToTyped([methods], new Map([[methods.key, { value: DONT_KNOW, evidence: null }]]));
    expect(dontKnow[methods.key]).toEqual([DONT_KNOW]);
  });

  it("does not share the stored array, so editing the form values cannot change the stored answer", () => {
    const value = ["up-front"];
    const typed = storedToTyped([methods], new Map([[methods.key, { value, evidence: null }]]));
    (typed[methods.key] as string[]).push("milestone");
    expect(value).toEqual(["up-front"]);
  });

  it("leaves unanswered questions empty", () => {
    const typed = storedToTyped(payPage, new Map());
    for (const q of nonEmpty(payPage, "the fair-payment page")) {
      expect(typed[fieldName.answer(q.key)]).toEqual(q.answer.type === "multiple" ? [] : "");
      expect(typed[fieldName.evidence(q.key)]).toBe("");
    }
    expect(typed[fieldName.nonAnswer(days.key)]).toEqual([]);
  });

  it("ignores stored answers to questions not on the page", () => {
    const typed = storedToTyped([days], new Map([["pay.days.prime", { value: 3, evidence: null }]]));
    expect(Object.keys(typed).sort()).toEqual(
      [days.key, fieldName.evidence(days.key), fieldName.nonAnswer(days.key)].sort(),
    );
    expect(typed[days.key]).toBe("");
  });

  it("writes very small and very large decimals in plain digits that readPage accepts back", () => {
    const big = question({
      key: "test.big",
      answer: { type: "number", unit: "gbp", min: 0, max: 1e25, integer: false },
    });
    const stored = new Map<string, PageAnswer>([
      [fee.key, { value: 1e-7, evidence: null }],
      [big.key, { value: 2.5e21, evidence: null }],
    ]);
    const typed = storedToTyped([fee, big], stored);
    expect(typed[fee.key]).toBe("0.0000001");
    expect(typed[big.key]).toBe("2500000000000000000000");
    const page = readPage([fee, big], submit([fee, big], typed), { requireAll: true });
    expect(page.errors).toEqual([]);
    expect(page.answers).toEqual(stored);
  });
});

describe("round trip: stored → form values → submitted → read", () => {
  it("gives back the same answers for the fair-payment page", () => {
    const stored = new Map<string, PageAnswer>([
      [days.key, { value: 60, evidence: "Two invoices" }],
      [fee.key, { value: NOT_APPLICABLE, evidence: null }],
      [feeExplained.key, { value: "no", evidence: null }],
      [fullCost.key, { value: DONT_KNOW, evidence: "Not my area" }],
      [methods.key, { value: ["interim-results", "up-front"], evidence: null }],
      [methodChoice.key, { value: "not-at-all", evidence: null }],
    ]);
    const page = readPage(payPage, submit(payPage, storedToTyped(payPage, stored)), { requireAll: true });
    expect(page.errors).toEqual([]);
    expect(page.blank).toEqual([]);
    expect(page.answers).toEqual(stored);
  });

  for (const perspective of PERSPECTIVES) {
    it(`gives back any valid answers to any ${perspective} page (property)`, () => {
      const pages = framework.principles.map((p) => principleQuestions(framework, p.key, perspective));
      const arb = fc
        .constantFrom(...pages, questionsFor(framework, perspective))
        .chain((questions) => fc.tuple(fc.constant(questions), storedFor(questions)));
      fc.assert(
        fc.property(arb, ([questions, stored]) => {
          const typed = storedToTyped(questions, stored);
          const page = readPage(questions, submit(questions, typed), { requireAll: false });
          expect(page.errors).toEqual([]);
          expect(page.answers).toEqual(stored);
          expect(page.blank).toEqual(questions.filter((q) => !stored.has(q.key)).map((q) => q.key));
          // Read again from what was echoed back: still the same (the redisplay loop is stable).
          const again = readPage(questions, submit(questions, page.typed), { requireAll: false });
          expect(again.answers).toEqual(stored);
          expect(again.typed).toEqual(page.typed);
          // A fully answered page also passes "Save and continue".
          if (stored.size === questions.length) {
            expect(readPage(questions, submit(questions, typed), { requireAll: true }).errors).toEqual([]);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it("gives back any valid answers to hand-built questions with restricted non-answers (property)", () => {
    const questions = [strictCount, naOnlyMultiple, mustYpn, viability];
    fc.assert(
      fc.property(storedFor(questions), (stored) => {
        const page = readPage(questions, submit(questions, storedToTyped(questions, stored)), {
          requireAll: false,
        });
        expect(page.errors).toEqual([]);
        expect(page.answers).toEqual(stored);
      }),
    );
  });
});
