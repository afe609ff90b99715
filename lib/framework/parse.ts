import {
  type AnswerSpec,
  type Framework,
  type FrameworkInput,
  frameworkSchema,
  PERSPECTIVES,
  PRINCIPLE_KEYS,
  type Question,
  SCALES,
} from "./schema";

export class FrameworkError extends Error {
  constructor(
    readonly frameworkId: string,
    readonly issues: readonly string[],
  ) {
    super(`Framework "${frameworkId}" is invalid:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "FrameworkError";
  }
}

const QUESTIONS_PER_PERSPECTIVE = { min: 5, max: 8 };

/** The option values an answer spec offers, or null for numbers. */
export function optionValues(spec: AnswerSpec): readonly string[] | null {
  switch (spec.type) {
    case "scale":
      return SCALES[spec.scale].map((o) => o.value);
    case "yes-partly-no":
      return SCALES["yes-partly-no"].map((o) => o.value);
    case "single":
    case "multiple":
      return spec.options.map((o) => o.value);
    case "number":
      return null;
  }
}

type Report = (message: string, path: (string | number)[]) => void;

function checkQuestion(q: Question, path: (string | number)[], report: Report) {
  const values = optionValues(q.answer);
  const spec = q.answer;
  if (spec.type === "number" && spec.min >= spec.max)
    report("min must be below max", [...path, "answer", "min"]);

  const rule = q.scoring;
  if (rule) {
    const fits =
      (rule.rule === "scale" && (spec.type === "scale" || spec.type === "yes-partly-no")) ||
      (rule.rule === "options" && (spec.type === "single" || spec.type === "yes-partly-no")) ||
      (rule.rule === "thresholds" && spec.type === "number") ||
      (rule.rule === "checklist" && spec.type === "multiple");
    if (!fits)
      report(`a "${rule.rule}" rule cannot score a "${spec.type}" answer`, [...path, "scoring", "rule"]);
    if ((rule.rule === "options" || rule.rule === "checklist") && values) {
      for (const value of Object.keys(rule.scores)) {
        if (!values.includes(value))
          report(`"${value}" is not one of the options`, [...path, "scoring", "scores"]);
      }
      if (rule.rule === "options") {
        for (const value of values) {
          if (!(value in rule.scores))
            report(`option "${value}" has no score`, [...path, "scoring", "scores"]);
        }
      }
    }
    if (rule.rule === "thresholds") {
      rule.steps.forEach((step, i) => {
        const previous = rule.steps[i - 1];
        if (previous && step.upTo <= previous.upTo) {
          report("steps must rise in upTo", [...path, "scoring", "steps", i, "upTo"]);
        }
      });
    }
  }

  if (q.primeKnown && q.perspective !== "subcontractor")
    report("only a partner's question can be about a fact the prime sets", [...path, "primeKnown"]);

  const flag = q.redFlag;
  if (flag) {
    const when = flag.when;
    if ("anyOf" in when) {
      if (!values) report("a number question's flag needs above or below", [...path, "redFlag", "when"]);
      for (const value of when.anyOf) {
        if (values && !values.includes(value)) {
          report(`"${value}" is not one of the options`, [...path, "redFlag", "when", "anyOf"]);
        }
      }
    } else if (spec.type !== "number") {
      report("above and below only apply to number questions", [...path, "redFlag", "when"]);
    }
  }
}

const checkedSchema = frameworkSchema.superRefine((framework, ctx) => {
  const report: Report = (message, path) => ctx.addIssue({ code: "custom", message, path });

  const seenPrinciples = new Set<string>();
  const seenQuestions = new Set<string>();
  const pairs = new Map<string, { principle: number; perspectives: string[] }>();

  framework.principles.forEach((principle, p) => {
    if (seenPrinciples.has(principle.key))
      report(`principle "${principle.key}" appears twice`, ["principles", p, "key"]);
    seenPrinciples.add(principle.key);

    for (const perspective of PERSPECTIVES) {
      const count = principle.questions.filter((q) => q.perspective === perspective).length;
      if (count < QUESTIONS_PER_PERSPECTIVE.min || count > QUESTIONS_PER_PERSPECTIVE.max) {
        report(
          `needs ${QUESTIONS_PER_PERSPECTIVE.min}–${QUESTIONS_PER_PERSPECTIVE.max} ${perspective} questions, has ${count}`,
          ["principles", p, "questions"],
        );
      }
    }

    principle.questions.forEach((q, i) => {
      const path = ["principles", p, "questions", i];
      if (seenQuestions.has(q.key)) report(`question key "${q.key}" is used twice`, [...path, "key"]);
      seenQuestions.add(q.key);
      checkQuestion(q, path, report);
      if (q.pairKey) {
        const pair = pairs.get(q.pairKey) ?? { principle: p, perspectives: [] };
        if (pair.principle !== p) report(`pair "${q.pairKey}" spans two principles`, [...path, "pairKey"]);
        if (pair.perspectives.includes(q.perspective)) {
          report(`pair "${q.pairKey}" has two ${q.perspective} questions`, [...path, "pairKey"]);
        }
        pair.perspectives.push(q.perspective);
        pairs.set(q.pairKey, pair);
      }
    });
  });

  for (const missing of PRINCIPLE_KEYS.filter((k) => !seenPrinciples.has(k))) {
    report(`principle "${missing}" is missing`, ["principles"]);
  }
  for (const [pairKey, pair] of pairs) {
    if (pair.perspectives.length !== 2) {
      report(`pair "${pairKey}" needs one subcontractor and one prime question`, [
        "principles",
        pair.principle,
      ]);
    }
  }
  // A payment record sets numbers beside numbers: each measure is a pair of number questions.
  framework.paymentRecord?.measures.forEach((measure, m) => {
    const asked = framework.principles
      .flatMap((p) => p.questions)
      .filter((q) => q.pairKey === measure.pairKey);
    if (asked.length !== 2 || asked.some((q) => q.answer.type !== "number")) {
      report(`payment measure "${measure.pairKey}" needs a pair of number questions`, [
        "paymentRecord",
        "measures",
        m,
        "pairKey",
      ]);
    }
  });
});

/**
 * Checks a framework and fills in defaults. Throws a FrameworkError whose message names every
 * bad field by its path (for example `principles.1.questions.3.scoring.steps.1.upTo`).
 */
export function parseFramework(input: FrameworkInput | unknown): Framework {
  const result = checkedSchema.safeParse(input);
  if (result.success) return result.data;
  const id =
    typeof input === "object" && input !== null && "id" in input && typeof input.id === "string"
      ? input.id
      : "(no id)";
  const issues = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join(".") : "(framework)";
    return `${where}: ${issue.message}`;
  });
  throw new FrameworkError(id, issues);
}
