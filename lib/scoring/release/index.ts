/**
 * Releases: the reference implementation of how partners' figures are published
 * (docs/decisions/0011). Pure: no database, no Next.js. The service computes releases with it and
 * stores them; reports read only stored releases.
 *
 * - {@link computeRelease}: rows and earlier releases → the figures that may be published, with values.
 * - {@link releaseStructure} / {@link releaseRow}: the framework and scored ratings as a release needs them.
 *
 * @packageDocumentation
 */

export { contributes, isScored } from "./families";
export { computeRelease } from "./release";
export { scopeId } from "./scopes";
export { PRIME_KNOWN_QUESTIONS, type RowPlace, releaseRow, releaseStructure } from "./structure";
export {
  type Audience,
  DEFAULT_THRESHOLDS,
  type DerivedFigure,
  type FamilyKind,
  type FlagFigure,
  MIN_THRESHOLD,
  type Previous,
  type PublishedFigure,
  type PublishedScope,
  type QuestionFigure,
  type Release,
  type ReleaseInput,
  type ReleaseRow,
  type ReleaseStructure,
  SCOPE_LEVELS,
  type ScopeKey,
  type ScopeLevel,
  type SpreadFigure,
  type Suppression,
  type SuppressionReason,
  type Thresholds,
} from "./types";
