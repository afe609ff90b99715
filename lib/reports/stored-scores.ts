import type { ScoredAssessment } from "@/lib/scoring";

/** The measure an overall score is stored under; principles are stored under their keys. */
export const OVERALL = "overall";

export interface StoredScore {
  measure: string;
  score: number | null;
}

/**
 * The rows kept for a submitted assessment: its overall score and each principle's, exactly as
 * lib/scoring worked them out (null for insufficient evidence). Reports aggregate these in SQL, so
 * what a report shows is what scoring says, without loading anyone's answers.
 */
export function storedScores(scored: ScoredAssessment): StoredScore[] {
  return [
    { measure: OVERALL, score: scored.score },
    ...scored.principles.map((p) => ({ measure: p.key, score: p.score })),
  ];
}
