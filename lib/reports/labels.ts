import {
  type FlagKind,
  FRAMEWORK_VERSIONS,
  type Framework,
  findQuestion,
  framework,
  type PrincipleKey,
  type Question,
} from "@/lib/framework";
import type { MeasureKey, View } from "@/lib/scoring";

/** Words for report figures, shared by pages and exports so both say the same. */

export const principleTitle = (key: PrincipleKey) =>
  framework.principles.find((p) => p.key === key)?.title ?? key;

export const measureTitle = (key: MeasureKey) => (key === "overall" ? "Overall" : principleTitle(key));

/** Newest version first: a key is one question in every version that has it (lib/framework/README.md). */
const newestFirst = [...FRAMEWORK_VERSIONS].reverse();

/** A question's words, from whichever version asked it: a version 2 report names its new questions. */
export const questionText = (key: string) =>
  newestFirst.map((f) => findQuestion(f, key)?.text).find((text) => text !== undefined) ?? key;

export const VIEW_LABELS: Record<View, string> = {
  "blind-spot": "Blind spot",
  "hidden-strength": "Hidden strength",
  aligned: "Aligned",
  "not-comparable": "Not comparable",
};

export const FLAG_TITLES: Record<FlagKind, string> = {
  "late-payment": "Late payment",
  "bid-candy": "Named in the bid, no work",
  "risk-passed-down": "Risk passed down",
  "unfair-fees": "Unfair fees",
  "no-data-sharing": "No data shared",
};

const flagQuestions = new WeakMap<Framework, Question[]>();

/** The partners' questions of a framework version that can raise a red flag, in its order. */
export function partnerFlagQuestionsOf(version: Framework): readonly Question[] {
  let found = flagQuestions.get(version);
  if (!found) {
    found = version.principles.flatMap((p) =>
      p.questions.filter((q) => q.perspective === "subcontractor" && q.redFlag),
    );
    flagQuestions.set(version, found);
  }
  return found;
}

/** Version 1's, for readers with no cycle to go by. */
export const partnerFlagQuestions = partnerFlagQuestionsOf(framework);
