import type { Band } from "../numbers";

/**
 * The data a release is computed from and the figures it publishes (docs/decisions/0011).
 * Plain data: what the service reads from the database, and what it stores as a release.
 */

/** One partner's submitted rating of a prime, as it stands at the cut-off (corrections applied). */
export interface ReleaseRow {
  /** The assessment's id. */
  readonly ratingId: string;
  /** The partner organisation. Thresholds count distinct respondents, never ratings. */
  readonly respondentId: string;
  readonly primeId: string;
  readonly commissionerId: string;
  readonly contractId: string;
  readonly cycleId: string;
  /** The period the cycle belongs to (its name, such as "2026–27"): what pools line up on. */
  readonly period: string;
  /** Partner question key → the answer's stored score; absent or null without a real answer. */
  readonly questionScores: Readonly<Record<string, number | null | undefined>>;
  /** Flag question key → whether the answer raises the red flag; absent or null without a real answer. */
  readonly flags: Readonly<Record<string, boolean | null | undefined>>;
  /** "overall" and principle keys → the partner's own stored score; null with insufficient evidence. */
  readonly measureScores: Readonly<Record<string, number | null | undefined>>;
}

/** What the release needs to know about the partners' questionnaire. */
export interface ReleaseStructure {
  /** The framework's own anonymity threshold: no setting goes below it (nor below 3). */
  readonly minPartners: number;
  readonly principles: readonly {
    readonly key: string;
    readonly weight: number;
    /** The partners' scored questions and those asked for a red flag only, in framework order. */
    readonly questions: readonly {
      readonly key: string;
      readonly weight: number;
      /** False for a question asked for its red flag only (it has no mean); absent means scored. */
      readonly scored?: boolean;
      /** The question can raise a red flag. */
      readonly flagged: boolean;
      /** About a fact the prime sets or records per partner (its fee, its payment days to it). */
      readonly primeKnown: boolean;
    }[];
  }[];
}

/** A programme's thresholds, one per kind of figure. */
export interface Thresholds {
  /** Fewest partners any group of ratings a published figure can be narrowed to may hold. */
  readonly score: number;
  /** Fewest partners that must fall outside each category of a published count (flags, bands). */
  readonly category: number;
}

/** The lowest any threshold may be set. */
export const MIN_THRESHOLD = 3;

/** Used for a commissioner that has not chosen its own (docs/decisions/0011 says why 5). */
export const DEFAULT_THRESHOLDS: Thresholds = Object.freeze({ score: 5, category: 5 });

/** Widest first: the order scopes are considered in. */
export const SCOPE_LEVELS = ["national", "commissioner", "contract"] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** Whose ratings of one prime in one period a figure covers. */
export type ScopeKey =
  | { readonly level: "national"; readonly primeId: string; readonly period: string }
  | {
      readonly level: "commissioner";
      readonly primeId: string;
      readonly period: string;
      readonly commissionerId: string;
    }
  | {
      readonly level: "contract";
      readonly primeId: string;
      readonly period: string;
      readonly contractId: string;
    };

/**
 * A figure family: one quantity, published at several scopes.
 * - `question`: the mean score of one question's real answers;
 * - `flag`: how many real answers to one question raise its red flag;
 * - `spread`: the partners' own scores for one principle or overall: median and how many in each band.
 * Principle and overall means are not a family: they are derived from published question figures.
 */
export type FamilyKind = "question" | "flag" | "spread";

/** Who may read a figure: everyone who reads the prime's figures, or everyone but the prime. */
export type Audience = "all" | "not-prime";

export interface PublishedScope {
  readonly id: string;
  readonly scope: ScopeKey;
  /** Every rating in the scope, sorted: what later releases are checked against. */
  readonly ratingIds: readonly string[];
  readonly respondents: number;
}

interface FigureBase {
  /** `${kind}:${key}`, such as "question:pay.days.sub". */
  readonly family: string;
  readonly key: string;
  readonly scopeId: string;
  readonly audience: Audience;
  /** The ratings the figure is built from, sorted. Stored with the release; never shown. */
  readonly ratingIds: readonly string[];
  readonly ratings: number;
  readonly respondents: number;
}

export interface QuestionFigure extends FigureBase {
  readonly kind: "question";
  /** Exact sum of the answers' scores in tenths. Stored, never shown. */
  readonly totalTenths: number;
  /** totalTenths / ratings, rounded once to one decimal. */
  readonly mean: number;
}

export interface FlagFigure extends FigureBase {
  readonly kind: "flag";
  /** Ratings whose answer raises the flag, of `ratings`. */
  readonly raised: number;
}

export interface SpreadFigure extends FigureBase {
  readonly kind: "spread";
  readonly median: number;
  readonly bands: Readonly<Record<Band, number>>;
}

export type PublishedFigure = QuestionFigure | FlagFigure | SpreadFigure;

/** A principle or overall mean, worked from the question figures published at one scope. */
export interface DerivedFigure {
  readonly scopeId: string;
  /** "overall" or a principle key. */
  readonly measure: string;
  /** The prime's view leaves out figures it may not read; the commissioner's uses them all. */
  readonly view: "prime" | "commissioner";
  readonly mean: number;
  /** How many published question figures the mean rests on (for overall, principles). */
  readonly from: number;
}

export type SuppressionReason =
  /** On its own it would show fewer partners than the threshold, or too few outside a category. */
  | "too-few"
  /** Beside figures already published, some group of ratings would fall below the threshold. */
  | "difference";

export interface Suppression {
  readonly scopeId: string;
  /** null: the whole scope. */
  readonly family: string | null;
  /** For tests and operators only: a page shows a hidden figure exactly as one with no answers. */
  readonly reason: SuppressionReason;
}

export interface Release {
  readonly scopes: readonly PublishedScope[];
  readonly figures: readonly PublishedFigure[];
  readonly derived: readonly DerivedFigure[];
  readonly suppressed: readonly Suppression[];
}

/** Earlier releases: published and never changed, so every new figure is checked against them. */
export interface Previous {
  readonly scopes: readonly Pick<PublishedScope, "id" | "ratingIds">[];
  readonly figures: readonly Pick<PublishedFigure, "family" | "scopeId" | "ratingIds">[];
}

export interface ReleaseInput {
  /** Every current submitted rating of the period(s) released, previously released ones included. */
  readonly rows: readonly ReleaseRow[];
  readonly structure: ReleaseStructure;
  /** Per commissioner (its programme); {@link DEFAULT_THRESHOLDS} for any not listed. */
  readonly thresholds?: ReadonlyMap<string, Thresholds>;
  readonly previous?: Previous;
  /** Which scopes this release publishes: default every scope of the rows not published before. */
  readonly only?: { readonly commissionerId?: string; readonly levels?: readonly ScopeLevel[] };
}
