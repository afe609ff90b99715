import {
  type AnswerSpec,
  type AnswerValue,
  DONT_KNOW,
  NOT_APPLICABLE,
  optionValues,
  type Question,
} from "@/lib/framework";
import { hasNul } from "@/lib/ids";
import { EVIDENCE_MAX, fieldId, fieldName } from "./fields";

export { EVIDENCE_MAX, fieldId, fieldName };

/**
 * Reading one questionnaire page from a submitted form. The browser is never trusted: every value
 * is checked against the question it claims to answer, and what the person typed comes back
 * unchanged so a page with errors can show it again.
 */

/** What the person submitted, as strings, to redisplay. */
export type TypedValues = Record<string, string | string[]>;

export interface FieldError {
  /** The element the error summary links to. */
  href: string;
  questionKey: string;
  message: string;
}

export interface PageAnswer {
  value: AnswerValue;
  evidence: string | null;
}

export interface ReadPage {
  answers: Map<string, PageAnswer>;
  /** Questions left blank (their stored answer, if any, is removed on save). */
  blank: string[];
  errors: FieldError[];
  typed: TypedValues;
}

interface FormLike {
  getAll(name: string): FormDataEntryValue[];
}

const strings = (form: FormLike, name: string) =>
  form.getAll(name).filter((v): v is string => typeof v === "string");

const NON_ANSWER_LABEL = { [DONT_KNOW]: "‘Don’t know’", [NOT_APPLICABLE]: "‘Not applicable’" } as const;

function nonAnswersOffered(spec: AnswerSpec): string[] {
  return [...(spec.allowDontKnow ? [DONT_KNOW] : []), ...(spec.allowNotApplicable ? [NOT_APPLICABLE] : [])];
}

function orNonAnswer(spec: AnswerSpec): string {
  const offered = nonAnswersOffered(spec).map((v) => NON_ANSWER_LABEL[v as keyof typeof NON_ANSWER_LABEL]);
  return offered.length ? `, or choose ${offered.join(" or ")}` : "";
}

const numberFormat = new Intl.NumberFormat("en-GB");
/** Plain digits, never exponent notation ("1e-7"), which readPage would refuse when the page is saved again. */
const plainNumber = new Intl.NumberFormat("en-GB", { useGrouping: false, maximumSignificantDigits: 21 });

/** Reads one answer; returns the value, null for blank, or an error message. */
function readAnswer(question: Question, form: FormLike): AnswerValue | null | { error: string } {
  const spec = question.answer;
  const offeredNon = nonAnswersOffered(spec);
  const chosen = strings(form, fieldName.answer(question.key)).map((v) => v.trim());

  if (spec.type === "number") {
    const non = strings(form, fieldName.nonAnswer(question.key));
    const given = (chosen[0] ?? "").replace(/%$/, "").trim();
    // Commas only as thousands separators: "1,5" is refused rather than read as 15.
    if (given.includes(",") && !/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(given)) {
      return { error: `Enter a number, like ${numberFormat.format(spec.min + 10)}` };
    }
    const raw = given.replace(/,/g, "");
    if (non.some((v) => !offeredNon.includes(v))) return { error: "Choose one of the answers shown" };
    if (non.length > 1)
      return {
        error: `Choose ${NON_ANSWER_LABEL[DONT_KNOW]} or ${NON_ANSWER_LABEL[NOT_APPLICABLE]}, not both`,
      };
    if (raw && non.length) return { error: `Enter a number${orNonAnswer(spec)}, not both` };
    if (non[0]) return non[0];
    if (!raw && !chosen[0]) return null;
    if (!/^-?\d+(\.\d+)?$/.test(raw))
      return { error: `Enter a number, like ${numberFormat.format(spec.min + 10)}` };
    const value = Number(raw);
    if (spec.integer && !Number.isInteger(value)) return { error: "Enter a whole number" };
    if (value < spec.min || value > spec.max) {
      return {
        error: `Enter a number from ${numberFormat.format(spec.min)} to ${numberFormat.format(spec.max)}`,
      };
    }
    return value;
  }

  const allowed = [...(optionValues(spec) ?? []), ...offeredNon];
  if (chosen.some((v) => !allowed.includes(v))) return { error: "Choose one of the answers shown" };
  if (chosen.length === 0) return null;
  if (spec.type === "multiple") {
    const non = chosen.filter((v) => offeredNon.includes(v));
    if (non.length > 0 && chosen.length > 1) return { error: `Choose options${orNonAnswer(spec)}, not both` };
    if (non[0]) return non[0];
    return [...new Set(chosen)];
  }
  if (chosen.length > 1) return { error: "Choose one answer" };
  return chosen[0] ?? null;
}

