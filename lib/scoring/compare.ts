import type { PrincipleKey } from "../framework";
import { ScoringError, toTenths } from "./numbers";
import type { Aggregate, MeasureKey, QuestionResult } from "./released";
import type { ScoredAssessment } from "./types";

/** How far apart the prime's view and its partners' view are before it counts as a gap. */
export const GAP_THRESHOLD = 20;

/**
 * "blind-spot": the prime rates itself at least 20 points above its partners; "hidden-strength":
 * partners rate it at least 20 points above its own view; "aligned": within 20 either way;
 * "not-comparable": one side has no figure (insufficient evidence, unscored, or suppressed).
 */
export type View = "blind-spot" | "hidden-strength" | "aligned" | "not-comparable";

export interface Gap {
  /** The prime's own score. */
  readonly self: number | null;
  /** The partners' mean score. */
  readonly partners: number | null;
  /** self − partners, one decimal, from the two figures as shown; null when not comparable. */
  readonly gap: number | null;
  readonly view: View;
}

export interface MeasureGap extends Gap {
  readonly key: MeasureKey;
}

export interface PairGap extends Gap {
  readonly pairKey: string;
  readonly principle: PrincipleKey;
  /** The prime's question and the partners' question. */
  readonly primeQuestion: string;
  readonly partnerQuestion: string;
  /**
   * The prime's answer does not raise its red flag (it says the indicator is met) while more than
   * half of the partners who answered raise theirs, judged only from a released flag count. Null
   * (unknown) when the prime makes such a claim but no flag count of its partners is shown (hidden
   * by the release, or not released yet); false otherwise.
   */
  readonly claimDisputed: boolean | null;
}

export type ViewComparison =
  | { readonly comparable: false }
  | {
      readonly comparable: true;
      readonly overall: MeasureGap;
      /** In framework order. */
      readonly principles: readonly MeasureGap[];
      /** Paired questions, in the order of the prime's questionnaire. */
      readonly pairs: readonly PairGap[];
    };

/**
 * Sets a prime's self-assessment beside its partners' aggregate, per principle, overall and per
 * paired question: gap = self − partners; a blind spot when self ≥ partners + 20, a hidden
 * strength when partners ≥ self + 20, otherwise aligned; and a disputed claim where the prime says
 * an indicator is met and most partners say it is not. Gaps are worked from the one-decimal
 * figures in whole tenths, so a gap of exactly 20.0 is a blind spot. When the partners' aggregate
 * is suppressed nothing is compared (and nothing about it is revealed).
 *
 * Throws a ScoringError when `self` is not a prime's assessment or the two use different
 * framework versions.
 */
export function compareViews(self: ScoredAssessment, partners: Aggregate): ViewComparison {
  if (self.perspective !== "prime") {
    throw new ScoringError(
      `compareViews needs the prime's self-assessment, got a ${self.perspective} assessment`,
    );
  }
  if (partners.suppressed) return { comparable: false };
  const { id, version } = partners.framework;
  if (self.framework.id !== id || self.framework.version !== version) {
    throw new ScoringError(
      `self-assessment uses ${self.framework.id} ${self.framework.version}, partners' ratings ${id} ${version}`,
    );
  }

  const measureGap = (key: MeasureKey, own: number | null): MeasureGap => {
    const theirs =
      key === "overall" ? partners.overall : partners.principles.find((principle) => principle.key === key);
    return { key, ...gap(own, theirs && !theirs.suppressed ? theirs.mean : null) };
  };
  const byPair = new Map<string, QuestionResult>();
  for (const question of partners.questions) if (question.pairKey) byPair.set(question.pairKey, question);

  const pairs: PairGap[] = [];
  for (const own of self.questions) {
    const theirs = own.pairKey ? byPair.get(own.pairKey) : undefined;
    if (!own.pairKey || !theirs) continue;
    const shown = theirs.suppressed ? null : theirs;
    const claims = own.status === "answered" && own.flagged === false;
    const claimDisputed = !claims
      ? false
      : shown === null || shown.flagged === null
        ? null
        : shown.flagged * 2 > shown.n;
    pairs.push({
      pairKey: own.pairKey,
      principle: own.principle,
      primeQuestion: own.key,
      partnerQuestion: theirs.key,
      ...gap(own.status === "answered" ? own.score : null, shown?.mean ?? null),
      claimDisputed,
    });
  }
  return {
    comparable: true,
    overall: measureGap("overall", self.score),
    principles: self.principles.map((principle) => measureGap(principle.key, principle.score)),
    pairs,
  };
}

function gap(self: number | null, partners: number | null): Gap {
  if (self === null || partners === null) return { self, partners, gap: null, view: "not-comparable" };
  const tenths = toTenths(self) - toTenths(partners);
  const view =
    tenths >= GAP_THRESHOLD * 10
      ? "blind-spot"
      : tenths <= -GAP_THRESHOLD * 10
        ? "hidden-strength"
        : "aligned";
  return { self, partners, gap: tenths / 10, view };
}
