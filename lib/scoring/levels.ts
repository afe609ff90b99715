/**
 * The published rule that turns a prime's verified self-assessment, its partners' released figures
 * and its unresolved red flags into a level for one cycle (issue 18, part 4;
 * docs/decisions/0026). Pure data and code: "How scoring works" prints the rule from these
 * constants, the service feeds it, and the unit tests work it on examples.
 */

export const LEVELS = ["MEETS", "MEETS_WITH_CONDITIONS", "NOT_YET"] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABEL: Record<Level, string> = {
  MEETS: "Meets the code",
  MEETS_WITH_CONDITIONS: "Meets the code with conditions",
  NOT_YET: "Does not yet meet the code",
};

export const LEVEL_RULE = {
  /** Changed whenever the thresholds or the steps below change; stored with each confirmed level. */
  version: "1",
  /** The least a principle may stand at for "Meets the code". */
  meets: 60,
  /** The least a principle may stand at for any level above "Does not yet meet the code". */
  conditions: 40,
} as const;

export interface PrincipleEvidence {
  key: string;
  title: string;
  /** The commissioner's latest verdict on the principle is "verified". */
  verified: boolean;
  /** The prime's own score for the principle, as submitted; null when it has none. */
  ownScore: number | null;
  /** Partners' released mean for the principle, as the prime reads it; null when not released. */
  partnersMean: number | null;
  /** Red flags on the principle, raised by partners' released figures or the prime's own answers, with no done action. */
  unresolvedFlags: number;
}

export interface LevelInput {
  principles: readonly PrincipleEvidence[];
  /** Partners' figures for the prime on this contract have been released for the cycle. */
  partnersReleased: boolean;
}

export interface PrincipleStanding {
  key: string;
  title: string;
  /** The lower of the verified own score and partners' mean; null when not verified or unscored. */
  standing: number | null;
}

export interface LevelOutcome {
  level: Level;
  /** Why not a higher level, or the conditions attached: sentences for the prime and commissioner. */
  reasons: string[];
  principles: PrincipleStanding[];
}

const lower = (a: number, b: number | null) => (b === null ? a : Math.min(a, b));

/** The level the rule gives, with its reasons. An empty framework never meets the code. */
export function workLevel(input: LevelInput): LevelOutcome {
  const principles = input.principles.map((p) => ({
    key: p.key,
    title: p.title,
    standing: p.verified && p.ownScore !== null ? lower(p.ownScore, p.partnersMean) : null,
  }));
  const blocking: string[] = [];
  for (const [i, p] of input.principles.entries()) {
    const standing = principles[i]?.standing ?? null;
    if (!p.verified) blocking.push(`${p.title} has not been verified.`);
    else if (p.ownScore === null) blocking.push(`${p.title} has no score of the prime's own.`);
    else if (standing !== null && standing < LEVEL_RULE.conditions) {
      blocking.push(`${p.title} stands at ${standing.toFixed(1)}, below ${LEVEL_RULE.conditions}.`);
    }
  }
  if (input.principles.length === 0) blocking.push("There are no principles to assess.");
  if (blocking.length > 0) return { level: "NOT_YET", reasons: blocking, principles };

  const conditions: string[] = [];
  if (!input.partnersReleased) conditions.push("Partners' figures for this cycle have not been released.");
  for (const [i, p] of input.principles.entries()) {
    const standing = principles[i]?.standing ?? 0;
    if (standing < LEVEL_RULE.meets) {
      conditions.push(`${p.title} stands at ${standing.toFixed(1)}, below ${LEVEL_RULE.meets}.`);
    }
    if (p.unresolvedFlags > 0) {
      conditions.push(
        `${p.title} has ${p.unresolvedFlags} unresolved red ${p.unresolvedFlags === 1 ? "flag" : "flags"}.`,
      );
    }
  }
  return {
    level: conditions.length > 0 ? "MEETS_WITH_CONDITIONS" : "MEETS",
    reasons: conditions,
    principles,
  };
}

/** The rule in words, for "How scoring works": one line per step, generated from the constants. */
export const LEVEL_STEPS: readonly string[] = [
  "Each principle of the prime's self-assessment for the cycle is reviewed by the contract's commissioner against the prime's evidence: verified, not verified, or more evidence needed. Only the latest verdict counts.",
  "A verified principle stands at the lower of the prime's own score and its partners' released mean for that principle on the contract. Where partners' figures are not released, it stands at the prime's own score. Partners' individual answers are never used: only figures already released under the rules above, as the prime itself reads them.",
  `Does not yet meet the code: any principle is not verified, has no score of the prime's own, or stands below ${LEVEL_RULE.conditions}.`,
  `Meets the code: every principle is verified and stands at ${LEVEL_RULE.meets} or more, partners' figures for the cycle have been released, and no red flag is unresolved.`,
  `Meets the code with conditions: every principle is verified and stands at ${LEVEL_RULE.conditions} or more, but a principle stands below ${LEVEL_RULE.meets}, a red flag is unresolved, or partners' figures have not been released. Each of these is named as a condition.`,
  "A red flag is unresolved when partners' released figures or the prime's own answers raise it on a principle, and the prime's action plan on the contract has no action for that principle marked done since the cycle opened.",
  "The commissioner confirms the level, and may publish it on the public register. A confirmed level is dated and kept; a later confirmation replaces it on the register, never in the history.",
];
