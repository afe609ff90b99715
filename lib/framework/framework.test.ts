import { describe, expect, it } from "vitest";
import { PRIME_KNOWN_QUESTIONS } from "@/lib/scoring/release";
import { nonEmpty } from "@/tests/support/non-empty";
import {
  FLAG_KINDS,
  FRAMEWORK_VERSIONS,
  FrameworkError,
  type FrameworkInput,
  findQuestion,
  framework,
  ncvoSercoFramework,
  PERSPECTIVES,
  PRINCIPLE_KEYS,
  pairedQuestions,
  parseFramework,
  principleOf,
  principleQuestions,
  type Question,
  questionsFor,
  SCALES,
  type ScoringRule,
} from "./index";

type QuestionInput = FrameworkInput["principles"][number]["questions"][number];

/** A deep copy of the shipped input that shares no objects, so a test can break one question only. */
function shipped(): FrameworkInput {
  return JSON.parse(JSON.stringify(ncvoSercoFramework)) as FrameworkInput;
}

/** The issues `parseFramework` reports, one "path: message" string each; fails if the input parses. */
function issuesOf(input: unknown): string[] {
  try {
    parseFramework(input);
  } catch (error) {
    expect(error).toBeInstanceOf(FrameworkError);
    return [...(error as FrameworkError).issues];
  }
  throw new Error("expected the framework to be rejected, but it parsed");
}

/** Where a question sits in an input, so a test can name the path it expects. */
function locate(input: FrameworkInput, key: string): { path: string; question: QuestionInput } {
  for (const [p, principle] of input.principles.entries()) {
    for (const [i, question] of principle.questions.entries()) {
      if (question.key === key) return { path: `principles.${p}.questions.${i}`, question };
    }
  }
  throw new Error(`no question "${key}" in the shipped framework`);
}

function expectIssue(issues: string[], path: string, message: string | RegExp) {
  const atPath = issues.filter((issue) => issue.startsWith(`${path}: `));
  expect(atPath, `no issue at ${path}; got:\n${issues.join("\n")}`).not.toHaveLength(0);
  expect(
    atPath.some((issue) => (typeof message === "string" ? issue.includes(message) : message.test(issue))),
  ).toBe(true);
}

const allQuestions = framework.principles.flatMap((p) => p.questions);
const everyVersionsQuestions = FRAMEWORK_VERSIONS.flatMap((f) => f.principles.flatMap((p) => p.questions));

