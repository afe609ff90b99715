import { findQuestion, type PrincipleKey } from "@/lib/framework";
import { findFramework } from "@/lib/framework/versions";
import type { Aggregate, PairGap, ViewComparison } from "@/lib/scoring";
import { answersFor } from "./lines";

/**
 * The prime's gaps with its partners, question by question, for reading rather than listing (issue
 * 17: 30 identical "Blind spot:" bullets, unordered, in the partners' wording). Each gap is told in
 * the prime's own question, with the partners' figure beside it, biggest first.
 */
export interface QuestionGap {
  pairKey: string;
  principle: PrincipleKey;
  /** The prime's question, as the prime was asked it. */
  question: string;
  self: number;
  partners: number;
  /** self − partners: positive for a blind spot, negative for a hidden strength. */
  gap: number;
  /** The ratings the partners' figure rests on, for its precision. */
  answers: number;
}

export interface GapGroup {
  principle: PrincipleKey;
  title: string;
  /** Biggest gap first. */
  gaps: QuestionGap[];
}

type Kind = "blind-spot" | "hidden-strength";

/** The question gaps of one kind, biggest first; ties in the prime's questionnaire order. */
export function questionGaps(
  comparison: ViewComparison | null,
  partners: Aggregate,
  kind: Kind,
): QuestionGap[] {
  if (!comparison?.comparable || partners.suppressed) return [];
  const framework = findFramework(partners.framework.id, partners.framework.version);
  const wording = (key: string) => (framework ? findQuestion(framework, key)?.text : undefined) ?? key;
  return comparison.pairs
    .filter((p): p is PairGap & { self: number; partners: number; gap: number } => p.view === kind)
    .map((p, order) => ({
      order,
      gap: {
        pairKey: p.pairKey,
        principle: p.principle,
        question: wording(p.primeQuestion),
        self: p.self,
        partners: p.partners,
        gap: p.gap,
        answers: answersFor(partners, p.partnerQuestion),
      },
    }))
    .sort((a, b) => Math.abs(b.gap.gap) - Math.abs(a.gap.gap) || a.order - b.order)
    .map((x) => x.gap);
}

/** Gaps grouped by principle; the group with the biggest gap first, each group biggest first. */
export function groupByPrinciple(
  gaps: readonly QuestionGap[],
  titleOf: (key: PrincipleKey) => string,
): GapGroup[] {
  const groups = new Map<PrincipleKey, GapGroup>();
  // `gaps` is biggest first, so each group is too, and groups open in order of their biggest gap.
  for (const gap of gaps) {
    const group = groups.get(gap.principle) ?? {
      principle: gap.principle,
      title: titleOf(gap.principle),
      gaps: [],
    };
    group.gaps.push(gap);
    groups.set(gap.principle, group);
  }
  return [...groups.values()];
}