/**
 * Reads the answers to `questions` from a submitted page. With `requireAll`, a blank question is an
 * error ("Save and continue"); without it blanks are allowed ("Save and come back later"), but
 * anything given must still be valid.
 */
export function readPage(
  questions: readonly Question[],
  form: FormLike,
  { requireAll }: { requireAll: boolean },
): ReadPage {
  const answers = new Map<string, PageAnswer>();
  const blank: string[] = [];
  const errors: FieldError[] = [];
  const typed: TypedValues = {};

  questions.forEach((question, index) => {
    const number = index + 1;
    const answerName = fieldName.answer(question.key);
    const nonName = fieldName.nonAnswer(question.key);
    const evidenceName = fieldName.evidence(question.key);
    typed[answerName] =
      question.answer.type === "multiple" ? strings(form, answerName) : (strings(form, answerName)[0] ?? "");
    typed[nonName] = strings(form, nonName);
    const evidence = (strings(form, evidenceName)[0] ?? "").trim();
    typed[evidenceName] = strings(form, evidenceName)[0] ?? "";

    const result = readAnswer(question, form);
    if (result !== null && typeof result === "object" && "error" in result) {
      errors.push({
        href: `#${fieldId(question.key)}`,
        questionKey: question.key,
        message: `Question ${number}: ${result.error}`,
      });
    } else if (result === null) {
      blank.push(question.key);
      if (evidence && !requireAll) {
        // A note is stored with its answer; without one it would be dropped, so say so instead.
        errors.push({
          href: `#${fieldId(question.key)}`,
          questionKey: question.key,
          message: `Question ${number}: Answer the question to keep your note, or remove the note`,
        });
      }
      if (requireAll) {
        const verb = question.answer.type === "number" ? "Enter a number" : "Choose an answer";
        errors.push({
          href: `#${fieldId(question.key)}`,
          questionKey: question.key,
          message: `Question ${number}: ${verb}${orNonAnswer(question.answer)}`,
        });
      }
    } else {
      answers.set(question.key, { value: result, evidence: evidence || null });
    }

    if (hasNul(evidence)) {
      errors.push({
        href: `#${fieldId(question.key, "evidence")}`,
        questionKey: question.key,
        message: `Question ${number}: your note includes a hidden character that cannot be saved. Delete it, or type the note again`,
      });
    } else if (evidence.length > EVIDENCE_MAX) {
      errors.push({
        href: `#${fieldId(question.key, "evidence")}`,
        questionKey: question.key,
        message: `Question ${number}: your note must be ${numberFormat.format(EVIDENCE_MAX)} characters or fewer`,
      });
    }
  });

  return { answers, blank, errors, typed };
}

/** The form values that show stored answers, for a page opened fresh. */
export function storedToTyped(
  questions: readonly Question[],
  stored: ReadonlyMap<string, PageAnswer>,
): TypedValues {
  const typed: TypedValues = {};
  for (const question of questions) {
    const answer = stored.get(question.key);
    const value = answer?.value;
    const isNon = value === DONT_KNOW || value === NOT_APPLICABLE;
    if (question.answer.type === "number") {
      typed[fieldName.answer(question.key)] = typeof value === "number" ? plainNumber.format(value) : "";
      typed[fieldName.nonAnswer(question.key)] = isNon ? [value] : [];
    } else if (question.answer.type === "multiple") {
      typed[fieldName.answer(question.key)] = Array.isArray(value)
        ? [...value]
        : isNon
          ? [value as string]
          : [];
    } else {
      typed[fieldName.answer(question.key)] = typeof value === "string" ? value : "";
    }
    typed[fieldName.evidence(question.key)] = answer?.evidence ?? "";
  }
  return typed;
}