describe("the shipped framework", () => {
  it("loads and validates", () => {
    expect(() => parseFramework(ncvoSercoFramework)).not.toThrow();
    expect(framework.id).toBe("ncvo-serco-code");
    expect(framework.version).toBe("1.0");
    expect(framework.minPartners).toBeGreaterThanOrEqual(3);
    expect(framework.source.url).toMatch(/^https:\/\/blogs\.ncvo\.org\.uk\/2012\/05\/21\//);
  });

  it("has the five principles in order, each with 5–8 questions per perspective", () => {
    expect(framework.principles.map((p) => p.key)).toEqual([...PRINCIPLE_KEYS]);
    expect(framework.principles).toHaveLength(5);
    for (const principle of framework.principles) {
      for (const perspective of PERSPECTIVES) {
        const count = principleQuestions(framework, principle.key, perspective).length;
        expect(count, `${principle.key} / ${perspective}`).toBeGreaterThanOrEqual(5);
        expect(count, `${principle.key} / ${perspective}`).toBeLessThanOrEqual(8);
      }
    }
  });

  it("folds in all eight of the draft code's commitments", () => {
    expect(framework.principles.flatMap((p) => p.draftCommitments)).toHaveLength(8);
  });

  it("names keys by principle and perspective", () => {
    const prefix: Record<string, string> = {
      "risk-sharing": "risk.",
      "fair-payment": "pay.",
      "capacity-building": "capacity.",
      "good-faith": "faith.",
      "data-sharing": "data.",
    };
    for (const principle of nonEmpty(framework.principles, "principles")) {
      for (const q of nonEmpty(principle.questions, `${principle.key}'s questions`)) {
        expect(q.key.startsWith(prefix[principle.key] ?? "?"), q.key).toBe(true);
        expect(q.key.endsWith(q.perspective === "subcontractor" ? ".sub" : ".prime"), q.key).toBe(true);
      }
    }
    expect(new Set(allQuestions.map((q) => q.key)).size).toBe(allQuestions.length);
  });

  it("pairs most questions, and every pair has one question from each side", () => {
    const pairKeys = new Set(allQuestions.flatMap((q) => (q.pairKey ? [q.pairKey] : [])));
    const pairs = pairedQuestions(framework);
    expect(pairs.map((p) => p.pairKey).sort()).toEqual([...pairKeys].sort());
    for (const pair of nonEmpty(pairs, "paired questions")) {
      expect(pair.subcontractor.perspective).toBe("subcontractor");
      expect(pair.prime.perspective).toBe("prime");
      expect(principleOf(framework, pair.subcontractor.key)).toBe(pair.principle);
      expect(principleOf(framework, pair.prime.key)).toBe(pair.principle);
    }
    const paired = allQuestions.filter((q) => q.pairKey).length;
    expect(paired / allQuestions.length).toBeGreaterThan(0.75);
  });

  it("uses every answer type and both fixed scales", () => {
    const types = new Set(allQuestions.map((q) => q.answer.type));
    expect([...types].sort()).toEqual(["multiple", "number", "scale", "single", "yes-partly-no"]);
    const scales = new Set(allQuestions.flatMap((q) => (q.answer.type === "scale" ? [q.answer.scale] : [])));
    expect([...scales].sort()).toEqual(["agreement", "extent"]);
  });

  it("scores almost every question, weighting the key indicators more", () => {
    const unscored = allQuestions.filter((q) => !q.scoring);
    expect(unscored.length).toBeLessThanOrEqual(4);
    // Vacuously true if every question comes to be scored, as it should be.
    for (const q of unscored) expect(q.redFlag, q.key).toBeUndefined();
    expect(allQuestions.some((q) => q.weight === 2)).toBe(true);
    for (const q of nonEmpty(allQuestions, "questions")) expect([1, 2]).toContain(q.weight);
  });

  it("raises every kind of red flag somewhere", () => {
    const kinds = new Set(allQuestions.flatMap((q) => (q.redFlag ? [q.redFlag.kind] : [])));
    expect([...kinds].sort()).toEqual([...FLAG_KINDS].sort());
  });

  it("flags late payment beyond 30 days on both sides", () => {
    for (const key of ["pay.days.sub", "pay.days.prime"]) {
      const q = findQuestion(framework, key);
      expect(q?.answer).toMatchObject({ type: "number", unit: "days" });
      expect(q?.redFlag).toMatchObject({ kind: "late-payment", when: { above: 30 } });
    }
  });

  it("flags bid candy when a named partner gets no contract or no work", () => {
    const sub = findQuestion(framework, "faith.bid-candy.sub");
    expect(sub?.redFlag?.kind).toBe("bid-candy");
    expect(sub?.redFlag?.when).toEqual({ anyOf: ["named-no-contract", "contracted-no-work"] });
  });

  it("gives paired indicators the same flag kind, and the same threshold when they ask the same way", () => {
    let flaggedPairs = 0;
    for (const { pairKey, subcontractor, prime } of nonEmpty(pairedQuestions(framework), "pairs")) {
      expect(Boolean(subcontractor.redFlag), pairKey).toBe(Boolean(prime.redFlag));
      if (!subcontractor.redFlag || !prime.redFlag) continue;
      flaggedPairs++;
      expect(subcontractor.redFlag.kind, pairKey).toBe(prime.redFlag.kind);
      if (subcontractor.answer.type === prime.answer.type) {
        expect(subcontractor.redFlag.when, pairKey).toEqual(prime.redFlag.when);
        expect(subcontractor.scoring, pairKey).toEqual(prime.scoring);
      }
    }
    expect(flaggedPairs).toBeGreaterThanOrEqual(FLAG_KINDS.length);
  });

  it("never scores a flagged answer above an unflagged one, in any version", () => {
    for (const q of nonEmpty(
      everyVersionsQuestions.filter((question) => question.redFlag && question.scoring),
      "scored questions with a red flag",
    )) {
      const { flagged, clear } = scoresBySide(q);
      expect(flagged.length, q.key).toBeGreaterThan(0);
      expect(clear.length, q.key).toBeGreaterThan(0);
      expect(Math.max(...flagged), q.key).toBeLessThan(Math.min(...clear));
    }
  });

  it("marks exactly the partners' questions about facts the prime sets per partner, in every version (ADR 0011)", () => {
    const marked = new Set(everyVersionsQuestions.filter((q) => q.primeKnown).map((q) => q.key));
    expect([...marked].sort()).toEqual([...PRIME_KNOWN_QUESTIONS].sort());
    for (const q of allQuestions.filter((x) => x.primeKnown)) expect(q.scoring, q.key).toBeDefined();
  });

  it("has help for every question in plain words", () => {
    for (const q of nonEmpty(allQuestions, "questions")) {
      expect(q.help.length, q.key).toBeGreaterThan(20);
      expect(`${q.text} ${q.help}`.toLowerCase(), q.key).not.toContain("please");
    }
  });
});

describe("framework helpers", () => {
  it("lists one perspective's questions across all principles, in order", () => {
    const sub = questionsFor(framework, "subcontractor");
    const prime = questionsFor(framework, "prime");
    expect(sub.length + prime.length).toBe(allQuestions.length);
    expect(sub.length).toBeGreaterThan(0);
    expect(sub.every((q) => q.perspective === "subcontractor")).toBe(true);
    expect(sub[0]?.key).toBe(
      framework.principles[0]?.questions.find((q) => q.perspective === "subcontractor")?.key,
    );
  });

  it("finds a question by key, and nothing for an unknown key", () => {
    expect(findQuestion(framework, "data.frequency.prime")?.perspective).toBe("prime");
    expect(findQuestion(framework, "no.such.key")).toBeUndefined();
    expect(principleOf(framework, "no.such.key")).toBeUndefined();
  });

  it("rejects an unknown principle", () => {
    expect(() => principleQuestions(framework, "nope" as never, "prime")).toThrow(/no principle "nope"/);
  });
});

describe("parseFramework rejects a malformed framework, naming the bad field", () => {
  it("a missing principle", () => {
    const input = shipped();
    input.principles.pop();
    const issues = issuesOf(input);
    expectIssue(issues, "principles", "must have exactly 5 principles");
    expectIssue(issues, "principles", 'principle "data-sharing" is missing');
  });

  it("a principle listed twice", () => {
    const input = shipped();
    const first = input.principles[0];
    const last = input.principles[4];
    if (!first || !last) throw new Error("shipped framework changed shape");
    last.key = first.key;
    expectIssue(issuesOf(input), "principles.4.key", 'principle "risk-sharing" appears twice');
  });

  it("too few questions for one perspective", () => {
    const input = shipped();
    const principle = input.principles[1];
    if (!principle) throw new Error("shipped framework changed shape");
    let kept = 0;
    principle.questions = principle.questions.filter((q) => q.perspective === "prime" || kept++ < 4);
    expectIssue(issuesOf(input), "principles.1.questions", "needs 5–8 subcontractor questions, has 4");
  });

  it("too many questions for one perspective", () => {
    const input = shipped();
    const principle = input.principles[2];
    if (!principle) throw new Error("shipped framework changed shape");
    const extra = principle.questions
      .filter((q) => q.perspective === "prime")
      .map((q, n) => ({ ...q, key: `capacity.extra-${n}.prime`, pairKey: undefined }));
    principle.questions.push(...extra);
    expectIssue(issuesOf(input), "principles.2.questions", /needs 5–8 prime questions, has \d+/);
  });

  it("a scoring rule that does not fit the answer type", () => {
    const input = shipped();
    const { path, question } = locate(input, "pay.days.sub");
    question.scoring = { rule: "scale" };
    expectIssue(issuesOf(input), `${path}.scoring.rule`, 'a "scale" rule cannot score a "number" answer');
  });

  it("a checklist rule on a single-choice question", () => {
    const input = shipped();
    const { path, question } = locate(input, "data.frequency.sub");
    question.scoring = { rule: "checklist", scores: { monthly: 100 } };
    expectIssue(issuesOf(input), `${path}.scoring.rule`, 'a "checklist" rule cannot score a "single" answer');
  });

  it("option scores naming something that is not an option", () => {
    const input = shipped();
    const { path, question } = locate(input, "pay.fee-explained.sub");
    question.scoring = { rule: "options", scores: { no: 0, partly: 50, yes: 100, maybe: 70 } };
    expectIssue(issuesOf(input), `${path}.scoring.scores`, '"maybe" is not one of the options');
  });

  it("an option left without a score", () => {
    const input = shipped();
    const { path, question } = locate(input, "faith.bid-candy.sub");
    question.scoring = { rule: "options", scores: { "named-delivering": 100 } };
    expectIssue(issuesOf(input), `${path}.scoring.scores`, 'option "named-no-contract" has no score');
  });

  it("threshold steps that do not rise", () => {
    const input = shipped();
    const { path, question } = locate(input, "pay.days.prime");
    question.scoring = {
      rule: "thresholds",
      steps: [
        { upTo: 30, score: 80 },
        { upTo: 10, score: 100 },
      ],
      otherwise: 0,
    };
    expectIssue(issuesOf(input), `${path}.scoring.steps.1.upTo`, "steps must rise in upTo");
  });

  it("a number flag written as a list of options", () => {
    const input = shipped();
    const { path, question } = locate(input, "pay.fee.sub");
    question.redFlag = { kind: "unfair-fees", label: "Fee too high", when: { anyOf: ["high"] } };
    expectIssue(issuesOf(input), `${path}.redFlag.when`, "a number question's flag needs above or below");
  });

  it("a threshold flag on a scale question", () => {
    const input = shipped();
    const { path, question } = locate(input, "risk.shielded.sub");
    question.redFlag = { kind: "risk-passed-down", label: "Not shielded", when: { below: 1 } };
    expectIssue(issuesOf(input), `${path}.redFlag.when`, "above and below only apply to number questions");
  });

  it("a flag naming an answer the question does not offer", () => {
    const input = shipped();
    const { path, question } = locate(input, "data.frequency.prime");
    question.redFlag = { kind: "no-data-sharing", label: "No data", when: { anyOf: ["yearly"] } };
    expectIssue(issuesOf(input), `${path}.redFlag.when.anyOf`, '"yearly" is not one of the options');
  });

  it("a prime's own question marked as a fact the prime sets", () => {
    const input = shipped();
    const { path, question } = locate(input, "pay.fee.prime");
    question.primeKnown = true;
    expectIssue(
      issuesOf(input),
      `${path}.primeKnown`,
      "only a partner's question can be about a fact the prime sets",
    );
  });

  it("a pair with two questions on one side", () => {
    const input = shipped();
    const { path, question } = locate(input, "pay.fee.sub");
    question.pairKey = "pay.days";
    expectIssue(issuesOf(input), `${path}.pairKey`, 'pair "pay.days" has two subcontractor questions');
  });

  it("a pair left with only one side", () => {
    const input = shipped();
    const { question } = locate(input, "data.formats.prime");
    question.pairKey = undefined;
    expectIssue(
      issuesOf(input),
      "principles.4",
      'pair "data.formats" needs one subcontractor and one prime question',
    );
  });

  it("a duplicate question key", () => {
    const input = shipped();
    const { path, question } = locate(input, "faith.referrals.prime");
    question.key = "pay.days.prime";
    expectIssue(issuesOf(input), `${path}.key`, 'question key "pay.days.prime" is used twice');
  });

  it("a badly formed question key", () => {
    const input = shipped();
    const { path, question } = locate(input, "data.allocation.sub");
    question.key = "Data Allocation";
    expectIssue(issuesOf(input), `${path}.key`, "must be lower-case letters");
  });

  it("an anonymity threshold below 3", () => {
    const input = shipped();
    input.minPartners = 2;
    expectIssue(issuesOf(input), "minPartners", "anonymity threshold must be at least 3");
  });

  it("a number question whose min is not below its max", () => {
    const input = shipped();
    const { path, question } = locate(input, "faith.referrals.sub");
    question.answer = { type: "number", unit: "percent", min: 100, max: 100 };
    expectIssue(issuesOf(input), `${path}.answer.min`, "min must be below max");
  });
});

/** The scores a question gives to answers that raise its flag and to answers that do not. */
function scoresBySide(q: Question): { flagged: number[]; clear: number[] } {
  const flag = q.redFlag;
  const rule = q.scoring;
  if (!flag || !rule) return { flagged: [], clear: [] };
  const flagged: number[] = [];
  const clear: number[] = [];
  const when = flag.when;
  if (q.answer.type === "number" && rule.rule === "thresholds") {
    const step = q.answer.integer ? 1 : 0.5;
    for (let value = q.answer.min; value <= q.answer.max; value += step) {
      const raised = "above" in when ? value > when.above : "below" in when ? value < when.below : false;
      (raised ? flagged : clear).push(thresholdScore(rule, value));
    }
  } else if ("anyOf" in when) {
    for (const [value, score] of Object.entries(optionScores(q, rule))) {
      (when.anyOf.includes(value) ? flagged : clear).push(score);
    }
  }
  return { flagged, clear };
}

function thresholdScore(rule: Extract<ScoringRule, { rule: "thresholds" }>, value: number): number {
  return rule.steps.find((s) => value <= s.upTo)?.score ?? rule.otherwise;
}

function optionScores(q: Question, rule: ScoringRule): Record<string, number> {
  if (rule.rule === "options") return rule.scores;
  if (rule.rule === "scale" && q.answer.type === "scale") {
    const values = SCALES[q.answer.scale].map((o) => o.value);
    const spread = values.map((v, i) => [v, (i / (values.length - 1)) * 100] as const);
    return Object.fromEntries(rule.reverse ? spread.map(([v, s]) => [v, 100 - s]) : spread);
  }
  return {};
}
