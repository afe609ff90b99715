import type { Framework, Perspective, PrincipleKey, Question } from "../framework";
import { compareIds, round1, ScoringError, toTenths } from "./numbers";
import type { Aggregate } from "./released";
import type { ScoredAssessment } from "./types";

/** One cycle's question scores, with the framework version they were given against. */
export interface TrendCycle {
  /** The cycle's name, for example "2026–27". */
  readonly cycle: string;
  readonly framework: Framework;
  readonly perspective: Perspective;
  /** Question key → 0–100 score; absent or null when there is none (unanswered, suppressed). */
  readonly questionScores: Readonly<Record<string, number | null | undefined>>;
}

export interface Change {
  readonly from: number | null;
  readonly to: number | null;
  /** to − from, one decimal, from the two figures as shown; null when either is missing. */
  readonly change: number | null;
}

export type LeftOutReason = "not-in-both" | "changed" | "no-score";

export interface TrendStep {
  readonly from: string;
  readonly to: string;
  /** Questions compared, in the later framework's order. */
  readonly compared: readonly string[];
  /** Scored questions of either version that were not compared, and why; in key order. */
  readonly leftOut: readonly { readonly key: string; readonly reason: LeftOutReason }[];
  readonly overall: Change;
  /** In the later framework's order. `questions` is how many were compared. */
  readonly principles: readonly (Change & { readonly key: PrincipleKey; readonly questions: number })[];
}

/**
 * Change from each cycle to the next, like for like: only questions that are in both cycles'
 * frameworks unchanged (same key, same principle, same answer and scoring rule) and have a score in
 * both cycles are compared; a principle's figure for each cycle is the weighted mean of those
 * questions alone, and overall the weighted mean of those principle figures (weights from the
 * later framework). Everything else is listed as left out, with the reason. Keys are permanent
 * identities: a reworded question with a new meaning gets a new key and so drops out of the trend.
 *
 * Cycles are compared in the order given. Throws a ScoringError for a repeated cycle name.
 */
export function trend(series: readonly TrendCycle[]): TrendStep[] {
  const names = new Set<string>();
  for (const { cycle } of series) {
    if (names.has(cycle)) throw new ScoringError(`cycle "${cycle}" is listed twice`);
    names.add(cycle);
  }
  return series.slice(1).map((later, i) => step(series[i] as TrendCycle, later));
}

function step(earlier: TrendCycle, later: TrendCycle): TrendStep {
  const before = scoredQuestions(earlier);
  const after = scoredQuestions(later);
  const compared: string[] = [];
  const leftOut: { key: string; reason: LeftOutReason }[] = [];
  for (const key of new Set([...after.keys(), ...before.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (!a || !b) leftOut.push({ key, reason: "not-in-both" });
    else if (a.principle !== b.principle || definition(a.question) !== definition(b.question)) {
      leftOut.push({ key, reason: "changed" });
    } else if (score(earlier, key) === null || score(later, key) === null)
      leftOut.push({ key, reason: "no-score" });
    else compared.push(key);
  }
  leftOut.sort((x, y) => compareIds(x.key, y.key));

  const principles = later.framework.principles.map(({ key, weight }) => {
    const keys = compared.filter((q) => after.get(q)?.principle === key);
    const mean = (cycle: TrendCycle) => {
      let total = 0;
      let weights = 0;
      for (const q of keys) {
        const w = after.get(q)?.question.weight ?? 1;
        total += (score(cycle, q) ?? 0) * w;
        weights += w;
      }
      return weights > 0 ? total / weights : null;
    };
    return { key, weight, questions: keys.length, from: mean(earlier), to: mean(later) };
  });
  const overall = (side: "from" | "to") => {
    const scored = principles.filter((p) => p[side] !== null);
    const weights = scored.reduce((sum, p) => sum + p.weight, 0);
    return weights > 0 ? scored.reduce((sum, p) => sum + (p[side] ?? 0) * p.weight, 0) / weights : null;
  };
  return {
    from: earlier.cycle,
    to: later.cycle,
    compared,
    leftOut,
    overall: change(overall("from"), overall("to")),
    principles: principles.map(({ key, questions, from, to }) => ({ key, questions, ...change(from, to) })),
  };
}

function change(fromExact: number | null, toExact: number | null): Change {
  const from = fromExact === null ? null : round1(fromExact);
  const to = toExact === null ? null : round1(toExact);
  return { from, to, change: from === null || to === null ? null : (toTenths(to) - toTenths(from)) / 10 };
}

function scoredQuestions(cycle: TrendCycle): Map<string, { principle: PrincipleKey; question: Question }> {
  const map = new Map<string, { principle: PrincipleKey; question: Question }>();
  for (const principle of cycle.framework.principles) {
    for (const question of principle.questions) {
      if (question.perspective === cycle.perspective && question.scoring) {
        map.set(question.key, { principle: principle.key, question });
      }
    }
  }
  return map;
}

function score(cycle: TrendCycle, key: string): number | null {
  return cycle.questionScores[key] ?? null;
}

/** What a question asks for and how it is scored, with object keys sorted so order cannot matter. */
function definition(question: Question): string {
  return canonical({ answer: question.answer, scoring: question.scoring });
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => compareIds(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** Question key → score from a scored assessment, or from an aggregate's shown question means. */
export function questionScores(result: ScoredAssessment | Aggregate): Record<string, number | null> {
  if ("perspective" in result) return Object.fromEntries(result.questions.map((q) => [q.key, q.score]));
  if (result.suppressed) return {};
  return Object.fromEntries(result.questions.map((q) => [q.key, q.suppressed ? null : q.mean]));
}
