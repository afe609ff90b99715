import type { FlagKind, Perspective, PrincipleKey } from "../framework";
import type { Band } from "./numbers";

/** The framework a result was scored against. One shared object per framework. */
export interface FrameworkInfo {
  readonly id: string;
  readonly version: string;
  /** The framework's own anonymity threshold; aggregation never uses less. */
  readonly minPartners: number;
}

export type AnswerStatus = "answered" | "dont-know" | "not-applicable" | "unanswered";

/**
 * One question of the questionnaire, as answered. Read-only: the result of a given answer to a given
 * question is worked out once per framework and shared (frozen) between assessments.
 */
export interface QuestionScore {
  readonly key: string;
  readonly principle: PrincipleKey;
  readonly pairKey: string | null;
  readonly status: AnswerStatus;
  /** 0–100, one decimal; null when the question is unscored or has no real answer. */
  readonly score: number | null;
  /** Whether the answer raises the question's red flag; null when the question has no red flag. */
  readonly flagged: boolean | null;
}

export interface PrincipleScore {
  readonly key: PrincipleKey;
  /** "insufficient-evidence" when fewer than half the principle's scored questions have a real answer. */
  readonly status: "scored" | "insufficient-evidence";
  /** Weighted mean of the answered scored questions, one decimal; null when evidence is insufficient. */
  readonly score: number | null;
  readonly band: Band | null;
  /** Scored questions of this perspective in the principle. */
  readonly asked: number;
  /** Of those, how many have a real answer (not "Don't know", "Not applicable" or blank). */
  readonly answered: number;
  readonly dontKnow: number;
  readonly notApplicable: number;
  /** answered / asked as a percentage, one decimal. */
  readonly coverage: number;
}

/** A red flag raised by an answer. Reported beside the score; it never changes the score. */
export interface RaisedFlag {
  readonly kind: FlagKind;
  readonly label: string;
  readonly question: string;
  readonly principle: PrincipleKey;
}

/** One assessment scored: plain data with one-decimal figures, safe to store and send as JSON. */
export interface ScoredAssessment {
  readonly framework: FrameworkInfo;
  readonly perspective: Perspective;
  /** Weighted mean of the principles that have a score; null when none has. */
  readonly score: number | null;
  readonly band: Band | null;
  /** In framework order. */
  readonly principles: readonly PrincipleScore[];
  /** Every question of this perspective, in framework order. */
  readonly questions: readonly QuestionScore[];
  /** In framework order. */
  readonly redFlags: readonly RaisedFlag[];
}
