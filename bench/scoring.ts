import { performance } from "node:perf_hooks";
import { type Answers, type AnswerValue, type Framework, optionValues } from "../lib/framework";
import { compileFramework, scoreAssessment } from "../lib/scoring";
import { buildFramework, q } from "../lib/scoring/test-fixtures";

/**
 * Scoring speed. Scores many synthetic partner assessments (about 30 answers each, every answer
 * type, some "Don't know", "Not applicable" and blanks) and compares the time with a plain loop
 * that reads the same answers from the same objects and sums them as numbers: a number as it is,
 * an option (or each option of a list) as its position, looked up in one table. The ratio is
 * scoring time over that loop's time; the target is at most 3.
 */

export interface ScoringBenchResult {
  assessments: number;
  answersPerAssessment: number;
  runs: number;
  /** Median wall-clock time over the runs, after warming up. */
  scoringMs: number;
  baselineMs: number;
  /** scoringMs / baselineMs: the figure the target applies to. */
  ratio: number;
  /** The same from process CPU time, less disturbed by other work on a busy machine. */
  cpuRatio: number;
  target: number;
  withinTarget: boolean;
}

export async function scoringBenchmark({
  assessments = 200_000,
  runs = 7,
} = {}): Promise<ScoringBenchResult> {
  const framework = benchFramework();
  const keys = compileFramework(framework).subcontractor.questions.map((question) => question.key);
  const data = syntheticAnswers(framework, assessments);
  // The baseline's numbers: each option's position in its list, from one lookup table.
  const position = new Map<string, number>();
  for (const question of framework.principles.flatMap((p) => p.questions)) {
    optionValues(question.answer)?.forEach((value, i) => {
      position.set(value, i);
    });
  }

  const score = () => {
    let checksum = 0;
    for (const answers of data) {
      // Use the whole result, so no part of the work can be optimised away as unused.
      const result = scoreAssessment(framework, answers, "subcontractor");
      checksum +=
        (result.score ?? 0) + result.questions.length + result.principles.length + result.redFlags.length;
    }
    return checksum;
  };
  const baseline = () => {
    let checksum = 0;
    for (const answers of data) {
      for (const key of keys) {
        const value = answers[key];
        if (typeof value === "number") checksum += value;
        else if (typeof value === "string") checksum += position.get(value) ?? 0;
        else if (value !== undefined) for (const option of value) checksum += position.get(option) ?? 0;
      }
    }
    return checksum;
  };

  const scoring: number[] = [];
  const plain: number[] = [];
  const scoringCpu: number[] = [];
  const plainCpu: number[] = [];
  let sink = 0;
  for (let run = -2; run < runs; run++) {
    // Alternate the two so drift in machine load hits both alike; the first two runs warm up.
    const a = time(score);
    const b = time(baseline);
    sink += a.result + b.result;
    if (run >= 0) {
      scoring.push(a.ms);
      plain.push(b.ms);
      scoringCpu.push(a.cpuMs);
      plainCpu.push(b.cpuMs);
    }
  }
  if (!Number.isFinite(sink)) throw new Error("checksum went wrong");
  const scoringMs = median(scoring);
  const baselineMs = median(plain);
  const ratio = scoringMs / baselineMs;
  const answersPerAssessment = data.reduce((n, answers) => n + Object.keys(answers).length, 0) / data.length;
  return {
    assessments,
    answersPerAssessment: Math.round(answersPerAssessment * 10) / 10,
    runs,
    scoringMs: Math.round(scoringMs * 10) / 10,
    baselineMs: Math.round(baselineMs * 10) / 10,
    ratio: Math.round(ratio * 100) / 100,
    cpuRatio: Math.round((median(scoringCpu) / median(plainCpu)) * 100) / 100,
    target: 3,
    withinTarget: ratio <= 3,
  };
}

function time(fn: () => number): { ms: number; cpuMs: number; result: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Six scored subcontractor questions per principle, one of each answer type plus a reversed scale. */
export function benchFramework(): Framework {
  const questions = Object.fromEntries(
    (["risk-sharing", "fair-payment", "capacity-building", "good-faith", "data-sharing"] as const).map(
      (p) => [
        p,
        [
          q.agreement(`${p}.s1`, "subcontractor"),
          q.agreement(`${p}.s2`, "subcontractor", { reverse: true, weight: 2 }),
          q.extent(`${p}.s3`, "subcontractor"),
          q.ypn(`${p}.s4`, "subcontractor", {
            redFlag: { kind: "risk-passed-down", label: "Risk passed down", when: { anyOf: ["no"] } },
          }),
          q.days(`${p}.s5`, "subcontractor"),
          q.checklist(`${p}.s6`, "subcontractor", { a: 30, b: 30, c: 30, d: 30 }),
        ],
      ],
    ),
  );
  return buildFramework({ id: "bench", questions });
}

/** Deterministic answers: a fixed-seed generator, so every run scores the same data. */
function syntheticAnswers(framework: Framework, count: number): Answers[] {
  let seed = 0x2545f491;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const questions = framework.principles
    .flatMap((p) => p.questions)
    .filter((question) => question.perspective === "subcontractor");
  const result: Answers[] = [];
  for (let i = 0; i < count; i++) {
    const answers: Record<string, AnswerValue> = {};
    for (const question of questions) {
      const roll = random();
      const options = optionValues(question.answer);
      if (roll < 0.02) continue;
      if (roll < 0.08) answers[question.key] = "dont_know";
      else if (roll < 0.1) answers[question.key] = "not_applicable";
      else if (options === null) answers[question.key] = Math.floor(random() * 90);
      else if (question.answer.type === "multiple")
        answers[question.key] = options.filter(() => random() < 0.5);
      else answers[question.key] = pick(options);
    }
    result.push(answers);
  }
  return result;
}
