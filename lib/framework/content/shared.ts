import type { FrameworkInput } from "../schema";

/** The raw (pre-parse) shapes the content files are written in. */
export type PrincipleInput = FrameworkInput["principles"][number];
export type QuestionInput = PrincipleInput["questions"][number];
export type ScoringInput = NonNullable<QuestionInput["scoring"]>;
export type RedFlagInput = NonNullable<QuestionInput["redFlag"]>;

/** A fixed scale scored evenly from its first option (0) to its last (100). */
export const SCALE_SCORING: ScoringInput = { rule: "scale" };

/** Yes / partly / no where "yes" is the good answer. */
export const YES_PARTLY_NO_SCORING: ScoringInput = {
  rule: "options",
  scores: { no: 0, partly: 50, yes: 100 },
};
