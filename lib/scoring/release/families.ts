import { BANDS, bandOf } from "../numbers";
import { enoughOutsideEach, enoughPartners, type GroupRule } from "./partition";
import type { Audience, FamilyKind, ReleaseRow, ReleaseStructure } from "./types";

/**
 * The figure families a release publishes, and what each needs of every group of its ratings
 * (docs/decisions/0011, "Figures"):
 * - a question's mean: the score threshold of partners;
 * - a question's red flag: as many, and the category threshold both raising and not raising it;
 * - the spread of partners' own principle or overall scores (median and bands): the score
 *   threshold, and the category threshold outside every band.
 * Questions about facts the prime sets per partner are for readers other than the prime.
 */

export interface Family {
  readonly kind: FamilyKind;
  readonly key: string;
  readonly audience: Audience;
  /** The rating's value for this family, or null when it does not contribute. */
  readonly value: (row: ReleaseRow) => number | boolean | null;
  readonly category: (value: number | boolean) => string | null;
  readonly rule: GroupRule;
}

const FLAG_CATEGORIES = ["raised", "not raised"];

/** Has a mean: every question but one asked for its red flag only. */
export const isScored = (q: { scored?: boolean }) => q.scored !== false;

export function familiesOf(structure: ReleaseStructure): Family[] {
  const families: Family[] = [];
  const present = <T>(value: T | null | undefined): T | null => value ?? null;
  const spreadRule = enoughOutsideEach(BANDS);
  const flagRule = enoughOutsideEach(FLAG_CATEGORIES);
  for (const principle of structure.principles) {
    for (const q of principle.questions) {
      const audience: Audience = q.primeKnown ? "not-prime" : "all";
      if (isScored(q)) {
        families.push({
          kind: "question",
          key: q.key,
          audience,
          value: (row) => present(row.questionScores[q.key]),
          category: () => null,
          rule: enoughPartners,
        });
      }
      if (q.flagged) {
        families.push({
          kind: "flag",
          key: q.key,
          audience,
          value: (row) => present(row.flags[q.key]),
          category: (raised) => (raised ? "raised" : "not raised"),
          rule: flagRule,
        });
      }
    }
    const scored = principle.questions.filter(isScored);
    const known = scored.length > 0 && scored.every((q) => q.primeKnown);
    families.push(spread(principle.key, known ? "not-prime" : "all"));
  }
  families.push(spread("overall", "all"));
  return families;

  function spread(key: string, audience: Audience): Family {
    return {
      kind: "spread",
      key,
      audience,
      value: (row) => present(row.measureScores[key]),
      category: (score) => bandOf(score as number),
      rule: spreadRule,
    };
  }
}

/**
 * Whether a rating is in the contributing set of a family ("question:<key>", "flag:<key>" or
 * "spread:<key>"), exactly as {@link familiesOf}'s `value` decides. A published figure's ratings are
 * its scope's ratings that contribute, so they need not be stored one by one.
 */
export function contributes(row: ReleaseRow, family: string): boolean {
  const colon = family.indexOf(":");
  const kind = family.slice(0, colon);
  const key = family.slice(colon + 1);
  const value =
    kind === "question"
      ? row.questionScores[key]
      : kind === "flag"
        ? row.flags[key]
        : kind === "spread"
          ? row.measureScores[key]
          : undefined;
  return value !== null && value !== undefined;
}
