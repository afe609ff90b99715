/**
 * The words of verification (issue 18, part 2; docs/decisions/0025): the contract's commissioner
 * reviews each principle of a prime's self-assessment, and the prime responds. Without zod, so the
 * forms in the browser can read them (see lib/framework/constants.ts).
 */

export const VERDICTS = ["VERIFIED", "MORE_EVIDENCE", "NOT_VERIFIED"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABEL: Record<Verdict, string> = {
  VERIFIED: "Verified",
  MORE_EVIDENCE: "More evidence needed",
  NOT_VERIFIED: "Not verified",
};

/** What each verdict means, shown beside it in the commissioner's form. */
export const VERDICT_HINT: Record<Verdict, string> = {
  VERIFIED: "The evidence supports the prime's answers on this principle.",
  MORE_EVIDENCE: "Ask the prime to add evidence or explain; you review the principle again after.",
  NOT_VERIFIED: "The evidence does not support the prime's answers on this principle.",
};

export const VERDICT_TONE = { VERIFIED: "green", MORE_EVIDENCE: "yellow", NOT_VERIFIED: "red" } as const;

export const COMMENT_MAX = 2000;
